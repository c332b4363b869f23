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

/** `二七区` → `区`, `郑州市` → `市`, `××县` → `县`; `区` when it cannot be told. */
export function organisationLevel(organisation: string): string {
  const match = /(区|县|市|州|旗|盟|省|镇|乡|街道)$/.exec(organisation.trim())
  return match ? match[1]! : '区'
}

/** `政协二七区第十届委员会第二次会议` → `第十届`; `第×届` when the meeting does not say. */
export function termOrdinal(meetingName: string): string {
  const match = /第([一二三四五六七八九十]{1,3}|\d{1,2})届/.exec(meetingName)
  return match ? `第${match[1]}届` : '第×届'
}

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

/** ISO `2024-01-16` → `2024年1月16日`; `2024-01` → `2024年1月`; '' when not a date. */
export function formatChineseDate(iso: string): string {
  const match = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(iso.trim())
  if (!match) return ''
  const month = Number(match[2])
  const day = match[3] ? Number(match[3]) : undefined
  if (month < 1 || month > 12 || (day !== undefined && (day < 1 || day > 31))) return ''
  return `${match[1]}年${month}月` + (day !== undefined ? `${day}日` : '')
}
