import { NodeType, textNode, type DocNode } from '../document-model'
import { textWidthEm } from './line-rules'

/** Width of the type area in points (156 mm). */
const lineWidthPt = (156 * 72) / 25.4

/**
 * Break opportunities for the title and the subtitle, which break only between phrases (回行时词意完整,
 * GB/T 9704 7.3.1): after the date (`日|在`), after 大会 / 委员会 / 会议, and before an ordinal 第.
 */
export const phraseEnd =
  /(?<=日)(?=在)|(?<=大会|委员会|会议|政府|政协)(?=[^上，。、：；！？）)》〉”’>])|(?<=[^\s])(?=第[一二三四五六七八九十〇零百]+[届次])/g

/**
 * Where a head line of `text` breaks, as offsets into it: the phrase ends that give the fewest lines that fit
 * and, among those, the most even lines (the longest line as short as it can be). A phrase longer than a line
 * is left to wrap inside (no offset within it). Decided here once, written as explicit breaks into the PDF
 * (`<br>`) and the DOCX (`w:br`), so Word, WPS and LibreOffice cannot break the title elsewhere.
 */
export function headBreakOffsets(text: string, sizePt: number, letterSpacingPt = 0): number[] {
  const pieces = text.split(phraseEnd)
  const lineEm = lineWidthPt / sizePt
  const width = (piece: string): number => textWidthEm(piece) + ([...piece].length * letterSpacingPt) / sizePt
  if (width(text) <= lineEm || pieces.length < 2) return []
  // best[i]: the best way to set pieces[0..i) as [lines, longest line]; from[i]: where its last line starts.
  const best: Array<[number, number]> = [[0, 0]]
  const from: number[] = [0]
  for (let end = 1; end <= pieces.length; end++) {
    let choice: [number, number] = [Infinity, Infinity]
    let start = 0
    for (let begin = end - 1; begin >= 0; begin--) {
      const lineWidth = width(pieces.slice(begin, end).join(''))
      // A line wider than the type area only when it is a single phrase (it wraps inside in both renderers).
      if (lineWidth > lineEm && end - begin > 1) break
      const lines = best[begin]![0] + Math.max(1, Math.ceil(lineWidth / lineEm))
      const longest = Math.max(best[begin]![1], Math.min(lineWidth, lineEm))
      if (lines < choice[0] || (lines === choice[0] && longest < choice[1])) {
        choice = [lines, longest]
        start = begin
      }
    }
    best.push(choice)
    from.push(start)
  }
  const starts: number[] = []
  for (let end = pieces.length; end > 0; end = from[end]!) starts.unshift(from[end]!)
  const offsets: number[] = []
  let offset = 0
  starts.forEach((pieceIndex, line) => {
    if (line === 0) return
    offset = pieces.slice(0, pieceIndex).join('').length
    offsets.push(offset)
  })
  return offsets
}

/**
 * A title or subtitle node with its phrase breaks as hard breaks (each stretch between the user's own hard
 * breaks decided alone); marks are kept on both sides of a break.
 */
export function withHeadBreaks(node: DocNode, sizePt: number, letterSpacingPt = 0): DocNode {
  const content = node.content ?? []
  const out: DocNode[] = []
  let stretch: DocNode[] = []
  const flush = (): void => {
    const text = stretch.map(child => child.text ?? '').join('')
    const offsets = new Set(headBreakOffsets(text, sizePt, letterSpacingPt))
    let position = 0
    for (const child of stretch) {
      const value = child.text ?? ''
      let piece = ''
      for (const character of value) {
        if (offsets.has(position) && position > 0) {
          if (piece) out.push(textNode(piece, child.marks))
          out.push({ type: NodeType.hardBreak })
          piece = ''
        }
        piece += character
        position += character.length
      }
      if (piece) out.push(textNode(piece, child.marks))
    }
    stretch = []
  }
  for (const child of content) {
    if (child.type === NodeType.text) stretch.push(child)
    else {
      flush()
      out.push(child)
    }
  }
  flush()
  return { ...node, content: out }
}
