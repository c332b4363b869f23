import { parseLeadingMarker } from '../numbering'
import type { ImportBlock } from './import-block'
import { recognisePartTitle, type PartTitleInfo } from '../report-language/part-title'

export type HeadingStyle = 'markup' | 'part' | 'numbered' | 'bullet' | 'bold' | 'list'

/** The literal number a heading was written with (`（四）`), which import removes because numbers are computed. */
export interface LiteralNumber {
  depth: 1 | 2 | 3 | 4
  value: number
  /** As typed, without surrounding spaces: `（四）`, `(四)`, `4.`. */
  typed: string
}

export interface HeadingCandidate {
  style: HeadingStyle
  /** Heading text without literal numbering or bullet. */
  title: string
  /** Where the title is in the block's text (`[titleFrom, titleTo)`), so marks of the source can be kept. */
  titleFrom: number
  titleTo: number
  /** Body of a run-in heading (`（一）标题。正文……` → `正文……`). */
  body?: string
  /** Where the body starts in the block's text (it runs to the end, trailing blanks aside). */
  bodyFrom?: number
  markerDepth?: 1 | 2 | 3 | 4
  literal?: LiteralNumber
  markupLevel?: number
  part?: PartTitleInfo
}

const terminal = /[。！？!?；;：:]$/
const bullet = /^[■●◆▲□○◇►▶•]\s*/
const leadEnd = /。/
const blank = /[\s\u3000\u00a0]/

/** `[from, to)` without blanks at either end. */
function trimRange(text: string, from: number, to: number): [number, number] {
  while (from < to && blank.test(text[from]!)) from++
  while (to > from && blank.test(text[to - 1]!)) to--
  return [from, to]
}

/** Splits `标题。正文` at the first `。` when a heading-sized lead is followed by body text. */
export function splitRunIn(text: string, maxLead = 60): { title: string; body?: string } {
  const split = splitRunInAt(text, 0, text.length, maxLead)
  return split.bodyFrom === undefined
    ? { title: text }
    : { title: text.slice(0, split.titleTo), body: text.slice(split.bodyFrom).trim() }
}

/** The run-in split of `text[from, to)`: where the lead ends and the body starts (none when there is no body). */
function splitRunInAt(
  text: string,
  from: number,
  to: number,
  maxLead = 60,
): { titleTo: number; bodyFrom?: number; bodyTo?: number } {
  const match = leadEnd.exec(text.slice(from, to))
  if (!match) return { titleTo: to }
  const end = match.index + 1
  const [bodyFrom, bodyTo] = trimRange(text, from + end, to)
  if (bodyFrom >= bodyTo || end > maxLead) return { titleTo: to }
  return { titleTo: from + end, bodyFrom, bodyTo }
}

/** Is this short line free of sentence punctuation, like a heading (or a title)? */
export function looksLikeHeadingLine(text: string, maxLength = 40): boolean {
  return text.length > 0 && text.length <= maxLength && !terminal.test(text) && !/[，,]/.test(text.slice(-1))
}

/**
 * Tells whether a block is a heading and of what kind. Level assignment needs the whole report (numbering scheme,
 * markup level of the parts) and happens later. Import, structure probing and paste all decide here.
 */
export function headingCandidate(block: ImportBlock): HeadingCandidate | undefined {
  // asked several times per block (report split, front matter, body); blocks are not changed once read
  if (known.has(block)) return known.get(block)
  const candidate = findHeadingCandidate(block)
  known.set(block, candidate)
  return candidate
}

const known = new WeakMap<ImportBlock, HeadingCandidate | undefined>()

function literalAt(text: string, from: number, to: number): { literal?: LiteralNumber; after: number } {
  const marker = parseLeadingMarker(text.slice(from, to))
  if (!marker) return { after: from }
  const typed = text.slice(from, from + marker.length).trim()
  return { literal: { depth: marker.depth, value: marker.value, typed }, after: from + marker.length }
}

function candidate(
  text: string,
  style: HeadingStyle,
  range: [number, number],
  extra: Partial<HeadingCandidate> = {},
  body?: [number, number],
): HeadingCandidate {
  const [titleFrom, titleTo] = trimRange(text, range[0], range[1])
  const result: HeadingCandidate = { style, title: text.slice(titleFrom, titleTo), titleFrom, titleTo, ...extra }
  if (extra.literal) result.markerDepth = extra.literal.depth
  if (body) {
    const [bodyFrom, bodyTo] = trimRange(text, body[0], body[1])
    if (bodyFrom < bodyTo) {
      result.body = text.slice(bodyFrom, bodyTo)
      result.bodyFrom = bodyFrom
    }
  }
  return result
}

