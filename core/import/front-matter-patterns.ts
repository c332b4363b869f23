import type { ReportKind } from '../report-kind'

/** Recognisers for the front matter of a work report and of a newspaper digest (spec report-structure §1, §6). */

const han = '\\u4e00-\\u9fa5×'
const ordinal = '[一二三四五六七八九十百零〇\\d]+'
/** Full meeting names (`二七区第十七届人民代表大会第三次会议`, `政协××市第十四届委员会第四次会议`) and news short forms (`区十六届人大二次会议`). */
const meetingSource = `((?:中国人民政治协商会议|政协)?[${han}]{0,20}?第?${ordinal}届(?:人民代表大会|人大|委员会|政协)(?:常务委员会)?第?${ordinal}次(?:全体)?会议)`
const meeting = new RegExp(meetingSource)

export interface SubtitleInfo {
  /** ISO `YYYY-MM-DD` or `YYYY-MM`, '' when the subtitle carries no date. */
  date: string
  meeting: string
}

const subtitle = new RegExp(
  `^[（(]?\\s*[—–\\-－]{0,2}\\s*(?:(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(?:(\\d{1,2})\\s*日)?)?\\s*在(.+?会议?)(?:开幕式)?上(?:的(?:工作)?报告|所作的报告)?\\s*[）)]?$`,
)

function isoDate(year?: string, month?: string, day?: string): string {
  if (!year || !month) return ''
  const monthPart = month.padStart(2, '0')
  return day ? `${year}-${monthPart}-${day.padStart(2, '0')}` : `${year}-${monthPart}`
}

