import { startsWithSurname } from './surnames'

/**
 * The speaker line (spec report-structure §1.3): `<office> <name>`, the space optional or doubled —
 * `××区人大常委会主任 张三`, `某某镇人民政府镇长李四`, `××区人民政府代理区长 王五`, `代区长`; 政协 often prints the
 * name alone (`王立新`), two-character names padded (`杨  智`).
 */

const LEVEL = '[区县市州旗盟省]'
/** Office words a speaker's title ends with (longest first where one contains another). */
export const OFFICE_WORDS_SOURCE = `(?:常务副主任|副主任|主任委员|主任|常务副主席|副主席|主席|代理${LEVEL}长|代${LEVEL}长|常务副${LEVEL}长|副${LEVEL}长|${LEVEL}长|副?委员长|副?总理|副?书记|秘书长|副?局长|副?厅长|副?院长|检察长|副?镇长|副?乡长|负责人)`

const NAME_CHAR = '\\u4e00-\\u9fa5×'
const SPACE = '[\\s\\u3000]'
/** A name: 2–4 characters, a two-character name padded (`杨  智`), or a name with `·` (`买买提·艾力`). */
const NAME = `(?:[${NAME_CHAR}]{2,4}|[${NAME_CHAR}]${SPACE}{1,3}[${NAME_CHAR}]|[${NAME_CHAR}]{1,6}·[${NAME_CHAR}]{1,8})`
const OFFICE_CHAR = `${NAME_CHAR}（）()、·`

const officeThenName = new RegExp(`^([${OFFICE_CHAR}]{0,40}?${OFFICE_WORDS_SOURCE})${SPACE}*(${NAME})$`)
const spacedOfficeName = new RegExp(`^([${OFFICE_CHAR}]{4,40}?)${SPACE}+(${NAME})$`)
const officeOnly = new RegExp(`^[${OFFICE_CHAR}]{0,40}?${OFFICE_WORDS_SOURCE}$`)
/** What an office names: the body or place (a bare spaced `某某 某某` is not office + name). */
const ORGAN = /人大|政协|政府|委员会|常委会|党组|[区县市州旗盟省镇乡]|街道|局|厅|院|办/
/** Words a name never holds (`区委书记`, `政府工作报告` are not names). */
const NOT_NAME = /人大|政协|政府|委员|常委|党组|局|厅|院|处|部|省|市|县|区|镇|乡|街道|报告|工作|会议|总结|计划/

export interface SpeakerInfo {
  /** '' when the line is the name alone. */
  office: string
  /** Without padding; '' when the line names an office only. */
  name: string
}

function compact(text: string): string {
  return text.replace(/[\s\u3000]+/g, '')
}

/** A bare name (`王立新`, `杨  智`, `欧阳晓明`): a surname first, no office or place word in it. */
export function isPersonName(text: string): boolean {
  const trimmed = text.trim()
  if (!new RegExp(`^${NAME}$`).test(trimmed)) return false
  const name = compact(trimmed)
  if (new RegExp(`${OFFICE_WORDS_SOURCE}$`).test(name) || NOT_NAME.test(name)) return false
  return name.includes('·') || name.includes('×') || startsWithSurname(name)
}

/**
 * Office and name of a speaker line, or undefined when the text is not one. `allowNameOnly`: a bare name counts
 * (in the front matter after the title or subtitle; elsewhere a short line is more likely something else).
 */
export function parseSpeakerLine(text: string, options: { allowNameOnly: boolean }): SpeakerInfo | undefined {
  const trimmed = text.trim()
  if (!trimmed || trimmed.length > 60) return undefined
  const glued = officeThenName.exec(trimmed)
  if (glued && !NOT_NAME.test(compact(glued[2]!))) return { office: compact(glued[1]!), name: compact(glued[2]!) }
  const spaced = spacedOfficeName.exec(trimmed)
  if (spaced && ORGAN.test(spaced[1]!) && isPersonName(spaced[2]!))
    return { office: compact(spaced[1]!), name: compact(spaced[2]!) }
  if (options.allowNameOnly && isPersonName(trimmed)) return { office: '', name: compact(trimmed) }
  return undefined
}

/**
 * A line known to be the speaker line (the editor's speaker node): office and name as far as they can be told —
 * an office alone (`××区人大常委会主任`) has no name yet; text that is neither is all office.
 */
export function readSpeakerLine(text: string): SpeakerInfo {
  const parsed = parseSpeakerLine(text, { allowNameOnly: true })
  if (parsed) return parsed
  const trimmed = text.trim()
  if (officeOnly.test(compact(trimmed))) return { office: compact(trimmed), name: '' }
  const lastSpace = /^(.*\S)[\s\u3000]+(\S+)$/.exec(trimmed)
  if (lastSpace) return { office: compact(lastSpace[1]!), name: compact(lastSpace[2]!) }
  return { office: compact(trimmed), name: '' }
}

/** The speaker line as printed: office, one space, name (`××区人大常委会主任 张三`); the name alone when no office. */
export function formatSpeakerLine(office: string, name: string): string {
  return [office.trim(), name.trim()].filter(Boolean).join(' ')
}
