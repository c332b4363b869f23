/** Dates as reports write them (`2024年1月16日`, `2024年1月`) and as meta stores them (ISO `2024-01-16`, `2024-01`). */

const DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?/

/** `2024`, `1`, `16` → `2024-01-16`; without a day `2024-01`; '' when the month or day is impossible. */
export function isoDate(year: number | string, month: number | string, day?: number | string): string {
  const m = Number(month)
  const d = day === undefined || day === '' ? undefined : Number(day)
  if (!(m >= 1 && m <= 12) || (d !== undefined && !(d >= 1 && d <= 31))) return ''
  const base = `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}`
  return d === undefined ? base : `${base}-${String(d).padStart(2, '0')}`
}

/** The first `2024年1月16日` (or `2024年1月`) anywhere in a text, as ISO; undefined when there is none. */
export function parseChineseDate(text: string): string | undefined {
  const match = DATE.exec(text)
  if (!match) return undefined
  return isoDate(match[1]!, match[2]!, match[3]) || undefined
}

/** ISO `2024-01-16` → `2024年1月16日`; `2024-01` → `2024年1月`; '' when not a date. */
export function formatChineseDate(iso: string): string {
  const match = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(iso.trim())
  if (!match || !isoDate(match[1]!, match[2]!, match[3])) return ''
  return `${match[1]}年${Number(match[2])}月` + (match[3] ? `${Number(match[3])}日` : '')
}

/** `（2024年1月16日）` alone on a line: the date of a subtitle that has none. */
export function parseDateLine(text: string): string | undefined {
  const match = /^[（(]\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[）)]$/.exec(text.trim())
  return match ? isoDate(match[1]!, match[2]!, match[3]) || undefined : undefined
}

/** Year, month and day of an ISO date (month and day undefined where it has none). */
export function dateParts(iso: string): { year: number; month?: number; day?: number } | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso.trim())
  if (!match) return undefined
  return {
    year: Number(match[1]),
    ...(match[2] ? { month: Number(match[2]) } : {}),
    ...(match[3] ? { day: Number(match[3]) } : {}),
  }
}

/** The first `2月27日` without a year in a text (a newspaper lead's date): month and day. */
export function findMonthDay(text: string): { month: number; day: number } | undefined {
  const match = /(?:^|[^\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(text)
  if (!match || !isoDate(2000, match[1]!, match[2]!)) return undefined
  return { month: Number(match[1]), day: Number(match[2]) }
}
