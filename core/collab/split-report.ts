import { NodeType, type DocNode } from '../document-model'
import { analyzeDoc } from '../structure/analyze-structure'
import type { Template } from '../templates/template-schema'

/** A report's body cut where the rights change (core/collab/report-roots.ts). */
export interface ReportSections {
  /** Front matter and opening paragraphs before the first level-1 heading. */
  front: DocNode[]
  /** Each level-1 part: its heading first, then everything up to the next level-1 heading. */
  parts: DocNode[][]
  /** The closing appeal after the last part, when the report has one. */
  closing: DocNode[]
}

function isPartHeading(node: DocNode): boolean {
  return node.type === NodeType.heading && Number(node.attrs?.level ?? 1) === 1
}

/**
 * Cuts a document into front matter, parts and closing appeal. The closing is what the structure analysis takes for
 * the untitled closing part (the same detection the checks use), so the owner keeps it even though it follows the
 * last part without a heading.
 */
export function splitReportDoc(doc: DocNode, template?: Template): ReportSections {
  const content = doc.content ?? []
  const structure = analyzeDoc(doc, template ? { template } : {})
  const closingPart = structure.parts.find(part => part.untitled)
  const closingStart = closingPart ? closingPart.index : content.length
  const sections: ReportSections = { front: [], parts: [], closing: content.slice(closingStart) }
  let current: DocNode[] | null = null
  for (let index = 0; index < closingStart; index++) {
    const node = content[index]!
    if (isPartHeading(node)) {
      current = [node]
      sections.parts.push(current)
    } else if (current) current.push(node)
    else sections.front.push(node)
  }
  return sections
}

/** The document again, in reading order. An empty document gets one empty paragraph (the editor needs a block). */
export function joinReportDoc(sections: ReportSections): DocNode {
  const content = [...sections.front, ...sections.parts.flat(), ...sections.closing]
  return { type: NodeType.doc, content: content.length ? content : [{ type: NodeType.paragraph }] }
}

/** The plain title of a part (its heading's text). */
export function partTitle(blocks: readonly DocNode[]): string {
  const heading = blocks[0]
  if (!heading?.content) return ''
  return heading.content.map(child => child.text ?? '').join('')
}
