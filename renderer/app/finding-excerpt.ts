import type { Node as PmNode } from '@tiptap/pm/model'
import type { FindingLocation } from '../../core/checks/finding'
import { posOfPath } from '../editor/doc-positions'

/** The flagged characters with a little text either side, so that forty identical messages can be told apart. */
export interface FindingExcerpt {
  before: string
  match: string
  after: string
}

const RADIUS = 10

/** Text of `location` in `doc` (offsets as core's nodeText: hardBreak = "\n"; a footnote's text), or null when it has no range or is stale. */
export function findingExcerpt(doc: PmNode, location: FindingLocation): FindingExcerpt | null {
  if (location.from === undefined || location.to === undefined) return null
  const pos = posOfPath(doc, location.path)
  const block = pos === null ? null : doc.nodeAt(pos)
  if (!block) return null
  // a footnote's findings are in its text (the node's `text` attribute)
  const note = block.type.name === 'footnote'
  if (!note && !block.isTextblock) return null
  const text = note
    ? String(block.attrs.text ?? '')
    : block.textBetween(0, block.content.size, undefined, leaf => (leaf.type.name === 'hardBreak' ? '\n' : ''))
  if (location.to > text.length || location.from > location.to) return null
  const start = Math.max(0, location.from - RADIUS)
  const end = Math.min(text.length, location.to + RADIUS)
  const flat = (value: string) => value.replace(/\n/g, ' ')
  return {
    before: (start > 0 ? '…' : '') + flat(text.slice(start, location.from)),
    match: text.slice(location.from, location.to),
    after: flat(text.slice(location.to, end)) + (end < text.length ? '…' : ''),
  }
}
