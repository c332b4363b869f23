import { NodeType, nodeText } from '../document-model'
import { chineseNumeral, parseChineseNumeral } from '../numbering'
import type { ReportFile } from '../report-file'

/** What roll forward proposes for next year's report; the user confirms or edits each value. */
export interface RollForwardProposals {
  planYear: { from: number; to: number }
  /** null when last year's meeting name is unknown. */
  meetingName: { from: string; to: string } | null
  /** ISO dates; null when last year's date is unknown. */
  date: { from: string; to: string } | null
  /** zh-CN notes for the user (what could not be proposed, what to check). */
  notes: string[]
}

const numeral = '[一二三四五六七八九十]+'
const meetingPattern = new RegExp(
  `[\\u4e00-\\u9fa5]{0,16}?第?${numeral}届[\\u4e00-\\u9fa5]{0,12}?第?${numeral}次会议`,
  'u',
)
const sessionPattern = new RegExp(`(第?)(${numeral})次会议`, 'gu')

/** `二七区第十七届人民代表大会第三次会议` → `…第四次会议`; `十七届人大三次会议` → `十七届人大四次会议`. */
export function nextMeetingName(name: string): string | undefined {
  const matches = [...name.matchAll(sessionPattern)]
  const last = matches[matches.length - 1]
  if (!last || last.index === undefined) return undefined
  const session = parseChineseNumeral(last[2]!)
  if (session === undefined) return undefined
  const replacement = `${last[1]}${chineseNumeral(session + 1)}次会议`
  return name.slice(0, last.index) + replacement + name.slice(last.index + last[0].length)
}

/** Session number of a meeting name (`第三次会议` → 3). */
export function meetingSession(name: string): number | undefined {
  const matches = [...name.matchAll(sessionPattern)]
  const last = matches[matches.length - 1]
  return last ? parseChineseNumeral(last[2]!) : undefined
}

/** A meeting name found in running text (`2月27日上午,在二七区第十七届…第三次会议上,…`). */
export function findMeetingName(text: string): string | undefined {
  const match = meetingPattern.exec(text)
  if (!match) return undefined
  const found = match[0]
  const at = found.lastIndexOf('在', found.indexOf('届'))
  return at === -1 ? found : found.slice(at + 1)
}

/** Blocks before the first heading: front matter, newspaper lead, opening formula. */
function leadingTexts(report: ReportFile): string[] {
  const texts: string[] = []
  for (const node of report.doc.content ?? []) {
    if (node.type === NodeType.heading) break
    texts.push(nodeText(node))
  }
  return texts
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

function lastYearDate(report: ReportFile, texts: string[]): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/u.test(report.meta.date)) return report.meta.date
  for (const text of texts) {
    const full = /(\d{4})年(\d{1,2})月(\d{1,2})日/u.exec(text)
    if (full) return isoDate(Number(full[1]), Number(full[2]), Number(full[3]))
  }
  for (const text of texts) {
    const short = /(?:^|[^\d年])(\d{1,2})月(\d{1,2})日/u.exec(text)
    if (short) return isoDate(report.meta.planYear, Number(short[1]), Number(short[2]))
  }
  return undefined
}

function nextYearDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  // 2月29日 has no counterpart next year; 2月28日 is the nearest day.
  const lastDay = new Date(Date.UTC(year + 1, month, 0)).getUTCDate()
  return isoDate(year + 1, month, Math.min(day, lastDay))
}

/** Proposes plan year + 1, the next session of the meeting and the same date next year. */
export function proposeRollForward(report: ReportFile): RollForwardProposals {
  const notes: string[] = []
  const texts = leadingTexts(report)
  const from = report.meta.planYear
  const lastMeeting = report.meta.meetingName || texts.map(findMeetingName).find(name => name !== undefined)
  let meetingName: RollForwardProposals['meetingName'] = null
  if (lastMeeting) {
    const next = nextMeetingName(lastMeeting)
    if (next) {
      meetingName = { from: lastMeeting, to: next }
      const session = meetingSession(lastMeeting)
      if (session !== undefined && session >= 5) {
        notes.push(
          `去年是${lastMeeting}，会次已到第${chineseNumeral(session)}次；若今年换届，请把会议名称改为下一届第一次会议。`,
        )
      }
    } else {
      notes.push(`没能从会议名称“${lastMeeting}”中读出会次，请手动填写今年的会议名称。`)
    }
  } else {
    notes.push('去年的报告里没有找到会议名称，请手动填写今年的会议名称。')
  }
  const lastDate = lastYearDate(report, texts)
  const date = lastDate ? { from: lastDate, to: nextYearDate(lastDate) } : null
  if (!date) notes.push('去年的报告里没有找到会议日期，请在副标题中填写今年的会议日期。')
  return { planYear: { from, to: from + 1 }, meetingName, date, notes }
}
