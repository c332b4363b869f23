import { TextRun, type IFontAttributesProperties } from 'docx'
import { MarkType, NodeType, type DocNode } from '../../document-model'

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
 * Inline content → runs. bold prints bold; needsReview prints as plain text; guidance atoms are
 * not printed (a final export is refused while any is left).
 */
export function inlineRuns(nodes: readonly DocNode[] | undefined, options: RunOptions = {}): TextRun[] {
  const runs: TextRun[] = []
  let pendingBreak = 0
  for (const node of nodes ?? []) {
    if (node.type === NodeType.hardBreak) {
      pendingBreak += 1
      continue
    }
    if (node.type !== NodeType.text || !node.text) continue
    const isBold = hasMark(node, MarkType.bold) || undefined
    runs.push(
      new TextRun({
        text: node.text,
        ...(pendingBreak ? { break: pendingBreak } : {}),
        ...(options.font ? { font: options.font } : {}),
        ...(options.size ? { size: options.size } : {}),
        ...(options.characterSpacing ? { characterSpacing: options.characterSpacing, snapToGrid: false } : {}),
        ...(isBold ? { bold: true } : options.boldDefault !== undefined ? { bold: options.boldDefault } : {}),
      }),
    )
    pendingBreak = 0
  }
  if (pendingBreak) runs.push(new TextRun({ text: '', break: pendingBreak }))
  return runs
}
