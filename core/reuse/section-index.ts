import { NodeType, nodeText } from '../document-model'
import type { DocNode } from '../document-model'
import { headingLevel } from '../report-language/heading-level'

/** A heading and everything under it (its body and sub-sections), for the section library. */
export interface IndexedSection {
  /** Path of the heading in the doc (sections are top-level siblings: `[index]`). */
  path: number[]
  index: number
  /** Top-level index after the section's last block. */
  end: number
  level: number
  title: string
  /** Title, body and sub-sections as plain text, blocks separated by `\n`. */
  text: string
  /** Length of the title in `text`. */
  titleLength: number
}

/** Text prepared for substring search, with each character's offset in the original. */
export interface SearchText {
  text: string
  origin: number[]
}

function levelOf(node: DocNode): number {
  return node.type === NodeType.heading ? headingLevel(node) : 0
}

/** Every heading of a doc with the extent of its section. */
export function indexSections(doc: DocNode): IndexedSection[] {
  const blocks = doc.content ?? []
  const sections: IndexedSection[] = []
  blocks.forEach((node, index) => {
    const level = levelOf(node)
    if (!level) return
    let end = index + 1
    while (end < blocks.length && !(levelOf(blocks[end]!) && levelOf(blocks[end]!) <= level)) end++
    const title = nodeText(node).trim()
    const body = blocks
      .slice(index + 1, end)
      .map(block => nodeText(block).trim())
      .filter(Boolean)
    sections.push({
      path: [index],
      index,
      end,
      level,
      title,
      text: [title, ...body].join('\n'),
      titleLength: title.length,
    })
  })
  return sections
}

/** The section's nodes: its heading and everything under it. */
export function sectionNodes(doc: DocNode, index: number): DocNode[] {
  const section = indexSections(doc).find(candidate => candidate.index === index)
  return section ? (doc.content ?? []).slice(section.index, section.end) : []
}

/** NFKC, lower case, no white space: `２０２３年 主要工作` and `2023年主要工作` compare equal. */
export function prepareSearchText(text: string): SearchText {
  let out = ''
  const origin: number[] = []
  let offset = 0
  for (const char of text) {
    const normal = char.normalize('NFKC').toLowerCase().replace(/\s+/gu, '')
    for (let position = 0; position < normal.length; position++) origin.push(offset)
    out += normal
    offset += char.length
  }
  origin.push(offset)
  return { text: out, origin }
}

/** Query words (split at spaces and commas); Chinese needs no spaces: each word is a substring. */
export function searchTerms(query: string): string[] {
  return query
    .split(/[\s,，、;；]+/u)
    .map(term => prepareSearchText(term).text)
    .filter(Boolean)
}

const excerptRadius = 28
/** At most this many places of a section are shown in one excerpt (one per search word). */
const excerptWindows = 4

/** A run of an excerpt: text, marked when it is a search word. */
export interface ExcerptPiece {
  text: string
  match?: true
}

/** Ranges sorted, those that overlap or touch joined. */
function mergeRanges(ranges: ReadonlyArray<[number, number]>): Array<[number, number]> {
  const merged: Array<[number, number]> = []
  for (const range of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1]
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1])
    else merged.push([...range])
  }
  return merged
}

/** Every occurrence of every term, as ranges of the original text. */
function matchRanges(prepared: SearchText, terms: readonly string[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  for (const term of terms) {
    for (let at = prepared.text.indexOf(term); at !== -1; at = prepared.text.indexOf(term, at + term.length)) {
      ranges.push([prepared.origin[at]!, prepared.origin[at + term.length]!])
    }
  }
  return mergeRanges(ranges)
}

/**
 * Text around the matches of the search words, every word marked wherever it shows: one place per word (its
 * first in the body, else in the title), places close together joined, `…` where text is left out.
 */
export function excerptOf(section: IndexedSection, prepared: SearchText, terms: readonly string[]): ExcerptPiece[] {
  const titleEnd = prepared.origin.findIndex(offset => offset >= section.titleLength)
  const windows: Array<[number, number]> = []
  for (const term of terms.slice(0, excerptWindows)) {
    let at = prepared.text.indexOf(term, Math.max(0, titleEnd))
    if (at === -1) at = prepared.text.indexOf(term)
    if (at === -1) continue
    const from = prepared.origin[at]!
    const to = prepared.origin[at + term.length]!
    windows.push([Math.max(0, from - excerptRadius), Math.min(section.text.length, to + excerptRadius)])
  }
  if (windows.length === 0) windows.push([0, Math.min(section.text.length, excerptRadius * 2)])
  const joined = mergeRanges(windows)
  const marks = matchRanges(prepared, terms)
  const flat = (text: string): string => text.replace(/\n+/gu, ' ')
  const pieces: ExcerptPiece[] = []
  const push = (text: string, match?: boolean): void => {
    if (!text) return
    const last = pieces[pieces.length - 1]
    if (last && !last.match && !match) last.text += text
    else pieces.push(match ? { text, match: true } : { text })
  }
  joined.forEach(([start, end], position) => {
    if (start > 0 || position > 0) push('…')
    let at = start
    for (const [from, to] of marks) {
      if (to <= at || from >= end) continue
      push(flat(section.text.slice(at, Math.max(at, from))))
      push(flat(section.text.slice(Math.max(at, from), Math.min(end, to))), true)
      at = Math.min(end, to)
    }
    push(flat(section.text.slice(at, end)))
  })
  if (joined[joined.length - 1]![1] < section.text.length) push('…')
  return pieces
}

/**
 * The text a report is recognised by in the library: every text block (front matter, headings, paragraphs,
 * table cells, list items) NFKC-normalised without white space, one line each; empty blocks, marks, node
 * attributes, guidance and the report's meta left out. The same report opened, imported or saved again gives
 * the same text.
 */
export function normalisedReportText(doc: DocNode): string {
  const lines: string[] = []
  const visit = (node: DocNode): void => {
    if (node.type === NodeType.guidance) return
    const isTextblock = node.content?.some(child => child.type === NodeType.text || child.type === NodeType.hardBreak)
    if (isTextblock) {
      const line = prepareSearchText(nodeText(node)).text
      if (line) lines.push(line)
      return
    }
    node.content?.forEach(visit)
  }
  visit(doc)
  return lines.join('\n')
}

/**
 * Sections holding every term (AND), the most specific only: a part is not listed when one of its
 * sub-sections holds all the terms.
 */
export function matchSections(
  sections: readonly IndexedSection[],
  prepared: readonly SearchText[],
  terms: readonly string[],
): Array<{ section: IndexedSection; excerpt: ExcerptPiece[] }> {
  if (terms.length === 0) return []
  const matching = sections.map((_, position) => terms.every(term => prepared[position]!.text.includes(term)))
  const hits: Array<{ section: IndexedSection; excerpt: ExcerptPiece[] }> = []
  sections.forEach((section, position) => {
    if (!matching[position]) return
    const inner = sections.some(
      (other, otherPosition) => matching[otherPosition] && other.index > section.index && other.index < section.end,
    )
    if (!inner) hits.push({ section, excerpt: excerptOf(section, prepared[position]!, terms) })
  })
  return hits
}
