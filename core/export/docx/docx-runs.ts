import { TextRun, type IFontAttributesProperties } from 'docx'
import { MarkType, NodeType, type DocNode } from '../../document-model'
import { runXml, type TextRunOptions } from './docx-xml-templates'

export interface RunOptions {
  /** Explicit fonts (run-in body text inside a heading-styled paragraph). */
  font?: IFontAttributesProperties
  /** Explicit bold state for unmarked text (run-in body: off even if the heading style is bold). */
  boldDefault?: boolean
  size?: number
  /** Character spacing in twips and off the document grid (a subtitle set tight on one line, head-line-fit.ts). */
  characterSpacing?: number
}

const hasMark = (node: DocNode, type: string): boolean => node.marks?.some(mark => mark.type === type) ?? false

/**
 * Inline content → the options of its runs. bold prints bold; needsReview prints as plain text; guidance atoms are
 * not printed (a final export is refused while any is left).
 */
function runOptions(
  nodes: readonly DocNode[] | undefined,
  options: RunOptions,
): Array<TextRunOptions & { text: string }> {
  const runs: Array<TextRunOptions & { text: string }> = []
  let pendingBreak = 0
  for (const node of nodes ?? []) {
    if (node.type === NodeType.hardBreak) {
      pendingBreak += 1
      continue
    }
    if (node.type !== NodeType.text || !node.text) continue
    const isBold = hasMark(node, MarkType.bold) || undefined
    runs.push({
      text: node.text,
      ...(pendingBreak ? { break: pendingBreak } : {}),
      ...(options.font ? { font: options.font } : {}),
      ...(options.size ? { size: options.size } : {}),
      ...(options.characterSpacing ? { characterSpacing: options.characterSpacing, snapToGrid: false } : {}),
      ...(isBold ? { bold: true } : options.boldDefault !== undefined ? { bold: options.boldDefault } : {}),
    })
    pendingBreak = 0
  }
  if (pendingBreak) runs.push({ text: '', break: pendingBreak })
  return runs
}

/** Inline content as docx runs (list items, table cells, where the docx library builds the block). */
export function inlineRuns(nodes: readonly DocNode[] | undefined, options: RunOptions = {}): TextRun[] {
  return runOptions(nodes, options).map(run => new TextRun(run))
}

/** The same runs as XML (body paragraphs; docx-xml-templates.ts). */
export function inlineRunsXml(nodes: readonly DocNode[] | undefined, options: RunOptions = {}): string {
  let xml = ''
  for (const run of runOptions(nodes, options)) xml += runXml(run)
  return xml
}
