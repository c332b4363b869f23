import { formatChineseDate, isoDate, parseChineseDate } from './chinese-date'
import { findMeeting } from './meeting'

/**
 * The occasion subtitle (spec report-structure §1.2): normally `——2024年1月16日在××区第十八届人民代表大会第三次会议上`;
 * also in parentheses `（2025年1月7日在政协××市第十四届委员会第四次会议上）`, without a date (the date then stands on its
 * own line), with one dash or none, ending `…会议上的报告`, or wrapped over two lines.
 */

export interface SubtitleForm {
  /** What opens it: `——` (the standard), a single or ASCII dash as typed, `（` or nothing. */
  open: string
  /** `）` when bracketed. */
  close: string
  /** After `上`: `的报告`, `的工作报告`, `所作的报告` or ''. */
  suffix: string
}

export interface SubtitleInfo {
  /** ISO `YYYY-MM-DD` or `YYYY-MM`; '' when the subtitle carries no date. */
  date: string
  /** The meeting as written between `在` and `上`. */
  meeting: string
  form: SubtitleForm
}

const OPEN = '([（(]|[—–\\-－─]{1,3})?'
const DATE = '(?:(\\d{4})年(\\d{1,2})月(?:(\\d{1,2})日)?)?'
const PLACE = '在(.{2,70}?(?:会议|大会|全会|开幕式))'
const SUFFIX = '(的(?:工作)?报告|所作的(?:工作)?报告)?'
const subtitlePattern = new RegExp(`^${OPEN}${DATE}${PLACE}上${SUFFIX}([）)])?$`)

function flat(text: string): string {
  return text.replace(/[\s\u3000]+/g, '')
}

/** Date, meeting and form of a subtitle; undefined when the text is not one. */
export function parseSubtitle(text: string): SubtitleInfo | undefined {
  const compact = flat(text)
  if (compact.length > 100) return undefined
  const match = subtitlePattern.exec(compact)
  if (!match) return undefined
  const [, open = '', year, month, day, place, suffix = '', close = ''] = match
  const bracketOpen = /^[（(]$/.test(open)
  if (bracketOpen !== Boolean(close)) return undefined
  // without a lead or a date, `在……会议上` is a sentence fragment, not a subtitle
  if (!open && !year) return undefined
  const meeting = place!.replace(/开幕式$/, '')
  // a real occasion: a numbered meeting (届/次) or a named conference
  if (!findMeeting(meeting) && !/会议|大会|全会/.test(meeting)) return undefined
  return {
    date: year ? isoDate(year, month!, day) : '',
    meeting,
    form: { open, close, suffix },
  }
}

/**
 * The first half of a subtitle wrapped over two lines (`——2024年1月16日在××区第十八届` + `人民代表大会第三次会议上`,
 * `2024年1月16日在政协××市` + `第十四届委员会第四次会议上`): to be joined with the next line and read again.
 */
export function isSubtitleStart(text: string): boolean {
  const compact = flat(text)
  if (!compact || compact.length > 70 || /[。；;！!？?，,]/.test(compact) || parseSubtitle(compact)) return false
  return (
    /^(?:[（(]|[—–\-－─]{1,3})(?:\d{4}年|在)/.test(compact) ||
    /^[—–\-－─]{1,3}$/.test(compact) ||
    /^\d{4}年\d{1,2}月(?:\d{1,2}日)?在/.test(compact)
  )
}

/**
 * A subtitle in the form of `like` (brackets and suffix kept; any dash written as `——`), the standard `——…上` without
 * one. Without a date it reads `——在……会议上` (the date may stand on its own line); an unknown meeting is `××会议`.
 */
export function formatSubtitle(date: string, meeting: string, like?: SubtitleForm): string {
  const when = formatChineseDate(date)
  const form = like ?? { open: '——', close: '', suffix: '' }
  const open = form.close ? '（' : form.open || !when ? '——' : ''
  return `${open}${when}在${meeting || '××会议'}上${form.suffix}${form.close ? '）' : ''}`
}

/** The year of a subtitle's date (also of a date written elsewhere in it), or undefined. */
export function subtitleYear(text: string): number | undefined {
  const parsed = parseSubtitle(text)
  const date = parsed?.date || parseChineseDate(text)
  return date ? Number(date.slice(0, 4)) : undefined
}
