import { MarkType, NodeType } from '../document-model'
import type { DocMark, DocNode } from '../document-model'

const chineseDigits = '〇零一二两三四五六七八九十百千万亿'
/** Measure words after a Chinese-numeral count (`十二次`, `三项`, `两万余人`). */
const measureWords = '次项件个名条家所人位批场期篇部份处座户类轮'
const arabic = String.raw`\d+(?:[.,，]\d+)*(?:\s?[%％‰])?`
const chinese = `[${chineseDigits}]+(?:余|多)?[${measureWords}]`
const figurePattern = new RegExp(`${arabic}|${chinese}`, 'gu')

/** Counts written in words that are names or ordinals, not figures. */
function isChineseNonFigure(text: string, start: number, match: string): boolean {
  const before = text.slice(Math.max(0, start - 1), start)
  const after = text.slice(start + match.length, start + match.length + 2)
  const numeral = match.replace(/(?:余|多)?.$/u, '')
  if (numeral === '一') return true
  if (before === '第' || before === '届') return true
  if (/^(?:会议|全会)/u.test(after)) return true
  return insideQuotes(text, start)
}

function insideSpan(spans: number[], position: number): boolean {
  for (let index = 0; index < spans.length; index += 2)
    if (position >= spans[index]! && position < spans[index + 1]!) return true
  return false
}

/** Slogans such as “四个机关” and “三会一课” are names, not figures. */
function insideQuotes(text: string, position: number): boolean {
  const open = text.lastIndexOf('“', position)
  if (open === -1) return false
  const close = text.lastIndexOf('”', position)
  return close < open && text.indexOf('”', position) !== -1
}

/**
 * Numbers that are parts of names, not figures: standard and model codes (`GB/T 9704—2012`, `ISO 9001`, `PM2.5`,
 * `5G`, `4A级`), document numbers (`二七发〔2023〕5号`) and anything inside a book title (`《二七区志（1991—2020）》`).
 */
const namePattern =
  /[A-Za-z]{1,6}(?:\/[A-Za-z]{1,3})?[ \u00a0]?\d+(?:[.\-—–:/]\d+)*|(?<!\d)\d[A-Z](?![A-Za-z])|〔\d{4}〕\d+号|《[^《》]*》/gu

function nameSpans(text: string): number[] {
  const spans: number[] = []
  for (const match of text.matchAll(namePattern)) spans.push(match.index ?? 0, (match.index ?? 0) + match[0].length)
  return spans
}

/** Ranges of figures in a text: Arabic numbers (with % and decimals) and Chinese-numeral counts. */
export function findFigures(text: string): Array<{ from: number; to: number }> {
  const ranges: Array<{ from: number; to: number }> = []
  const names = /[A-Za-z〔《]/u.test(text) ? nameSpans(text) : []
  for (const match of text.matchAll(figurePattern)) {
    const start = match.index ?? 0
    const value = match[0]
    if (names.length && insideSpan(names, start)) continue
    if (!/\d/u.test(value) && isChineseNonFigure(text, start, value)) continue
    ranges.push({ from: start, to: start + value.length })
  }
  return ranges
}

function reviewMark(source?: string): DocMark {
  return source ? { type: MarkType.needsReview, attrs: { source } } : { type: MarkType.needsReview }
}

function markTextNode(node: DocNode, text: string, source?: string): DocNode[] {
  const marks = node.marks ?? []
  if (marks.some(mark => mark.type === MarkType.needsReview)) return [node]
  const ranges = findFigures(text)
  if (ranges.length === 0) return [node]
  const pieces: DocNode[] = []
  const push = (piece: string, extra?: DocMark): void => {
    if (!piece) return
    const pieceMarks = extra ? [...marks, extra] : marks
    pieces.push(
      pieceMarks.length
        ? { type: NodeType.text, text: piece, marks: pieceMarks }
        : { type: NodeType.text, text: piece },
    )
  }
  let cursor = 0
  for (const range of ranges) {
    push(text.slice(cursor, range.from))
    push(text.slice(range.from, range.to), reviewMark(source))
    cursor = range.to
  }
  push(text.slice(cursor))
  return pieces
}

function markNode(node: DocNode, source?: string): DocNode {
  if (!node.content) return node
  const content: DocNode[] = []
  for (const child of node.content) {
    if (child.type === NodeType.text) content.push(...markTextNode(child, child.text ?? '', source))
    else content.push(markNode(child, source))
  }
  return { ...node, content }
}

/**
 * Returns copies of `nodes` in which every figure of reused text carries the `needsReview` mark
 * (STR-NEEDS-REVIEW reports it until a person confirms or edits it). `source` names where the text came from.
 */
export function markFiguresNeedsReview(nodes: readonly DocNode[], options: { source?: string } = {}): DocNode[] {
  return nodes.flatMap(node =>
    node.type === NodeType.text
      ? markTextNode(node, node.text ?? '', options.source)
      : [markNode(node, options.source)],
  )
}
