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
 * headings (with their computed marker), paragraphs, list-item and table-cell paragraphs,
 * guidance placeholders (block-level or inside a paragraph) and footnotes' text (after the block that holds the
 * reference, numbered in reading order as the exports print them) when `footnotes` is asked for (the checks do).
 */
export function collectBlocks(
  doc: DocNode,
  scheme: NumberingScheme,
  options: { footnotes?: boolean } = {},
): TextBlock[] {
  const blocks: TextBlock[] = []
  const headingBlocks: TextBlock[] = []
  const levels: HeadingLevel[] = []

  let footnotes = 0
  /** Guidance placeholders inside a paragraph; footnotes, whose text is checked like any other (numbered as printed). */
  const addInlineBlocks = (node: DocNode, path: number[]) => {
    node.content?.forEach((child, index) => {
      if (child.type === NodeType.guidance) {
        blocks.push({ path: [...path, index], node: child, kind: 'guidance', text: String(child.attrs?.text ?? '') })
      } else if (child.type === NodeType.footnote && options.footnotes) {
        footnotes++
        const text = typeof child.attrs?.text === 'string' ? child.attrs.text : ''
        blocks.push({ path: [...path, index], node: child, kind: 'footnote', footnote: footnotes, text })
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
      if (node.content?.some(child => child.type === NodeType.guidance || child.type === NodeType.footnote))
        addInlineBlocks(node, path)
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
