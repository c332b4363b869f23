import type { Finding, Fix, Severity, TextEdit } from '../finding'
import type { CheckContext, Rule, TextBlock } from '../rule'
import type { Section } from '../../structure/report-structure'
import { ruleSwitches } from '../gate-rules'
import { sectionName } from '../structure/part-label'

export type Emit = (block: TextBlock, from: number, to: number, message: string, fix?: Fix, severity?: Severity) => void

const sectionTitles = new WeakMap<CheckContext, string[]>()

function titlesByTopIndex(context: CheckContext): string[] {
  let titles = sectionTitles.get(context)
  if (titles) return titles
  titles = []
  const visit = (sections: Section[]): void => {
    for (const section of sections) {
      const name = sectionName(section, context)
      for (let index = section.index; index < section.end; index++) titles![index] = name
      visit(section.children)
    }
  }
  visit(context.structure?.parts ?? [])
  sectionTitles.set(context, titles)
  return titles
}

/** Title of the section a path lies in (undefined in the front matter). */
export function sectionOf(context: CheckContext, path: number[]): string | undefined {
  if (path.length === 0) return undefined
  return titlesByTopIndex(context)[path[0]!]
}

/** A reporter bound to one rule: builds the finding with the block's path and section. */
export function textReporter(
  rule: Pick<Rule, 'id' | 'severity'>,
  context: CheckContext,
  report: (finding: Finding) => void,
): Emit {
  return (block, from, to, message, fix, severity) => {
    const finding: Finding = {
      rule: rule.id,
      severity: severity ?? rule.severity,
      message,
      location: { path: block.path, from, to, section: sectionOf(context, block.path) },
    }
    if (block.kind === 'footnote' && block.footnote !== undefined) finding.location.footnote = block.footnote
    if (fix) finding.fix = fix
    report(finding)
  }
}

/** A `replaceText` fix on one block: `edits` as [from, to, text]. */
export function replaceFix(label: string, block: TextBlock, edits: Array<[number, number, string]>): Fix {
  const textEdits: TextEdit[] = edits.map(([from, to, text]) => ({ path: block.path, from, to, text }))
  return { kind: 'replaceText', label, edits: textEdits }
}

/** True when the rule runs for this report (switched on, or one that cannot be switched off). */
export function isEnabled(context: CheckContext, ruleId: string): boolean {
  return !ruleSwitches(context.report.checks, context.template).off.includes(ruleId)
}

/** Shortens a snippet for messages (`……` when cut). */
export function quote(text: string, max = 12): string {
  const clean = text.replace(/\n/g, ' ')
  return clean.length > max ? clean.slice(0, max) + '……' : clean
}
