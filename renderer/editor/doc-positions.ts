import type { Node as PmNode } from '@tiptap/pm/model'

/** Position just before the top-level child `index` (index = childCount gives the doc end). */
export function posOfTopIndex(doc: PmNode, index: number): number {
  let pos = 0
  const last = Math.min(index, doc.childCount)
  for (let child = 0; child < last; child++) pos += doc.child(child).nodeSize
  return pos
}

/** Position just before the node reached by child indices from the doc root, or null when the path is stale. */
export function posOfPath(doc: PmNode, path: readonly number[]): number | null {
  if (path.length === 0) return null
  let node = doc
  let pos = 0
  for (let depth = 0; depth < path.length; depth++) {
    const index = path[depth]!
    if (index < 0 || index >= node.childCount) return null
    if (depth > 0) pos += 1
    for (let child = 0; child < index; child++) pos += node.child(child).nodeSize
    node = node.child(index)
  }
  return pos
}

/**
 * Maps a text offset of core's `nodeText()` (text as is, hardBreak = one "\n", other inline atoms
 * nothing) inside the textblock at `blockPos` to a document position.
 */
export function textOffsetToPos(doc: PmNode, blockPos: number, offset: number): number {
  const block = doc.nodeAt(blockPos)
  if (!block) return blockPos
  let remaining = Math.max(0, offset)
  let pos = blockPos + 1
  for (let index = 0; index < block.childCount; index++) {
    const child = block.child(index)
    const length = child.isText ? child.text!.length : child.type.name === 'hardBreak' ? 1 : 0
    if (remaining <= length && (child.isText || remaining === 0)) return pos + remaining
    remaining -= length
    pos += child.nodeSize
  }
  return pos
}

export interface DocRange {
  from: number
  to: number
  /** The location is an atom (a guidance placeholder): select the node. */
  node: boolean
}

/** Document range of a finding location (block path + nodeText offsets); null when it points nowhere. */
export function locationToRange(
  doc: PmNode,
  location: { path: readonly number[]; from?: number; to?: number },
): DocRange | null {
  const pos = posOfPath(doc, location.path)
  if (pos === null) return null
  const node = doc.nodeAt(pos)
  if (!node) return null
  if (node.isAtom || !node.isTextblock) {
    return node.isAtom
      ? { from: pos, to: pos + node.nodeSize, node: true }
      : { from: pos + 1, to: pos + 1, node: false }
  }
  const from = textOffsetToPos(doc, pos, location.from ?? 0)
  const to = location.to === undefined ? from : textOffsetToPos(doc, pos, location.to)
  return { from, to: Math.max(from, to), node: false }
}
