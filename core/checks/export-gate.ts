import type { DraftLabel, ExportOutcome, GateSummary } from '../ipc/export-api'
import type { ReportFile } from '../report-file'
import type { Template } from '../templates/template-schema'
import { ruleById } from './all-rules'
import type { Finding } from './finding'
import { checkTemplateFor, ruleSwitches } from './gate-rules'
import { runChecks } from './run-checks'

export interface GateResult extends GateSummary {
  /** Every error found (a draft export is allowed with them; the UI may still list them). */
  errors: Finding[]
}

export interface GateOptions {
  /** Template whose blocking rules join the structure guards; default: the report's built-in template. */
  template?: Template
}

/**
 * The export gate, run once per export (by the service that writes or prints): a final export needs zero
 * error findings; a draft (征求意见稿/讨论稿) is always allowed. Rules the report switched off are not run,
 * except the structure guards and the template's blocking rules, which no `checks.disabled` can switch off.
 */
export function gateExport(report: ReportFile, draftLabel: DraftLabel | null, options: GateOptions = {}): GateResult {
  const template = options.template ?? checkTemplateFor(report)
  const switches = ruleSwitches(report.checks, template)
  const errors = runChecks(report, { template }).filter(finding => finding.severity === 'error')
  const base = { errors, rulesOff: switches.off, rulesKept: switches.kept }
  if (draftLabel !== null) return { allowed: true, blocking: [], ...base }
  return { allowed: errors.length === 0, blocking: errors, ...base }
}

/** What the renderer is told about a gate decision (no `errors` of a draft: it does not show them). */
export function gateSummary(gate: GateResult): GateSummary {
  return { allowed: gate.allowed, blocking: gate.blocking, rulesOff: gate.rulesOff, rulesKept: gate.rulesKept }
}

/** The outcome of an export the gate refused: what blocks it and which rules were off or kept on. */
export function refusedOutcome(gate: GateResult): ExportOutcome {
  return { kind: 'refused', blocking: gate.blocking, rulesOff: gate.rulesOff, rulesKept: gate.rulesKept }
}

/** `半角标点（PUN-HALFWIDTH）`: a rule as people read it. */
export function ruleName(id: string): string {
  const rule = ruleById(id)
  return rule ? `${rule.title}（${id}）` : id
}

/**
 * zh-CN lines telling what the gate did not check (rules switched off) and what it checked although the
 * report lists it as switched off; empty when nothing is switched off. Used by `wrs export`.
 */
export function describeRuleSwitches(gate: Pick<GateResult, 'rulesOff' | 'rulesKept'>): string[] {
  const lines: string[] = []
  if (gate.rulesOff.length > 0)
    lines.push(
      `注意：这份报告关闭了 ${gate.rulesOff.length} 条检查规则，本次导出没有检查：${gate.rulesOff.map(ruleName).join('、')}。` +
        '如需检查，请在编辑器的检查面板中点“恢复检查”。',
    )
  if (gate.rulesKept.length > 0)
    lines.push(
      `报告中设为不检查的${gate.rulesKept.map(ruleName).join('、')}守护报告结构，不能关闭：正式稿导出仍然检查。`,
    )
  return lines
}
