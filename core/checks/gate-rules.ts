import type { CheckSettings, ReportFile } from '../report-file'
import { getBuiltinTemplate, templateForKind } from '../templates/builtin-templates'
import type { Template } from '../templates/template-schema'

/**
 * Rules that guard the structure a report must have before it goes out as a 正式稿: a required part missing
 * or emptied, template guidance or a promise box left, figures carried over and not yet confirmed, and a
 * review round not dealt with (a suggestion pending, a comment unresolved). They cannot be switched off:
 * `checks.disabled` listing them is ignored, in the checks panel and by the gate.
 */
export const structureGuardRules: readonly string[] = [
  'STR-MISSING',
  'STR-PLACEHOLDER',
  'STR-NEEDS-REVIEW',
  'STR-REVIEW-PENDING',
]

/** The template the checks use for a report: its own built-in template, else the built-in one of its kind. */
export function checkTemplateFor(report: ReportFile): Template {
  return getBuiltinTemplate(report.meta.templateId) ?? templateForKind(report.meta.kind)
}

/** Rules that cannot be switched off: the structure guards and the rules the template marks as blocking. */
export function lockedRules(template?: Template): ReadonlySet<string> {
  return new Set([...structureGuardRules, ...(template?.blockingRules ?? [])])
}

export interface RuleSwitches {
  /** Rules switched off for this report and honoured (not run), in the order the report lists them. */
  off: string[]
  /** Rules the report lists as switched off that cannot be: they run all the same. */
  kept: string[]
}

/** Which of the report's switched-off rules are honoured and which are run anyway. */
export function ruleSwitches(checks: Pick<CheckSettings, 'disabled'>, template?: Template): RuleSwitches {
  const locked = lockedRules(template)
  const listed = [...new Set(checks.disabled)]
  return { off: listed.filter(id => !locked.has(id)), kept: listed.filter(id => locked.has(id)) }
}
