import type { ReportKind } from '../report-kind'
import { findMeeting } from './meeting'
import { kindOfOffice, kindFromWords } from './report-kind-words'
import { OFFICE_WORDS_SOURCE } from './speaker'

/**
 * Newspaper digests (spec report-structure §6): the lead `本报讯（记者 ××）3月16日，……开幕。` or a dateline paragraph
 * ending `……向大会作工作报告。`, bylines `记者 ××` and photo credits `×× 摄`.
 */

const SPACE = '[ \\t\\u3000\\u00a0]'
const NAME = '[\\u4e00-\\u9fff]{2,4}'
const ROLE = '(?:本报|新华社)?(?:特约)?(?:记者|通讯员|实习生|见习记者)'
const BYLINE_SOURCE = `[（(]?${ROLE}${SPACE}*${NAME}(?:(?:${SPACE}|[、，,])+(?:${ROLE}${SPACE}*)?${NAME})*[）)]?`
const byline = new RegExp(`^${BYLINE_SOURCE}$`)
const photoCredit = new RegExp(
  `^(?:${ROLE}${SPACE}*)?${NAME}(?:(?:${SPACE}|、)+${NAME})*${SPACE}+摄$|^${ROLE}${SPACE}*${NAME}${SPACE}*摄$`,
)
/** A byline glued to the end of a paragraph (`……做出安排。记者 景静`). */
const trailingByline = new RegExp(`(?:^|(?<=[。！？”）\\n]))${SPACE}*${BYLINE_SOURCE}${SPACE}*$`)

/** `记者 景静`, `（记者 景静）`, `本报记者 张三 通讯员 李四` — never a body paragraph. */
export function isByline(text: string): boolean {
  return byline.test(text.trim())
}

/** A photo caption `邵阳 摄`, `记者 张三 摄` between paragraphs of a newspaper page. */
export function isPhotoCredit(text: string): boolean {
  return photoCredit.test(text.trim())
}

/** Where a byline glued to the end of a paragraph starts, or -1. */
export function trailingBylineStart(text: string): number {
  const match = trailingByline.exec(text)
  return match ? match.index : -1
}

export interface NewspaperLead {
  /** `MM-DD`; the year comes from the report's content when the lead gives none. */
  monthDay: string
  /** When the lead writes it (`2024年1月16日上午，……`). */
  year?: number
  meeting: string
  office: string
  name: string
  kind?: ReportKind
  /** A byline glued at the end of the lead (`……作出安排。记者 景静`). */
  byline?: string
}

const leadStart = new RegExp(
  `^(?:本报讯${SPACE}*(?:[（(][^）)]{0,24}[）)])?${SPACE}*|[（(]?${ROLE}[^）)]{0,12}[）)]?${SPACE}*)?(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2})日(?:上午|下午|晚上?|晚间)?`,
)
const leadSpeaker = new RegExp(
  `(?:^|[，,、。\\s])([\\u4e00-\\u9fa5]{0,14}?(?:人大常委会|人大|政协|人民政府|政府)?(?:党组)?${OFFICE_WORDS_SOURCE})([\\u4e00-\\u9fa5·]{2,4}?)(?=受|代表|向|作|做|在|所作)`,
)

/**
 * A newspaper lead: `2月27日上午，在二七区第十七届人民代表大会第三次会议上，区人大常委会主任吕安民受人大常委会委托，
 * 向大会作工作报告。` It feeds the front matter (meeting, date, speaker, kind) and is not body text.
 */
export function parseNewspaperLead(text: string): NewspaperLead | undefined {
  const trimmed = text.trim()
  if (trimmed.length > 300) return undefined
  const start = leadStart.exec(trimmed)
  if (!start) return undefined
  if (!/报告工作|工作报告|作报告|做报告/.test(trimmed)) return undefined
  const meeting = findMeeting(trimmed)
  const speaker = leadSpeaker.exec(trimmed)
  if (!meeting && !speaker) return undefined
  const glued = trailingBylineStart(trimmed)
  const office = speaker?.[1] ?? ''
  const kind =
    kindOfOffice(office) ??
    (/作政府工作报告|做政府工作报告/.test(trimmed) ? 'gov' : undefined) ??
    kindFromWords(trimmed)
  return {
    monthDay: `${start[2]!.padStart(2, '0')}-${start[3]!.padStart(2, '0')}`,
    ...(start[1] ? { year: Number(start[1]) } : {}),
    meeting: meeting?.name ?? '',
    office,
    name: speaker?.[2] ?? '',
    ...(kind ? { kind } : {}),
    ...(glued > 0 ? { byline: trimmed.slice(glued).trim() } : {}),
  }
}
