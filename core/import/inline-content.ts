import { MarkType, NodeType, textNode, type DocNode } from '../document-model'
import type { ImportBlock } from './import-block'

/** Characters an inline node contributes to `nodeText()` (a line break counts as one, `\n`). */
function inlineLength(node: DocNode): number {
  if (node.type === NodeType.text) return node.text?.length ?? 0
  if (node.type === NodeType.hardBreak) return 1
  return 0
}

const bold = [{ type: MarkType.bold }]

/** The block's text as inline nodes with the marks the source had (its own `inline`, else `bold`/`boldPrefix`). */
export function blockInline(block: ImportBlock): DocNode[] {
  if (block.inline) return block.inline
  const text = block.text
  if (block.bold) return [textNode(text, bold)]
  if (block.boldPrefix && block.boldPrefix > 0 && block.boldPrefix < text.length)
    return [textNode(text.slice(0, block.boldPrefix), bold), textNode(text.slice(block.boldPrefix))]
  return text ? [textNode(text)] : []
}

/** The inline nodes covering `[from, to)` of their text (offsets as in `nodeText`), marks kept. */
export function sliceInline(nodes: readonly DocNode[], from: number, to = Infinity): DocNode[] {
  const out: DocNode[] = []
  let position = 0
  for (const node of nodes) {
    const length = inlineLength(node)
    const start = position
    position += length
    if (length === 0) {
      if (start >= from && start < to) out.push(node)
      continue
    }
    if (position <= from || start >= to) continue
    if (node.type !== NodeType.text) {
      out.push(node)
      continue
    }
    const text = (node.text ?? '').slice(Math.max(0, from - start), Math.min(length, to - start))
    if (text) out.push({ ...node, text })
  }
  return out
}

/** The nodes without marks of `type` (a heading's own style replaces the bold its source line had). */
export function withoutMark(nodes: readonly DocNode[], type: string): DocNode[] {
  return nodes.map(node => {
    if (!node.marks?.some(mark => mark.type === type)) return node
    const marks = node.marks.filter(mark => mark.type !== type)
    const next: DocNode = { ...node }
    if (marks.length) next.marks = marks
    else delete next.marks
    return next
  })
}

/** Adjacent text nodes with the same marks joined (what the editor would make of them). */
export function mergeInline(nodes: readonly DocNode[]): DocNode[] {
  const out: DocNode[] = []
  for (const node of nodes) {
    const last = out[out.length - 1]
    if (
      last?.type === NodeType.text &&
      node.type === NodeType.text &&
      JSON.stringify(last.marks ?? []) === JSON.stringify(node.marks ?? [])
    )
      out[out.length - 1] = { ...last, text: (last.text ?? '') + (node.text ?? '') }
    else out.push(node)
  }
  return out
}
