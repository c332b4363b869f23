import { NodeType, nodeText } from '../document-model'
import { chineseNumeral } from '../numbering'
import type { ReportFile } from '../report-file'
import { findMonthDay, isoDate, parseChineseDate } from '../report-language/chinese-date'
import { findMeeting, meetingSession, nextMeetingName } from '../report-language/meeting'
import { meetingYearOf } from '../report-language/plan-year'

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

/** Blocks before the first heading: front matter, newspaper lead, opening formula. */
function leadingTexts(report: ReportFile): string[] {
  const texts: string[] = []
  for (const node of report.doc.content ?? []) {
    if (node.type === NodeType.heading) break
    texts.push(nodeText(node))
  }
  return texts
}

function lastYearDate(report: ReportFile, texts: string[]): string | undefined {
  if (/^\d{4}-\d{2}-\d{2}$/u.test(report.meta.date)) return report.meta.date
  for (const text of texts) {
    const full = parseChineseDate(text)
    if (full && full.length === 10) return full
  }
  for (const text of texts) {
    // a newspaper lead's `2月27日` is in the plan year; a December meeting in the year before
    const short = findMonthDay(text)
    if (short) return isoDate(meetingYearOf(report.meta.planYear, short.month), short.month, short.day)
  }
  return undefined
}

function nextYearDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  // 2月29日 has no counterpart next year; 2月28日 is the nearest day.
  const lastDay = new Date(Date.UTC(year + 1, month, 0)).getUTCDate()
  return isoDate(year + 1, month, Math.min(day, lastDay))
}

/** A meeting name found in running text (`2月27日上午,在二七区第十七届…第三次会议上,…`). */
export function findMeetingName(text: string): string | undefined {
  return findMeeting(text)?.name
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
