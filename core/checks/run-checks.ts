import type { ReportFile } from '../report-file'
import { analyzeStructure } from '../structure/analyze-structure'
import type { ReportStructure } from '../structure/report-structure'
import type { Template } from '../templates/template-schema'
import { allRules } from './all-rules'
import { collectBlocks } from './collect-blocks'
import type { Finding } from './finding'
import { checkTemplateFor, ruleSwitches } from './gate-rules'
import type { Rule } from './rule'

export interface CheckOptions {
  /** Template for structure rules; default: the report's template, else its kind's built-in one. */
  template?: Template
  /** Rules to run; default: allRules. */
  rules?: Rule[]
  /** Structure already worked out for this report (saves a pass). */
  structure?: ReportStructure
  /** Characters no installed print face has (TXT-GLYPH); the editor asks main for them. */
  uncoveredChars?: ReadonlySet<string>
}

function comparePaths(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i]! - b[i]!
  }
  return a.length - b.length
}

/**
 * One check pass: flattens the document once, works out its structure once, then runs every
 * enabled rule. Rules in `report.checks.disabled` are skipped, except those that cannot be switched off
 * (gate-rules.ts: the structure guards and the template's blocking rules). Findings come in document order
 * (findings about the whole report, e.g. a missing part, first).
 */
export function runChecks(report: ReportFile, options: CheckOptions = {}): Finding[] {
  const template = options.template ?? checkTemplateFor(report)
  const disabled = new Set(ruleSwitches(report.checks, template).off)
  const rules = (options.rules ?? allRules).filter(rule => !disabled.has(rule.id))
  const structure = options.structure ?? analyzeStructure(report, template)
  const blocks = collectBlocks(report.doc, report.meta.numbering, { footnotes: true })
  const context = { report, template, structure, blocks, uncoveredChars: options.uncoveredChars }
  const findings: Finding[] = []
  const add = (finding: Finding) => {
    if (!disabled.has(finding.rule)) findings.push(finding)
  }
  for (const rule of rules) rule.run(context, add)
  return findings
    .map((finding, order) => ({ finding, order }))
    .sort(
      (a, b) =>
        comparePaths(a.finding.location.path, b.finding.location.path) ||
        (a.finding.location.from ?? 0) - (b.finding.location.from ?? 0) ||
        a.order - b.order,
    )
    .map(entry => entry.finding)
}
