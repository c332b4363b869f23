import { NodeType } from '../document-model'
import type { DocNode, PartRole } from '../document-model'
import { headingLevel } from '../report-language/heading-level'

/**
 * A library section made a part of its own: its first heading becomes level 1 (with `role`), deeper headings move
 * up by the same amount.
 */
export function promoteSection(nodes: readonly DocNode[], role: PartRole | null = null): DocNode[] {
  const first = nodes.find(node => node.type === NodeType.heading)
  const shift = first ? headingLevel(first) - 1 : 0
  return nodes.map(node => {
    if (node.type !== NodeType.heading) return node
    const level = Math.max(1, headingLevel(node) - shift)
    return {
      ...node,
      attrs: { ...node.attrs, level, role: node === first ? role : level === 1 ? null : (node.attrs?.role ?? null) },
    }
  })
}
