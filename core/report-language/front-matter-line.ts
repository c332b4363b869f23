import { parseDateLine } from './chinese-date'
import { isByline, isPhotoCredit, parseNewspaperLead, type NewspaperLead } from './newspaper'
import { isSalutation, splitGluedSalutation } from './salutation'
import { isPersonName, parseSpeakerLine, type SpeakerInfo } from './speaker'
import { parseStatusLine, type StatusLabel } from './status-suffix'
import { isSubtitleStart, parseSubtitle, type SubtitleInfo } from './subtitle'

/** What a line of the front matter is: the one reading import and the structure analysis share. */
export type FrontLine =
  | { kind: 'subtitle'; subtitle: SubtitleInfo }
  /** The first half of a wrapped subtitle: join it with the next line. */
  | { kind: 'subtitleStart' }
  | { kind: 'dateLine'; date: string }
  | { kind: 'status'; label: StatusLabel }
  | { kind: 'salutation'; salutation: string; speaker?: SpeakerInfo & { text: string } }
  | { kind: 'speaker'; speaker: SpeakerInfo }
  | { kind: 'lead'; lead: NewspaperLead }
  | { kind: 'byline' }
  | { kind: 'photoCredit' }

export interface FrontLineContext {
  /** A bare name counts as the speaker line (after the title or the subtitle). */
  allowNameOnly: boolean
}

/** Reads one line of the front matter; undefined when it is none of its lines (a title, a heading, body text). */
export function readFrontLine(text: string, context: FrontLineContext): FrontLine | undefined {
  const trimmed = text.trim()
  if (!trimmed) return undefined
  const subtitle = parseSubtitle(trimmed)
  if (subtitle) return { kind: 'subtitle', subtitle }
  const date = parseDateLine(trimmed)
  if (date) return { kind: 'dateLine', date }
  if (isSubtitleStart(trimmed)) return { kind: 'subtitleStart' }
  const label = parseStatusLine(trimmed)
  if (label) return { kind: 'status', label }
  if (isSalutation(trimmed)) return { kind: 'salutation', salutation: trimmed.replace(/[\s\u3000]+/g, '') }
  const glued = splitGluedSalutation(trimmed)
  if (glued) {
    // `××区人大常委会主任 张三各位代表：`, `杨智各位委员：` — a name glued to the salutation is always a name
    const speaker = parseSpeakerLine(glued.before, { allowNameOnly: true })
    if (speaker || isPersonName(glued.before))
      return {
        kind: 'salutation',
        salutation: glued.salutation,
        speaker: { ...(speaker ?? { office: '', name: glued.before }), text: glued.before },
      }
  }
  const speaker = parseSpeakerLine(trimmed, context)
  if (speaker) return { kind: 'speaker', speaker }
  const lead = parseNewspaperLead(trimmed)
  if (lead) return { kind: 'lead', lead }
  if (isByline(trimmed)) return { kind: 'byline' }
  if (isPhotoCredit(trimmed)) return { kind: 'photoCredit' }
  return undefined
}

/** Front-matter evidence other than a title (what makes a short line before it a report title). */
export function isFrontMatterLine(text: string): boolean {
  const line = readFrontLine(text, { allowNameOnly: false })
  return line !== undefined && line.kind !== 'photoCredit'
}
