import type { Rule } from './rule'
import { structureRules } from './structure/structure-rules'
import { glyphRules } from './text/glyph-rules'
import { textRules } from './text/text-rules'

/**
 * Every rule the check engine runs: structure rules, then text rules, then TXT-GLYPH (it reads the fonts of the
 * machine the editor runs on, so it has no fixed examples as the spec's text rules do).
 */
export const allRules: Rule[] = [...structureRules, ...textRules, ...glyphRules]

const rulesById: ReadonlyMap<string, Rule> = new Map(allRules.map(rule => [rule.id, rule]))

/** The rule with this id (undefined for an id no rule has, e.g. from a newer version's file). */
export function ruleById(id: string): Rule | undefined {
  return rulesById.get(id)
}
