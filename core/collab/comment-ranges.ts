import { MarkType, type DocNode } from '../document-model'

/**
 * Where a `.wrs` comment mark sits in one text root of a shared report, counted in characters of the root's text
 * (text nodes only, in reading order). The shared schema has no comment mark; carried by these offsets a file's
 * comments become anchors in the shared fragment (`wrs share`) and marks again in a pulled file (`wrs pull`).
 */
export interface CommentRange {
  id: string
  from: number
  to: number
}

function walkText(blocks: readonly DocNode[], visit: (node: DocNode, offset: number) => void): number {
  let offset = 0
  const walk = (node: DocNode) => {
    if (typeof node.text === 'string') {
      visit(node, offset)
      offset += node.text.length
    }
    node.content?.forEach(walk)
  }
  blocks.forEach(walk)
  return offset
}

/** The character range each comment id covers in `blocks` (from its first to its last marked character). */
export function commentRanges(blocks: readonly DocNode[]): CommentRange[] {
  const ranges = new Map<string, CommentRange>()
  walkText(blocks, (node, offset) => {
    for (const mark of node.marks ?? []) {
      const id = mark.type === MarkType.comment ? mark.attrs?.id : undefined
      if (typeof id !== 'string' || !id) continue
      const end = offset + node.text!.length
      const range = ranges.get(id)
      if (range) range.to = end
      else ranges.set(id, { id, from: offset, to: end })
    }
  })
  return [...ranges.values()]
}

/** `blocks` with a comment mark on each range's characters (text nodes split where a range starts or ends). */
export function markCommentRanges(blocks: readonly DocNode[], ranges: readonly CommentRange[]): DocNode[] {
  const usable = ranges.filter(range => range.to > range.from)
  if (!usable.length) return [...blocks]
  let offset = 0
  const mapNode = (node: DocNode): DocNode[] => {
    if (typeof node.text === 'string') {
      const start = offset
      const end = start + node.text.length
      offset = end
      const cuts = new Set([start, end])
      for (const range of usable) {
        if (range.from > start && range.from < end) cuts.add(range.from)
        if (range.to > start && range.to < end) cuts.add(range.to)
      }
      const points = [...cuts].sort((a, b) => a - b)
      const pieces: DocNode[] = []
      for (let index = 0; index + 1 < points.length; index++) {
        const from = points[index]!
        const to = points[index + 1]!
        const ids = usable.filter(range => range.from <= from && range.to >= to).map(range => range.id)
        const marks = [...(node.marks ?? []), ...ids.map(id => ({ type: MarkType.comment, attrs: { id } }))]
        pieces.push({ ...node, text: node.text.slice(from - start, to - start), ...(marks.length ? { marks } : {}) })
      }
      return pieces
    }
    return node.content ? [{ ...node, content: node.content.flatMap(mapNode) }] : [node]
  }
  return blocks.flatMap(mapNode)
}
