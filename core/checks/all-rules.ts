import type { Rule } from './rule'
import { structureRules } from './structure/structure-rules'
import { textRules } from './text/text-rules'

/** Every rule the check engine runs: structure rules, then text rules. */
export const allRules: Rule[] = [...structureRules, ...textRules]
