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

/** Text around the first match of `term` (preferring the body), the match between 【】. */
export function excerptOf(section: IndexedSection, prepared: SearchText, term: string): string {
  const titleEnd = prepared.origin.findIndex(offset => offset >= section.titleLength)
  let at = prepared.text.indexOf(term, Math.max(0, titleEnd))
  if (at === -1) at = prepared.text.indexOf(term)
  if (at === -1) return section.text.slice(0, excerptRadius * 2)
  const from = prepared.origin[at]!
  const to = prepared.origin[at + term.length]!
  const start = Math.max(0, from - excerptRadius)
  const end = Math.min(section.text.length, to + excerptRadius)
  const flat = (text: string): string => text.replace(/\n+/gu, ' ')
  return `${start > 0 ? '…' : ''}${flat(section.text.slice(start, from))}【${flat(section.text.slice(from, to))}】${flat(section.text.slice(to, end))}${end < section.text.length ? '…' : ''}`
}

/**
 * Sections holding every term (AND), the most specific only: a part is not listed when one of its
 * sub-sections holds all the terms.
 */
export function matchSections(
  sections: readonly IndexedSection[],
  prepared: readonly SearchText[],
  terms: readonly string[],
): Array<{ section: IndexedSection; excerpt: string }> {
  if (terms.length === 0) return []
  const matching = sections.map((_, position) => terms.every(term => prepared[position]!.text.includes(term)))
  const hits: Array<{ section: IndexedSection; excerpt: string }> = []
  sections.forEach((section, position) => {
    if (!matching[position]) return
    const inner = sections.some(
      (other, otherPosition) => matching[otherPosition] && other.index > section.index && other.index < section.end,
    )
    if (!inner) hits.push({ section, excerpt: excerptOf(section, prepared[position]!, terms[0]!) })
  })
  return hits
}
