/** Parsers for front-matter lines, tolerant of the variants in spec/report-structure.md §1. */

const DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?/

function pad(value: string): string {
  return value.length === 1 ? `0${value}` : value
}

/** `2024年1月16日` anywhere in the text → `2024-01-16` (`2024-01` without a day). */
export function parseChineseDate(text: string): string | undefined {
  const match = DATE.exec(text)
  if (!match) return undefined
  return match[3] ? `${match[1]}-${pad(match[2]!)}-${pad(match[3])}` : `${match[1]}-${pad(match[2]!)}`
}

/**
 * The occasion subtitle: `——2024年1月16日在××区第十八届人民代表大会第三次会议上`, also in parentheses,
 * with one dash or none, without a date, wrapped over lines, or ending `…会议上的报告`.
 */
export function parseSubtitle(text: string): { date?: string; meeting?: string } {
  const flat = text.replace(/[\s\u3000]+/g, '')
  const date = parseChineseDate(flat)
  const meetingMatch = /在(.{2,60}?会议)(?:上|$)/.exec(flat) ?? /([^—\-－–（(]{2,60}?会议)/.exec(flat.replace(DATE, ''))
  const result: { date?: string; meeting?: string } = {}
  if (date) result.date = date
  if (meetingMatch) result.meeting = meetingMatch[1]!.replace(DATE, '')
  return result
}

/** A paragraph that reads as an occasion subtitle (used when the text has no subtitle node). */
export function looksLikeSubtitle(text: string): boolean {
  const flat = text.replace(/[\s\u3000]+/g, '')
  return /^[（(]?[—\-－–]{0,2}(\d{4}年\d{1,2}月(\d{1,2}日)?)?在.{2,60}会议上(的报告)?[）)]?$/.test(flat)
}

/** A date line on its own, `（2024年1月15日）`, used when the subtitle has no date. */
export function looksLikeDateLine(text: string): boolean {
  return /^[（(]\d{4}年\d{1,2}月\d{1,2}日[）)]$/.test(text.replace(/[\s\u3000]+/g, ''))
}

const OFFICE_END =
  /^(.*?(?:副?主任|副?主席|代理?[区县市州省]长|[区县市州省旗]长|副?委员长|总理|副?书记|秘书长|主任委员|副?局长|负责人))\s*([\u4e00-\u9fff·]{2,4})$/u

/** `××区人大常委会主任 张三`, `区人民政府区长李四`, `杨  智` (name alone, padded). */
export function parseSpeaker(text: string): { office: string; name: string } {
  const trimmed = text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '')
  const compact = trimmed.replace(/[\s\u3000]+/g, '')
  if (compact.length <= 4 && !/(主任|主席|长|书记)$/.test(compact)) return { office: '', name: compact }
  const glued = OFFICE_END.exec(compact)
  const spaced = /^(.+?)[\s\u3000]+(\S(?:[\s\u3000]{0,3}\S){1,3})$/u.exec(trimmed)
  if (spaced && !/[\s\u3000]/.test(spaced[1]!.trim().slice(-1))) {
    const office = spaced[1]!.trim()
    const name = spaced[2]!.replace(/[\s\u3000]+/g, '')
    // `××区人大常委会 主任张三` is rare; prefer the glued split when the tail holds the office word
    if (glued && /(主任|主席|长|书记)/.test(name)) return { office: glued[1]!, name: glued[2]! }
    return { office: office.replace(/[\s\u3000]+/g, ''), name }
  }
  if (glued) return { office: glued[1]!, name: glued[2]! }
  return { office: compact, name: '' }
}

/** `各位代表：`, `各位委员、同志们：` (ASCII colon tolerated). */
export function looksLikeSalutation(text: string): boolean {
  return /^各位[\u4e00-\u9fff、]{2,12}[：:]$/.test(text.replace(/[\s\u3000]+/g, ''))
}

/** Salutation without spaces and with a full-width colon, for comparing with the template. */
export function normaliseSalutation(text: string): string {
  return text.replace(/[\s\u3000]+/g, '').replace(/:$/, '：')
}
