import { parseLeadingMarker } from '../numbering'
import type { ImportBlock } from './import-block'
import { recognisePartTitle, type PartTitleInfo } from '../report-language/part-title'

export type HeadingStyle = 'markup' | 'part' | 'numbered' | 'bullet' | 'bold'

export interface HeadingCandidate {
  style: HeadingStyle
  /** Heading text without literal numbering or bullet. */
  title: string
  /** Body of a run-in heading (`（一）标题。正文……` → `正文……`). */
  body?: string
  markerDepth?: 1 | 2 | 3 | 4
  markupLevel?: number
  part?: PartTitleInfo
}

const terminal = /[。！？!?；;：:]$/
const bullet = /^[■●◆▲□○◇►▶•]\s*/
const leadEnd = /。/

/** Splits `标题。正文` at the first `。` when a heading-sized lead is followed by body text. */
export function splitRunIn(text: string, maxLead = 60): { title: string; body?: string } {
  const match = leadEnd.exec(text)
  if (!match) return { title: text }
  const end = match.index + 1
  const body = text.slice(end).trim()
  if (!body || end > maxLead) return { title: text }
  return { title: text.slice(0, end), body }
}

/** Is this short line free of sentence punctuation, like a heading (or a title)? */
export function looksLikeHeadingLine(text: string, maxLength = 40): boolean {
  return text.length > 0 && text.length <= maxLength && !terminal.test(text) && !/[，,]/.test(text.slice(-1))
}

/**
 * Tells whether a block is a heading and of what kind. Level assignment needs the whole report (numbering scheme,
 * markup level of the parts) and happens later.
 */
export function headingCandidate(block: ImportBlock): HeadingCandidate | undefined {
  // asked several times per block (report split, front matter, body); blocks are not changed once read
  if (known.has(block)) return known.get(block)
  const candidate = findHeadingCandidate(block)
  known.set(block, candidate)
  return candidate
}

const known = new WeakMap<ImportBlock, HeadingCandidate | undefined>()

function findHeadingCandidate(block: ImportBlock): HeadingCandidate | undefined {
  if (block.node) return undefined
  const text = block.text
  const marker = parseLeadingMarker(text)
  const afterMarker = marker ? text.slice(marker.length).trim() : text
  if (block.markupLevel !== undefined) {
    const split = splitRunIn(afterMarker)
    return {
      style: 'markup',
      title: split.body ? split.title : afterMarker,
      body: split.body,
      markerDepth: marker?.depth,
      markupLevel: block.markupLevel,
      part: recognisePartTitle(afterMarker),
    }
  }
  if (block.boldPrefix !== undefined && block.boldPrefix > 0 && block.boldPrefix < text.length) {
    const lead = text.slice(0, block.boldPrefix).trim()
    const leadMarker = parseLeadingMarker(lead)
    const title = leadMarker ? lead.slice(leadMarker.length).trim() : lead
    const body = text.slice(block.boldPrefix).trim()
    if (title && title.length <= 60 && body) {
      return { style: leadMarker ? 'numbered' : 'bold', title, body, markerDepth: leadMarker?.depth }
    }
  }
  const part = recognisePartTitle(afterMarker)
  if (part && afterMarker.length <= 24)
    return { style: marker ? 'numbered' : 'part', title: afterMarker, markerDepth: marker?.depth, part }
  if (marker && afterMarker) {
    const split = splitRunIn(afterMarker)
    if (split.body) return { style: 'numbered', title: split.title, body: split.body, markerDepth: marker.depth }
    // A numbered line that is one long sentence is an enumerated paragraph at the deep levels (`（1）全年召开……。`).
    if (marker.depth >= 3 && afterMarker.length > 40 && terminal.test(afterMarker)) return undefined
    if (afterMarker.length > 80) return undefined
    return { style: 'numbered', title: afterMarker, markerDepth: marker.depth }
  }
  const bulletMatch = bullet.exec(text)
  if (bulletMatch) {
    const rest = text.slice(bulletMatch[0].length).trim()
    if (!rest) return undefined
    const split = splitRunIn(rest)
    if (split.body) return { style: 'bullet', title: split.title, body: split.body }
    if (rest.length <= 60) return { style: 'bullet', title: rest }
    return undefined
  }
  if (block.bold && looksLikeHeadingLine(text, 50)) return { style: 'bold', title: text }
  if (block.bold && text.length <= 60) {
    const split = splitRunIn(text)
    return { style: 'bold', title: split.title, body: split.body }
  }
  return undefined
}