/**
 * The number Word printed before an automatically numbered paragraph, as a literal number when it is a heading's
 * (`三、`, `（三）`, `3.`, `（3）`); it then gives the heading's level, and its value stays as evidence like a typed one.
 */
function automaticLiteral(block: ImportBlock): LiteralNumber | undefined {
  const typed = block.sourceMarker?.trim()
  if (!typed) return undefined
  const marker = parseLeadingMarker(typed)
  return marker && marker.length === typed.length ? { depth: marker.depth, value: marker.value, typed } : undefined
}

function findHeadingCandidate(block: ImportBlock): HeadingCandidate | undefined {
  if (block.node) return undefined
  // An item of a numbered list may be an auto-numbered heading; when the source says what number it printed, only a
  // heading's number (`（三）`) does: an item printed `1、` or `1.1` stays in its list with that number.
  const automatic = automaticLiteral(block)
  const listHeading = block.ordered === true && (block.sourceMarker === undefined || automatic !== undefined)
  const text = block.text
  const [start, end] = trimRange(text, 0, text.length)
  if (start >= end) return undefined
  const { literal, after } = literalAt(text, start, end)
  const [restFrom] = trimRange(text, after, end)
  const afterMarker = text.slice(restFrom, end)
  if (block.markupLevel !== undefined) {
    const split = block.runIn ? { titleTo: end } : splitRunInAt(text, restFrom, end)
    return candidate(
      text,
      'markup',
      [restFrom, split.titleTo],
      { literal, markupLevel: block.markupLevel, part: recognisePartTitle(afterMarker) },
      split.bodyFrom !== undefined ? [split.bodyFrom, end] : undefined,
    )
  }
  if (block.boldPrefix !== undefined && block.boldPrefix > 0 && block.boldPrefix < end) {
    // A bold lead with its own number (`**（一）坚持党的领导。**正文`) or in a numbered list is a run-in heading; an
    // unnumbered bold lead-in (`**紧盯经济运行强化监督。**听取审议……`) stays a bold run in its paragraph.
    const [leadFrom, leadTo] = trimRange(text, start, block.boldPrefix)
    const lead = literalAt(text, leadFrom, leadTo)
    const [titleFrom] = trimRange(text, lead.after, leadTo)
    if ((lead.literal || listHeading) && titleFrom < leadTo && leadTo - titleFrom <= 60) {
      const number = lead.literal ?? automatic
      return candidate(
        text,
        lead.literal ? 'numbered' : 'list',
        [titleFrom, leadTo],
        number ? { literal: number } : {},
        [block.boldPrefix, end],
      )
    }
  }
  const part = recognisePartTitle(afterMarker)
  if (part && afterMarker.length <= 24)
    return candidate(text, literal ? 'numbered' : 'part', [restFrom, end], { literal, part })
  if (literal && afterMarker) {
    const split = splitRunInAt(text, restFrom, end)
    if (split.bodyFrom !== undefined)
      return candidate(text, 'numbered', [restFrom, split.titleTo], { literal }, [split.bodyFrom, end])
    // A numbered line that is one long sentence is an enumerated paragraph at the deep levels (`（1）全年召开……。`).
    if (literal.depth >= 3 && afterMarker.length > 40 && terminal.test(afterMarker)) return undefined
    if (afterMarker.length > 80) return undefined
    return candidate(text, 'numbered', [restFrom, end], { literal })
  }
  const bulletMatch = bullet.exec(text.slice(start, end))
  if (bulletMatch) {
    const [restStart] = trimRange(text, start + bulletMatch[0].length, end)
    if (restStart >= end) return undefined
    const split = splitRunInAt(text, restStart, end)
    if (split.bodyFrom !== undefined)
      return candidate(text, 'bullet', [restStart, split.titleTo], {}, [split.bodyFrom, end])
    if (end - restStart <= 60) return candidate(text, 'bullet', [restStart, end])
    return undefined
  }
  const line = text.slice(start, end)
  // Word's automatic numbering (an item of a numbered list) or a bold line: a heading when it reads like one.
  if ((block.bold || listHeading) && looksLikeHeadingLine(line, block.bold ? 50 : 40))
    return candidate(text, block.bold ? 'bold' : 'list', [start, end], automatic ? { literal: automatic } : {})
  // a bold lead alone on its line (`**坚持党的领导。**`) is a heading; a bold paragraph with a body stays a paragraph
  if (block.bold && line.length <= 60 && splitRunInAt(text, start, end).bodyFrom === undefined)
    return candidate(text, 'bold', [start, end])
  return undefined
}
