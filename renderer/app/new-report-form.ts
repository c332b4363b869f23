import type { NewReportOptions } from '../../core/ipc/files-api'
import { isoDate } from '../../core/report-language/chinese-date'
import { planYearFromDate } from '../../core/report-language/plan-year'
import { expandTitle } from '../../core/templates/expand-title'
import type { Template } from '../../core/templates/template-schema'

/** Plan years the new-report call accepts (core/ipc/files-api.ts). */
export const PLAN_YEAR_MIN = 1949
export const PLAN_YEAR_MAX = 2200

/** The clerk drafts in winter for the coming session: November and December default to next year (the same month
 * rule as a meeting date, `planYearFromDate`). */
export function defaultPlanYear(now: Date): number {
  return planYearFromDate(isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate())) ?? now.getFullYear()
}

/** Fields the form fills from the template until the user types in them. */
export type PrefilledField = 'meetingName' | 'speakerOffice'
export const prefilledFields: readonly PrefilledField[] = ['meetingName', 'speakerOffice']

export interface TemplateSuggestions extends Record<PrefilledField, string> {
  /** The title the new report will get (one line). */
  title: string
}

/** The template's front-matter defaults with this form's year and organisation filled in. */
export function templateSuggestions(
  template: Template | undefined,
  form: { planYear: number; organisation: string },
): TemplateSuggestions {
  if (!template) return { meetingName: '', speakerOffice: '', title: '' }
  const front = template.frontMatter
  const base = { planYear: form.planYear, organisation: form.organisation.trim() }
  const meetingName = front.meetingName ? expandTitle(front.meetingName, base) : ''
  const expand = { ...base, meetingName }
  return {
    meetingName,
    speakerOffice: front.speakerOffice ? expandTitle(front.speakerOffice, expand) : '',
    title: expandTitle(front.title, expand).replace(/\n/g, ''),
  }
}

export type FormProblem = 'templateRequired' | 'yearRange'

/** What keeps the form from being sent, per field (the messages are locale keys `start.problems.*`). */
export function validateNewReport(form: {
  templateId: string
  yearText: string
}): Partial<Record<'templateId' | 'planYear', FormProblem>> {
  const problems: Partial<Record<'templateId' | 'planYear', FormProblem>> = {}
  if (!form.templateId) problems.templateId = 'templateRequired'
  const year = form.yearText.trim()
  if (!/^\d{4}$/.test(year) || Number(year) < PLAN_YEAR_MIN || Number(year) > PLAN_YEAR_MAX)
    problems.planYear = 'yearRange'
  return problems
}

/** The options sent to newReport: typed values where the user typed, the template's suggestions elsewhere. */
export function newReportOptions(
  form: Omit<NewReportOptions, 'planYear'> & { yearText: string },
  edited: ReadonlySet<PrefilledField>,
  suggestions: TemplateSuggestions,
): NewReportOptions {
  const { yearText, ...rest } = form
  const options: NewReportOptions = { ...rest, planYear: Number(yearText.trim()) }
  for (const field of prefilledFields) if (!edited.has(field)) options[field] = suggestions[field]
  return options
}
