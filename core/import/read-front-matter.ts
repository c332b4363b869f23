import type { ImportBlock } from './import-block'
import { headingCandidate, looksLikeHeadingLine } from './heading-candidate'
import { isFrontMatterLine, readFrontLine } from '../report-language/front-matter-line'
import type { NewspaperLead } from '../report-language/newspaper'
import type { SpeakerInfo } from '../report-language/speaker'
import { parseSubtitle, type SubtitleInfo } from '../report-language/subtitle'
import { parseStatusLine, type StatusLabel } from '../report-language/status-suffix'

export interface FoundFrontMatter {
  titleLines: string[]
  /** The title came from Markdown/Word heading markup. */
  titleFromMarkup: boolean
  subtitle?: SubtitleInfo & { text: string }
  /** `（2024年1月16日）` on its own line: the ISO date and the line as written. */
  dateLine?: string
  dateLineText?: string
  /** `（征求意见稿）` on its own line. */
  status?: StatusLabel
  speaker?: SpeakerInfo & { text: string }
  salutation?: string
  lead?: NewspaperLead & { text: string }
  /** Bylines and photo credits: never body text. */
  dropped: string[]
}

/** Front-matter evidence other than a title: what makes a short line before it a report title. */
export function isFrontMatterEvidence(block: ImportBlock): boolean {
  return !block.node && isFrontMatterLine(block.text)
}

/** A short line without sentence punctuation that is not a numbered heading or a part title: maybe a report title. */
export function isTitleCandidate(block: ImportBlock): boolean {
  if (block.node || (block.markupLevel !== undefined && block.markupLevel > 2)) return false
  const candidate = headingCandidate(block)
  if (candidate && candidate.style !== 'markup' && candidate.style !== 'bold') return false
  if (candidate?.part || candidate?.markerDepth !== undefined || candidate?.body) return false
  return looksLikeHeadingLine(block.text, 40) && !isFrontMatterEvidence(block)
}

/**
 * Reads the front matter of one report from `start`: title lines (1–3), occasion subtitle (also wrapped over two
 * lines), date line, status line, speaker line (also the name alone), salutation (also glued to the speaker), a
 * newspaper lead and bylines. Returns the index of the first body block.
 */
export function readFrontMatter(
  blocks: readonly ImportBlock[],
  start: number,
  end: number,
): { front: FoundFrontMatter; next: number; evidence: boolean } {
  const front: FoundFrontMatter = { titleLines: [], titleFromMarkup: false, dropped: [] }
  let index = start
  // a status printed above the title (`征求意见稿` in the top corner)
  for (let status = statusAt(blocks, index, end); status; status = statusAt(blocks, index, end)) {
    front.status ??= status
    index++
  }
  const titleStart = index
  while (index < end && front.titleLines.length < 3 && isTitleCandidate(blocks[index]!)) {
    // a heading-markup title is one paragraph (maybe broken over lines); several plain short lines form a multi-line title
    if (front.titleLines.length > 0 && blocks[index]!.markupLevel !== undefined && !blocks[index]!.brokenLine) break
    front.titleLines.push(blocks[index]!.text)
    index++
    if (blocks[index - 1]!.markupLevel !== undefined) {
      front.titleFromMarkup = true
      if (!(index < end && blocks[index]!.brokenLine && blocks[index]!.markupLevel !== undefined)) break
    }
  }
  if (
    front.titleLines.length > 1 &&
    !front.titleFromMarkup &&
    !(index < end && isFrontMatterEvidence(blocks[index]!))
  ) {
    front.titleLines = front.titleLines.slice(0, 1)
    index = titleStart + 1
  }
  let evidence = front.status !== undefined
  while (index < end) {
    const block = blocks[index]!
    if (block.node) break
    const text = block.text
    const line = readFrontLine(text, { allowNameOnly: Boolean(front.subtitle || front.titleLines.length) })
    if (!line) break
    if (line.kind === 'subtitle' && !front.subtitle) {
      front.subtitle = { ...line.subtitle, text }
    } else if (line.kind === 'subtitleStart' && !front.subtitle && index + 1 < end) {
      const joined = text + blocks[index + 1]!.text
      const wrapped = parseSubtitle(joined)
      if (!wrapped) break
      front.subtitle = { ...wrapped, text: joined }
      index++
    } else if (line.kind === 'dateLine' && !front.dateLine) {
      front.dateLine = line.date
      front.dateLineText = text
    } else if (line.kind === 'status' && !front.status) {
      front.status = line.label
    } else if (line.kind === 'salutation' && !front.salutation) {
      if (line.speaker && !front.speaker) front.speaker = line.speaker
      front.salutation = line.salutation
    } else if (line.kind === 'speaker' && !front.speaker && !front.salutation) {
      front.speaker = { ...line.speaker, text }
    } else if (line.kind === 'lead' && !front.lead && !front.salutation) {
      front.lead = { ...line.lead, text }
      if (line.lead.byline) front.dropped.push(line.lead.byline)
    } else if (line.kind === 'byline' || line.kind === 'photoCredit') {
      front.dropped.push(text)
      index++
      continue
    } else {
      break
    }
    evidence = true
    index++
  }
  return { front, next: index, evidence }
}

function statusAt(blocks: readonly ImportBlock[], index: number, end: number): StatusLabel | undefined {
  const block = blocks[index]
  return index < end && block && !block.node ? parseStatusLine(block.text) : undefined
}