/** `——2024年1月16日在××区第十八届人民代表大会第三次会议上` and its variants (parentheses, one dash, no dash, no date, `…上的报告`). */
export function parseSubtitle(text: string): SubtitleInfo | undefined {
  if (text.length > 90) return undefined
  const match = subtitle.exec(text.trim())
  if (!match) return undefined
  const place = match[4]!
  if (!/会议?$/.test(place) || !/届|会议/.test(place)) return undefined
  const hasLead = /^[（(—–\-－]/.test(text.trim())
  if (!hasLead && !match[1]) return undefined
  return { date: isoDate(match[1], match[2], match[3]), meeting: place }
}

/** The first half of a subtitle wrapped over two lines (`——2024年1月16日在××区第十八届` + `人民代表大会第三次会议上`). */
export function isSubtitleStart(text: string): boolean {
  return (
    (/^[（(]?\s*[—–\-－]{1,2}\s*(\d{4}\s*年)?/.test(text) &&
      text.length < 60 &&
      !/[。；;！!？?]/.test(text) &&
      !parseSubtitle(text)) ||
    (/^[（(]\s*\d{4}\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?\s*在/.test(text) && !parseSubtitle(text))
  )
}

/** `（2024年1月16日）` alone on a line (the subtitle then has no date). */
export function parseDateLine(text: string): string | undefined {
  const match = /^[（(]\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[）)]$/.exec(text.trim())
  return match ? isoDate(match[1], match[2], match[3]) : undefined
}

const salutationSource = '各位(?:代表|委员)(?:、同志们|，同志们|,同志们)?'
const salutation = new RegExp(`^${salutationSource}\\s*[：:]$`)
const gluedSalutation = new RegExp(`^(.+?)\\s*(${salutationSource}\\s*[：:])$`)

export function isSalutation(text: string): boolean {
  return salutation.test(text.trim())
}

/** A speaker line with the salutation glued to it: `××区人大常委会主任 张三各位代表：` → both halves. */
export function splitGluedSalutation(text: string): { before: string; salutation: string } | undefined {
  const match = gluedSalutation.exec(text.trim())
  if (!match) return undefined
  return { before: match[1]!.trim(), salutation: match[2]! }
}

const officeWords =
  '(?:常务副主任|副主任|主任|常务副主席|副主席|主席|代理区长|代区长|代理县长|代县长|代理市长|代市长|副区长|副县长|副市长|区长|县长|市长|旗长|州长|书记|秘书长|局长|厅长|院长|检察长|镇长|乡长|街道办事处主任)'
const speaker = new RegExp(
  `^([${han}（）()]{2,40}?${officeWords})\\s*([${han}·]{2,4}|[${han}][\\s\\u3000]{1,3}[${han}])$`,
)
const nameOnly = new RegExp(`^([${han}][\\s\\u3000]{1,3}[${han}]|[${han}]{2,4})$`)

export interface SpeakerInfo {
  office: string
  name: string
}

function normaliseName(name: string): string {
  return name.replace(/[\s\u3000]+/g, '')
}

/** `××区人大常委会主任 张三`, `××区人民政府区长李四`, or (政协) the name alone, two-character names padded (`杨  智`). */
export function parseSpeakerLine(text: string, options: { allowNameOnly: boolean }): SpeakerInfo | undefined {
  const trimmed = text.trim()
  const match = speaker.exec(trimmed)
  if (match) return { office: match[1]!.trim(), name: normaliseName(match[2]!) }
  if (options.allowNameOnly && nameOnly.test(trimmed) && /[\s\u3000]/.test(trimmed))
    return { office: '', name: normaliseName(trimmed) }
  return undefined
}

/** The opening formula names the kind (spec §1.5). */
export function openingKind(text: string): ReportKind | undefined {
  if (!/报告工作|作工作报告|做工作报告/.test(text) || text.length > 160) return undefined
  if (/^我受.{0,40}常务委员会.{0,4}委托|^受.{0,30}常委会.{0,4}委托|^我受.{0,30}常委会.{0,4}委托/.test(text))
    return 'npc'
  if (/^我代表.{0,40}委员会常务委员会|^我代表.{0,20}政协/.test(text)) return 'cppcc'
  if (/^现在[，,]\s*我代表.{0,20}(人民)?政府|^我代表.{0,20}(人民)?政府/.test(text)) return 'gov'
  return undefined
}

export interface NewspaperLead {
  /** `MM-DD` (the year comes from the plan year). */
  monthDay: string
  meeting: string
  office: string
  name: string
  kind?: ReportKind
  /** A byline glued at the end of the lead (`……作出安排。记者 景静`). */
  byline?: string
}

const leadStart =
  /^(?:本报讯\s*[（(][^）)]{0,20}[）)]\s*|[（(]?记者[^）)]{0,10}[）)]?\s*)?(\d{1,2})月(\d{1,2})日(?:上午|下午|晚上?|晚间)?/
const leadSpeaker = new RegExp(
  `[，,、\\s]([${han}]{0,12}?(?:人大常委会|人大|政协|人民政府|政府)?(?:党组)?${officeWords})([${han}·]{2,4}?)(?=受|代表|向|作|做|在)`,
)
const bylinePattern =
  /^(?:本报)?(?:记者|通讯员)[\s\u3000]*[\u4e00-\u9fa5]{2,4}(?:[\s\u3000、]+(?:通讯员[\s\u3000]*)?[\u4e00-\u9fa5]{2,4})*$/
const gluedByline =
  /([。！])\s*((?:本报)?(?:记者|通讯员)[\s\u3000]*[\u4e00-\u9fa5]{2,4}(?:[\s\u3000、]+[\u4e00-\u9fa5]{2,4})*)$/

/** `记者 景静` — never a body paragraph. */
export function isByline(text: string): boolean {
  return bylinePattern.test(text.trim())
}

/** A photo caption `张三 摄` between paragraphs of a newspaper page. */
export function isPhotoCredit(text: string): boolean {
  return /^(?:[\u4e00-\u9fa5]{2,4}[\s\u3000]+)+摄$|^(?:本报记者|记者)\s*[\u4e00-\u9fa5]{2,4}\s*摄$/.test(text.trim())
}

/**
 * A newspaper lead paragraph: `2月27日上午，在二七区第十七届人民代表大会第三次会议上，区人大常委会主任吕安民受人大常委会委托，
 * 向大会作工作报告。` It feeds the front matter and is not body text.
 */
export function parseNewspaperLead(text: string): NewspaperLead | undefined {
  const trimmed = text.trim()
  if (trimmed.length > 300) return undefined
  const start = leadStart.exec(trimmed)
  if (!start) return undefined
  if (!/报告工作|工作报告|作报告|做报告/.test(trimmed)) return undefined
  const meetingMatch = meeting.exec(trimmed)
  const speakerMatch = leadSpeaker.exec(trimmed)
  if (!meetingMatch && !speakerMatch) return undefined
  const glued = gluedByline.exec(trimmed)
  const office = speakerMatch?.[1] ?? ''
  const meetingName = (meetingMatch?.[1] ?? '').replace(/^[在于]/, '')
  return {
    monthDay: `${start[1]!.padStart(2, '0')}-${start[2]!.padStart(2, '0')}`,
    meeting: meetingName,
    office,
    name: speakerMatch?.[2] ?? '',
    kind: kindFromWords(`${office} ${trimmed}`),
    byline: glued?.[2],
  }
}

/** Kind from an office, a meeting sentence or a title. */
export function kindFromWords(text: string): ReportKind | undefined {
  if (/政协|政治协商会议|各位委员/.test(text)) return 'cppcc'
  if (/人大常委会|人民代表大会常务委员会|常务委员会委托|常委会委托/.test(text)) return 'npc'
  if (/政府工作报告|人民政府|区长|县长|市长|旗长|州长/.test(text)) return 'gov'
  return undefined
}

/** `二七区第十七届人民代表大会第三次会议` → `二七区`; `政协二七区第十届委员会…` → `二七区`. */
export function organisationFromMeeting(meetingName: string): string {
  const match = /^(?:中国人民政治协商会议|政协)?(.*?)第?[一二三四五六七八九十百零〇\d]+届/.exec(meetingName)
  return match?.[1]?.replace(/^政协/, '') ?? ''
}

export function findMeeting(text: string): string | undefined {
  return meeting.exec(text)?.[1]?.replace(/^[在于]/, '')
}

/** `××区人民代表大会常务委员会工作报告` → `××区`; `中国人民政治协商会议××市第十四届委员会…` → `××市`; '' when the title names none. */
export function organisationFromTitle(title: string): string {
  const compact = title.replace(/[\s\u3000]+/g, '')
  const cppcc = /^(?:中国人民政治协商会议|政协)(.+?)(?:第[一二三四五六七八九十\d]+届)?委员会/.exec(compact)
  if (cppcc) return cppcc[1]!
  const other = /^(.{1,20}?[省市区县州旗盟])(?:\d{4}年)?(?:人民代表大会|人大|人民政府|政府)/.exec(compact)
  return other?.[1] ?? ''
}
