import { chineseNumeral, parseChineseNumeral } from '../numbering'

/**
 * Meeting names (spec report-structure §1.2): the full form `二七区第十七届人民代表大会第三次会议`,
 * `政协××市第十四届委员会第四次会议`, `中国人民政治协商会议××市第十四届委员会常务委员会第九次会议`, and the news short
 * forms `区十六届人大二次会议`, `县政协十届一次会议`, `十七届人大三次会议`. Ordinals are Chinese numerals; Arabic
 * digits are recognised too so that the checks can point at them.
 */

const ORDINAL = '[一二三四五六七八九十百零〇\\d]{1,4}'
const NAME_CHAR = '\\u4e00-\\u9fa5×'
const BODY = '全国人大|全国政协|人民代表大会|人大|委员会|政协'
const STANDING = '常务委员会|常委会'

/** Source of a meeting name (groups: 1 prefix, 2 第, 3 term, 4 body, 5 standing, 6 第, 7 session). */
const MEETING_SOURCE = `((?:中国人民政治协商会议|政协)?[${NAME_CHAR}]{0,24}?)(第?)(${ORDINAL})届(${BODY})?(${STANDING})?(第?)(${ORDINAL})次(?:全体)?会议`

const meetingPattern = new RegExp(MEETING_SOURCE)
const meetingPatternGlobal = new RegExp(MEETING_SOURCE, 'g')

/** Words before a meeting name in running text that are not part of it (`2月27日上午，在……`, `出席……`). */
const LEAD_IN =
  /^.*(?:在|于|出席|列席|参加|召开的|举行的|开幕的)|^(?:\d{1,2}月)?\d{1,2}日(?:上午|下午|晚上?)?|^(?:上午|下午|晚上?)/

export interface MeetingInfo {
  /** The name as found, without words before it. */
  name: string
  /** `二七区`, `××市`; '' when the name gives only the level (`区十六届人大…`) or nothing. */
  organisation: string
  /** 人大 (also for a 政府 report, given at the 人民代表大会) or 政协; undefined when the name does not say. */
  body?: 'npc' | 'cppcc'
  /** A meeting of the standing committee (`…常务委员会第十五次会议`). */
  standing: boolean
  term?: number
  session?: number
  /** News short form without `第` (`区十六届人大二次会议`). */
  short: boolean
  /** The words before the term as found (`二七区`, `区`, `省`, `全国`, or running text before a mention). */
  place: string
  /** A national meeting (`十四届全国人大二次会议`, `全国政协`). */
  national: boolean
  /** The term or session is written in Arabic digits (`第17届`), which official text does not do. */
  arabic: boolean
}

function ordinalValue(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text)
  return parseChineseNumeral(text.replace(/[〇零]/g, ''))
}

function infoFrom(match: RegExpExecArray): MeetingInfo {
  const rawPrefix = match[1]!
  const prefix = rawPrefix.replace(LEAD_IN, '')
  const name = prefix + match[0].slice(rawPrefix.length)
  const bodyWord = `${prefix}${match[4] ?? ''}`
  const body = /政协|政治协商会议|委员会$/.test(bodyWord)
    ? 'cppcc'
    : /人大|人民代表大会/.test(bodyWord)
      ? 'npc'
      : undefined
  const place = prefix.replace(/^(?:中国人民政治协商会议|政协)/, '').replace(/(?:政协|人大)$/, '')
  return {
    name,
    organisation: place.length > 1 && !/全国$/.test(place) ? place : '',
    place,
    national: /^全国/.test(match[4] ?? '') || /全国$/.test(place),
    ...(body ? { body } : {}),
    standing: Boolean(match[5]),
    ...(ordinalValue(match[3]!) !== undefined ? { term: ordinalValue(match[3]!) } : {}),
    ...(ordinalValue(match[7]!) !== undefined ? { session: ordinalValue(match[7]!) } : {}),
    short: !match[2] && !match[6],
    arabic: /\d/.test(match[3]! + match[7]!),
  }
}

/** The first meeting name in a text (a subtitle, a newspaper lead), or undefined. */
export function findMeeting(text: string): MeetingInfo | undefined {
  const match = meetingPattern.exec(text)
  return match ? infoFrom(match) : undefined
}

/**
 * Every meeting mention in running text; `index` and `length` span the mention from its term on (`第十七届人大第三次
 * 会议`, without the words before it, which `place` holds).
 */
export function findMeetings(text: string): Array<MeetingInfo & { index: number; length: number }> {
  const found: Array<MeetingInfo & { index: number; length: number }> = []
  meetingPatternGlobal.lastIndex = 0
  for (let match = meetingPatternGlobal.exec(text); match; match = meetingPatternGlobal.exec(text)) {
    const info = infoFrom(match)
    const prefixLength = match[1]!.length
    found.push({ ...info, index: match.index + prefixLength, length: match[0].length - prefixLength })
  }
  return found
}

/** The level of the body whose meeting it is (`区`, `市`, `省`…), from the place before the term; undefined when none. */
export function meetingLevel(info: Pick<MeetingInfo, 'place'>): string | undefined {
  return /([省市县区州旗盟])$/.exec(info.place)?.[1]
}

/** Is the whole text a meeting name? */
export function parseMeeting(name: string): MeetingInfo | undefined {
  const trimmed = name.trim()
  const info = findMeeting(trimmed)
  return info && info.name === trimmed ? info : undefined
}

/** `二七区第十七届人民代表大会第三次会议` → `二七区`; `政协二七区第十届委员会…` → `二七区`; '' when it names none. */
export function organisationFromMeeting(name: string): string {
  return findMeeting(name)?.organisation ?? ''
}

/** Session number of a meeting name (`第三次会议` → 3). */
export function meetingSession(name: string): number | undefined {
  return findMeeting(name)?.session
}

/** `…第三次会议` → `…第四次会议`; `十七届人大三次会议` → `十七届人大四次会议` (roll-forward); undefined when unreadable. */
export function nextMeetingName(name: string): string | undefined {
  const match = meetingPattern.exec(name)
  if (!match) return undefined
  const session = ordinalValue(match[7]!)
  if (session === undefined) return undefined
  const sessionText = /^\d+$/.test(match[7]!) ? String(session + 1) : chineseNumeral(session + 1)
  const end = match.index + match[0].length
  const sessionStart = end - match[0].length + match[0].lastIndexOf(match[7]! + '次')
  return name.slice(0, sessionStart) + sessionText + name.slice(sessionStart + match[7]!.length)
}

/** `政协二七区第十届委员会第二次会议` → `第十届`; `第×届` when the meeting does not say. */
export function termOrdinal(name: string): string {
  const term = findMeeting(name)?.term
  return term !== undefined ? `第${chineseNumeral(term)}届` : '第×届'
}

/** Which body a text speaks of: 政协 or 人大 (`人民代表大会`); undefined when neither. */
export function bodyOf(text: string): 'npc' | 'cppcc' | undefined {
  if (/政协|政治协商/.test(text)) return 'cppcc'
  if (/人大|人民代表大会/.test(text)) return 'npc'
  return undefined
}

/** The first `第N届` in a text (a 政协 title names its term) with where it stands. */
export function findTerm(text: string): { term: number; index: number; length: number } | undefined {
  const match = new RegExp(`第(${ORDINAL})届`).exec(text)
  const term = match ? ordinalValue(match[1]!) : undefined
  return match && term !== undefined ? { term, index: match.index, length: match[0].length } : undefined
}
