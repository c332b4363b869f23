import { FootnoteReferenceRun, TextRun, type IFontAttributesProperties } from 'docx'
import { MarkType, NodeType, type DocNode } from '../../document-model'
import { componentXml } from './docx-xml-string'
import { runXml, type TextRunOptions } from './docx-xml-templates'

/** The Word footnote id of each footnote node of the printed document (its number, from 1, in reading order). */
export type FootnoteIds = ReadonlyMap<DocNode, number>

export interface RunOptions {
  /** Explicit fonts (run-in body text inside a heading-styled paragraph). */
  font?: IFontAttributesProperties
  /** Explicit bold state for unmarked text (run-in body: off even if the heading style is bold). */
  boldDefault?: boolean
  size?: number
  /** Character spacing in twips and off the document grid (a subtitle set tight on one line, head-line-fit.ts). */
  characterSpacing?: number
  /** Footnote ids; a footnote node not in it is not printed. */
  footnotes?: FootnoteIds
}

const hasMark = (node: DocNode, type: string): boolean => node.marks?.some(mark => mark.type === type) ?? false

/**
 * `——` and `……` in runs of their own whose East Asian language is en-US (docs/layout.md, Line breaks): LibreOffice
 * breaks Chinese text between any two characters but its forbidden ones (its zh-CN list has neither — nor …, and
 * it reads no w:noLineBreaksBefore/After from a DOCX), while for an en-US run it asks the Unicode line breaker,
 * which never breaks inside `——` (B2 × B2) or `……` (× IN) — where the PDF's Chromium breaks. The text is
 * unchanged (no joiner characters), the fonts stay those of the run; Word and WPS see an ordinary run.
 */
const dashesAndEllipses = /(——+|…+)/
const unsplitLanguage = 'en-US'

type RunItem = (TextRunOptions & { text: string }) | { footnote: number }

/**
 * Inline content → the options of its runs. bold prints bold, sub/superscripts as Word's w:vertAlign; needsReview
 * prints as plain text; a footnote as Word's footnote reference; guidance atoms are not printed (a final export is
 * refused while any is left).
 */
function runItems(nodes: readonly DocNode[] | undefined, options: RunOptions): RunItem[] {
  const runs: RunItem[] = []
  let pendingBreak = 0
  for (const node of nodes ?? []) {
    if (node.type === NodeType.hardBreak) {
      pendingBreak += 1
      continue
    }
    if (node.type === NodeType.footnote) {
      const id = options.footnotes?.get(node)
      if (id === undefined) continue
      if (pendingBreak) runs.push({ text: '', break: pendingBreak })
      pendingBreak = 0
      runs.push({ footnote: id })
      continue
    }
    if (node.type !== NodeType.text || !node.text) continue
    const isBold = hasMark(node, MarkType.bold) || undefined
    for (const [index, text] of node.text.split(dashesAndEllipses).entries()) {
      if (text === '') continue
      runs.push({
        text,
        ...(index % 2 === 1 ? { language: { eastAsia: unsplitLanguage } } : {}),
        ...(pendingBreak ? { break: pendingBreak } : {}),
        ...(options.font ? { font: options.font } : {}),
        ...(options.size ? { size: options.size } : {}),
        ...(options.characterSpacing ? { characterSpacing: options.characterSpacing, snapToGrid: false } : {}),
        ...(isBold ? { bold: true } : options.boldDefault !== undefined ? { bold: options.boldDefault } : {}),
        ...(hasMark(node, MarkType.superscript) ? { superScript: true } : {}),
        ...(hasMark(node, MarkType.subscript) ? { subScript: true } : {}),
      })
      pendingBreak = 0
    }
  }
  if (pendingBreak) runs.push({ text: '', break: pendingBreak })
  return runs
}

/** Inline content as docx runs (list items, table cells, where the docx library builds the block). */
export function inlineRuns(
  nodes: readonly DocNode[] | undefined,
  options: RunOptions = {},
): Array<TextRun | FootnoteReferenceRun> {
  return runItems(nodes, options).map(run =>
    'footnote' in run ? new FootnoteReferenceRun(run.footnote) : new TextRun(run),
  )
}

/** The same runs as XML (body paragraphs; docx-xml-templates.ts). */
export function inlineRunsXml(nodes: readonly DocNode[] | undefined, options: RunOptions = {}): string {
  let xml = ''
  for (const run of runItems(nodes, options))
    xml += 'footnote' in run ? componentXml(new FootnoteReferenceRun(run.footnote)) : runXml(run)
  return xml
}
