import type { DocNode } from '../../core/document-model'

/** Text of every run marked needsReview (待核对), in document order. */
export function needsReviewTexts(nodes: DocNode[]): string[] {
  const out: string[] = []
  const walk = (node: DocNode): void => {
    if (node.marks?.some(mark => mark.type === 'needsReview')) out.push(node.text ?? '')
    node.content?.forEach(walk)
  }
  nodes.forEach(walk)
  return out
}
