import { termOrdinal } from '../report-language/meeting'
import { organisationLevel } from '../report-language/organisation'

export interface ExpandOptions {
  planYear: number
  /** Organisation, e.g. `郑州市二七区`; '' gives the placeholder `××区`. */
  organisation?: string
  /** Meeting name (also the source of `{TERM}`). */
  meetingName?: string
  /** Date as printed, e.g. `2024年1月16日`. */
  dateText?: string
  /** First year of the term (default: plan year − 5). */
  termStart?: number
}

export const ORGANISATION_PLACEHOLDER = '××区'

/**
 * Replaces template variables: `{Y}` plan year, `{Y-1}` (any `{Y±n}`), `{ORG}`, `{LEVEL}`, `{TERM}`,
 * `{TERM_START}`, `{DATE}`, `{MEETING}`. Unknown variables stay as they are.
 */
export function expandTitle(pattern: string, options: ExpandOptions): string {
  const organisation = options.organisation?.trim() || ORGANISATION_PLACEHOLDER
  return pattern.replace(/\{([A-Z_]+)([+-]\d+)?\}/g, (whole, name: string, offset?: string) => {
    switch (name) {
      case 'Y':
        return String(options.planYear + (offset ? Number(offset) : 0))
      case 'ORG':
        return organisation
      case 'LEVEL':
        return organisationLevel(organisation)
      case 'TERM':
        return termOrdinal(options.meetingName ?? '')
      case 'TERM_START':
        return String(options.termStart ?? options.planYear - 5)
      case 'DATE':
        return options.dateText || `${options.planYear}年×月×日`
      case 'MEETING':
        return options.meetingName || `${organisation}第×届人民代表大会第×次会议`
      default:
        return whole
    }
  })
}
