import type { Schema } from '@tiptap/pm/model'
import type { DocNode } from '../document-model'
import { nodeText } from '../document-model'

export interface FitResult {
  doc: DocNode
  /** Nodes or marks the editor does not know that were unwrapped, turned into text or dropped. */
  changed: number
}

/**
 * A report from an older or foreign writer may hold nodes or marks this editor's schema lacks.
 * ProseMirror refuses the whole document for one unknown node (the editor would open empty and a
 * save would write that emptiness back), so unknown blocks are unwrapped (their text kept in
 * paragraphs), unknown inline nodes become their text, unknown marks are dropped. When the result
 * still does not fit (content rules), every top-level block becomes a plain paragraph of its text.
 */
export function fitToSchema(doc: DocNode, schema: Schema): FitResult {
  let changed = 0
  const marksOf = (node: DocNode) => {
    if (!node.marks) return undefined
    const kept = node.marks.filter(mark => schema.marks[mark.type])
    changed += node.marks.length - kept.length
    return kept.length ? kept : undefined
  }
  const fitChildren = (children: DocNode[] | undefined, inline: boolean): DocNode[] | undefined => {
    if (!children) return undefined
    const out: DocNode[] = []
    for (const child of children) for (const node of fit(child, inline)) out.push(node)
    return out
  }
  const fit = (node: DocNode, inline: boolean): DocNode[] => {
    if (node.type === 'text') {
      const marks = marksOf(node)
      return node.text ? [{ type: 'text', text: node.text, ...(marks ? { marks } : {}) }] : []
    }
    const type = schema.nodes[node.type]
    if (type) {
      const content = fitChildren(node.content, type.inlineContent)
      const marks = marksOf(node)
      return [{ ...node, ...(content ? { content } : {}), ...(marks ? { marks } : {}) }]
    }
    changed++
    if (inline) {
      const text = nodeText(node)
      return text ? [{ type: 'text', text }] : []
    }
    const children = node.content ?? []
    if (children.length > 0 && children.every(child => child.type === 'text' || schema.nodes[child.type]?.isInline)) {
      return [{ type: 'paragraph', content: fitChildren(children, true) }]
    }
    if (children.length === 0) {
      const text = nodeText(node) || (typeof node.text === 'string' ? node.text : '')
      return text ? [{ type: 'paragraph', content: [{ type: 'text', text }] }] : []
    }
    return fitChildren(children, false) ?? []
  }
  const fitted: DocNode = { type: 'doc', content: fitChildren(doc.content, false) ?? [] }
  if (!fitted.content!.length) fitted.content = [{ type: 'paragraph' }]
  try {
    schema.nodeFromJSON(fitted).check()
    return { doc: fitted, changed }
  } catch {
    const content = (doc.content ?? []).map(block => {
      const text = nodeText(block)
      return text ? { type: 'paragraph', content: [{ type: 'text', text }] } : { type: 'paragraph' }
    })
    return {
      doc: { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] },
      changed: Math.max(changed, 1),
    }
  }
}
