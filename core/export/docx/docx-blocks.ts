import type { Paragraph, Table } from 'docx'
import { NodeType, type DocNode } from '../../document-model'
import { computeMarkers, type NumberingScheme } from '../../numbering'
import { headLineFitPt } from '../head-line-fit'
import { fontNames, runFonts } from './docx-fonts'
import { listParagraphs, type ListState } from './docx-lists'
import { inlineRunsXml } from './docx-runs'
import { styleIds } from './docx-styles'
import { docxTable } from './docx-table'
import { paragraphXml } from './docx-xml-templates'
import { headingLevel } from '../../report-language/heading-level'

export interface BlockContext {
  scheme: NumberingScheme
  linePitch: number
  /** The body's character spacing in twips (docx-geometry.ts). */
  charSpacing: number
  typeAreaWidth: number
  latinTimes: boolean
}

const centredFrontMatter: readonly string[] = [NodeType.reportTitle, NodeType.reportSubtitle, NodeType.speakerLine]

const frontMatterStyle: Record<string, string> = {
  [NodeType.reportTitle]: styleIds.title,
  [NodeType.reportSubtitle]: styleIds.subtitle,
  [NodeType.speakerLine]: styleIds.speakerLine,
  [NodeType.salutation]: styleIds.salutation,
}

/** A body block: a paragraph's XML (docx-xml-templates.ts), or a list paragraph or table the docx library builds. */
export type DocxBlock = string | Paragraph | Table

/**
 * Top-level document nodes → DOCX body. Heading markers (`一、（一）1.（1）`) are computed from
 * position and printed as text. A run-in heading and the paragraph after it become ONE paragraph in
 * the Heading{level} style (so Word's and WPS's navigation panes list it); its body runs carry
 * explicit 仿宋 fonts and bold off, overriding the heading style, and keep-with-next is switched off.
 */
export function docxBlocks(doc: DocNode, context: BlockContext): DocxBlock[] {
  const nodes = (doc.content ?? []).filter(node => node.type !== NodeType.guidance)
  const headings = nodes.filter(node => node.type === NodeType.heading)
  const markers = computeMarkers(context.scheme, headings.map(headingLevel))
  const bodyFont = runFonts(fontNames.fangSong, context.latinTimes)
  const listState: ListState = { nextInstance: 1 }
  const blocks: DocxBlock[] = []
  let headingIndex = 0
  let sawCentred = false
  let blankLineDone = false

  // One blank line (of the grid) between the centred title block and what follows it.
  const spacingBefore = (node: DocNode): { spacing?: { before: number } } => {
    if (centredFrontMatter.includes(node.type)) {
      sawCentred = true
      return {}
    }
    if (!sawCentred || blankLineDone) return {}
    blankLineDone = true
    return { spacing: { before: context.linePitch } }
  }

  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!
    const style = frontMatterStyle[node.type]
    if (style) {
      // A subtitle the PDF holds on one line is held on one line here too: rounded down to whole twips,
      // never looser than the body's spacing, with room for LibreOffice's space between 汉字 and digits.
      const fitTwips =
        node.type === NodeType.reportSubtitle ? Math.floor(headLineFitPt(node, { scriptGapEm: 0.2 }) * 20) : 0
      const runs = inlineRunsXml(node.content, fitTwips < context.charSpacing ? { characterSpacing: fitTwips } : {})
      blocks.push(paragraphXml({ style, ...spacingBefore(node) }, runs))
      continue
    }
    if (node.type === NodeType.heading) {
      const level = headingLevel(node)
      const marker = markers[headingIndex++] ?? ''
      const headingRuns = inlineRunsXml(
        marker ? [{ type: NodeType.text, text: marker }, ...(node.content ?? [])] : node.content,
      )
      const next = nodes[index + 1]
      const runIn = node.attrs?.runIn === true && next?.type === NodeType.paragraph
      if (runIn) {
        index += 1
        blocks.push(
          paragraphXml(
            { style: styleIds.heading(level), keepNext: false, keepLines: false, ...spacingBefore(node) },
            headingRuns + inlineRunsXml(next.content, { font: bodyFont, boldDefault: false }),
          ),
        )
      } else {
        blocks.push(paragraphXml({ style: styleIds.heading(level), ...spacingBefore(node) }, headingRuns))
      }
      continue
    }
    if (node.type === NodeType.bulletList || node.type === NodeType.orderedList) {
      spacingBefore(node)
      for (const paragraph of listParagraphs(node, listState)) blocks.push(paragraph)
      continue
    }
    if (node.type === NodeType.table) {
      spacingBefore(node)
      blocks.push(docxTable(node, context))
      continue
    }
    blocks.push(paragraphXml({ ...spacingBefore(node) }, inlineRunsXml(node.content)))
  }
  return blocks
}
