import { NodeType, nodeText, type DocNode, type HeadingLevel } from '../document-model'
import { computeMarkers, type NumberingScheme } from '../numbering'
import type { BlockKind, TextBlock } from './rule'
import { headingLevel } from '../report-language/heading-level'

const FRONT_KINDS: Record<string, BlockKind> = {
  [NodeType.reportTitle]: 'title',
  [NodeType.reportSubtitle]: 'subtitle',
  [NodeType.speakerLine]: 'speaker',
  [NodeType.salutation]: 'salutation',
}

/** Paragraphs, headings and front-matter nodes: the blocks that hold inline content. */
export function isTextblock(node: DocNode): boolean {
  return node.type === NodeType.paragraph || node.type === NodeType.heading || node.type in FRONT_KINDS
}

/**
 * Flattens the document once per check run into text blocks in document order: front matter,
 * headings (with their computed marker), paragraphs, list-item and table-cell paragraphs, and
 * guidance placeholders (block-level or inside a paragraph).
 */
export function collectBlocks(doc: DocNode, scheme: NumberingScheme): TextBlock[] {
  const blocks: TextBlock[] = []
  const headingBlocks: TextBlock[] = []
  const levels: HeadingLevel[] = []

  const addGuidanceInside = (node: DocNode, path: number[]) => {
    node.content?.forEach((child, index) => {
      if (child.type === NodeType.guidance) {
        blocks.push({ path: [...path, index], node: child, kind: 'guidance', text: String(child.attrs?.text ?? '') })
      }
    })
  }

  const visit = (node: DocNode, path: number[], container: 'top' | 'listItem' | 'tableCell') => {
    if (node.type === NodeType.guidance) {
      blocks.push({ path, node, kind: 'guidance', text: String(node.attrs?.text ?? '') })
      return
    }
    if (isTextblock(node)) {
      const text = nodeText(node)
      if (node.type === NodeType.heading && container === 'top') {
        const level = headingLevel(node)
        const block: TextBlock = { path, node, kind: 'heading', level, runIn: node.attrs?.runIn === true, text }
        blocks.push(block)
        headingBlocks.push(block)
        levels.push(level)
      } else {
        const kind: BlockKind = FRONT_KINDS[node.type] ?? (container === 'top' ? 'paragraph' : container)
        blocks.push({ path, node, kind, text })
      }
      addGuidanceInside(node, path)
      return
    }
    const next =
      node.type === NodeType.listItem
        ? 'listItem'
        : node.type === NodeType.tableCell || node.type === NodeType.tableHeader
          ? 'tableCell'
          : container
    node.content?.forEach((child, index) => visit(child, [...path, index], next))
  }

  doc.content?.forEach((child, index) => visit(child, [index], 'top'))
  const markers = computeMarkers(scheme, levels)
  headingBlocks.forEach((block, index) => {
    block.marker = markers[index]
  })
  return blocks
}
