import type { ImportBlock } from './import-block'
import {
  isByline,
  isPhotoCredit,
  isSalutation,
  isSubtitleStart,
  parseDateLine,
  parseNewspaperLead,
  parseSpeakerLine,
  parseSubtitle,
  splitGluedSalutation,
  type NewspaperLead,
  type SpeakerInfo,
  type SubtitleInfo,
} from './front-matter-patterns'
import { headingCandidate, looksLikeHeadingLine } from './heading-candidate'

export interface FoundFrontMatter {
  titleLines: string[]
  /** The title came from Markdown/Word heading markup. */
  titleFromMarkup: boolean
  subtitle?: SubtitleInfo & { text: string }
  /** `（2024年1月16日）` on its own line. */
  dateLine?: string
  speaker?: SpeakerInfo & { text: string }
  salutation?: string
  lead?: NewspaperLead & { text: string }
  /** Bylines and photo credits: never body text. */
  dropped: string[]
}

/** Front-matter evidence other than a title: what makes a short line before it a report title. */
export function isFrontMatterEvidence(block: ImportBlock): boolean {
  if (block.node) return false
  const text = block.text
  return Boolean(
    parseSubtitle(text) ||
    isSubtitleStart(text) ||
    parseDateLine(text) ||
    parseSpeakerLine(text, { allowNameOnly: false }) ||
    splitGluedSalutation(text) ||
    isSalutation(text) ||
    parseNewspaperLead(text) ||
    isByline(text),
  )
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
 * lines), date line, speaker line, salutation (also glued to the speaker), a newspaper lead and bylines.
 * Returns the index of the first body block.
 */
export function readFrontMatter(
  blocks: readonly ImportBlock[],
  start: number,
  end: number,
): { front: FoundFrontMatter; next: number; evidence: boolean } {
  const front: FoundFrontMatter = { titleLines: [], titleFromMarkup: false, dropped: [] }
  let index = start
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
    index = start + 1
  }
  let evidence = false
  while (index < end) {
    const block = blocks[index]!
    if (block.node) break
    const text = block.text
    const subtitle = parseSubtitle(text)
    if (subtitle && !front.subtitle) {
      front.subtitle = { ...subtitle, text }
      evidence = true
      index++
      continue
    }
    if (!front.subtitle && isSubtitleStart(text) && index + 1 < end) {
      const joined = text + blocks[index + 1]!.text
      const wrapped = parseSubtitle(joined)
      if (wrapped) {
        front.subtitle = { ...wrapped, text: joined }
        evidence = true
        index += 2
        continue
      }
    }
    const dateLine = parseDateLine(text)
    if (dateLine && !front.dateLine) {
      front.dateLine = dateLine
      evidence = true
      index++
      continue
    }
    const allowNameOnly = Boolean(front.subtitle || front.titleLines.length)
    const glued = splitGluedSalutation(text)
    if (glued && !front.salutation) {
      const speaker = glued.before
        ? (parseSpeakerLine(glued.before, { allowNameOnly: true }) ?? nameAlone(glued.before))
        : undefined
      if (speaker && !front.speaker) front.speaker = { ...speaker, text: glued.before }
      if (speaker || !glued.before) {
        front.salutation = glued.salutation
        evidence = true
        index++
        continue
      }
    }
    const speaker = parseSpeakerLine(text, { allowNameOnly })
    if (speaker && !front.speaker && !front.salutation) {
      front.speaker = { ...speaker, text }
      evidence = true
      index++
      continue
    }
    if (isSalutation(text) && !front.salutation) {
      front.salutation = text
      evidence = true
      index++
      continue
    }
    const lead = parseNewspaperLead(text)
    if (lead && !front.lead && !front.salutation) {
      front.lead = { ...lead, text }
      if (lead.byline) front.dropped.push(lead.byline)
      evidence = true
      index++
      continue
    }
    if (isByline(text) || isPhotoCredit(text)) {
      front.dropped.push(text)
      index++
      continue
    }
    break
  }
  return { front, next: index, evidence }
}

/** A bare 2–4 character name glued to the salutation (`杨智各位委员：`). */
function nameAlone(text: string): SpeakerInfo | undefined {
  const compact = text.replace(/[\s\u3000]+/g, '')
  return /^[\u4e00-\u9fa5·]{2,4}$/.test(compact) ? { office: '', name: compact } : undefined
}
