import { isTextblock } from '../checks/collect-blocks'
import { MarkType, PARAGRAPH_MARK_ATTR, type DocNode } from '../document-model'
import { explodeInline, implodeInline, type InlineUnit } from './inline-units'
import { paragraphMarkOf, suggestionsOfUnit, withParagraphMark, type SuggestionRef } from './suggestion-attrs'

export type Resolution = 'accept' | 'reject'

/** Decides one suggestion; null leaves it pending. */
export type ResolutionChooser = (ref: SuggestionRef) => Resolution | null

interface ResolvedBlock {
  node: DocNode
  /** Its end is to be joined with the next block (accepted deletion or rejected insertion of the paragraph mark). */
  join: boolean
}

function resolveTextblock(block: DocNode, choose: ResolutionChooser): ResolvedBlock {
  let changed = false
  let units: InlineUnit[] | undefined
  if (
    block.content?.some(node =>
      node.marks?.some(mark => mark.type === MarkType.insertion || mark.type === MarkType.deletion),
    )
  ) {
    units = []
    for (const unit of explodeInline(block.content)) {
      let keep = true
      let marks = unit.marks
      for (const ref of suggestionsOfUnit(unit)) {
        const action = choose(ref)
        if (!action) continue
        changed = true
        if ((ref.kind === 'insertion') !== (action === 'accept')) keep = false
        else marks = marks.filter(mark => !(mark.type === ref.kind && mark.attrs?.id === ref.id))
      }
      if (keep) units.push(marks === unit.marks ? unit : { ...unit, marks })
    }
  }
  let node = block
  if (changed && units) {
    const content = implodeInline(units)
    node = { ...block, content }
    if (content.length === 0) delete node.content
  }
  const mark = paragraphMarkOf(block)
  const action = mark ? choose(mark) : null
  if (!mark || !action) return { node, join: false }
  const join = (mark.kind === 'deletion') === (action === 'accept')
  return { node: withParagraphMark(node, null), join }
}

function isEmptyTextblock(node: DocNode): boolean {
  return !node.content || node.content.length === 0
}

/**
 * Joins `first` with the textblock after it, as Word does when a paragraph mark goes: a block that has
 * become empty gives way to the next one (a deleted paragraph disappears, the next keeps its style);
 * otherwise the first block's kind stays and the next one's text and end mark come in.
 */
function joinBlocks(first: DocNode, next: DocNode): DocNode {
  if (isEmptyTextblock(first)) return next
  const content = [...(first.content ?? []), ...(next.content ?? [])]
  const nextMark = next.attrs?.[PARAGRAPH_MARK_ATTR]
  const attrs = { ...(first.attrs ?? {}) }
  if (nextMark) attrs[PARAGRAPH_MARK_ATTR] = nextMark
  else delete attrs[PARAGRAPH_MARK_ATTR]
  const joined: DocNode = { ...first, attrs, content: implodeInline(explodeInline(content)) }
  if (Object.keys(attrs).length === 0) delete joined.attrs
  return joined
}

function resolveContainer(
  nodes: readonly DocNode[],
  choose: ResolutionChooser,
): { nodes: DocNode[]; changed: boolean } {
  let changed = false
  const resolved: ResolvedBlock[] = nodes.map(node => {
    if (isTextblock(node)) {
      const result = resolveTextblock(node, choose)
      if (result.node !== node || result.join) changed = true
      return result
    }
    if (node.content) {
      const inner = resolveContainer(node.content, choose)
      if (inner.changed) {
        changed = true
        return { node: { ...node, content: inner.nodes }, join: false }
      }
    }
    return { node, join: false }
  })
  if (!changed) return { nodes: nodes as DocNode[], changed }
  const out: DocNode[] = []
  for (let index = 0; index < resolved.length; index++) {
    let { node, join } = resolved[index]!
    let drop = false
    while (join) {
      const next = resolved[index + 1]
      if (next && isTextblock(next.node)) {
        node = joinBlocks(node, next.node)
        join = next.join
        index++
      } else {
        // Nothing to join with (last block, or a table or list follows): an emptied block goes, another stays.
        join = false
        drop = isEmptyTextblock(node) && (out.length > 0 || index + 1 < resolved.length)
      }
    }
    if (!drop) out.push(node)
  }
  return { nodes: out, changed }
}

/**
 * The document with the chosen suggestions accepted or rejected (pure). An accepted insertion keeps its text
 * without the mark, a rejected one goes; an accepted deletion removes its text, a rejected one keeps it.
 * Paragraph marks join or split blocks the same way. Blocks that hold no chosen suggestion keep their objects.
 */
export function resolveSuggestions(doc: DocNode, choose: ResolutionChooser): DocNode {
  const result = resolveContainer(doc.content ?? [], choose)
  if (!result.changed) return doc
  return { ...doc, content: result.nodes.length ? result.nodes : [{ type: 'paragraph' }] }
}

/** The document as it reads with every pending suggestion accepted and no comment anchors: what a clean export prints. */
export function finalView(doc: DocNode): DocNode {
  const accepted = resolveSuggestions(doc, () => 'accept')
  return stripMarks(accepted, MarkType.comment)
}

/** The document with every mark of `type` removed (blocks without one keep their objects). */
export function stripMarks(doc: DocNode, type: string): DocNode {
  const strip = (node: DocNode): DocNode => {
    if (node.type === 'text') {
      if (!node.marks?.some(mark => mark.type === type)) return node
      const marks = node.marks.filter(mark => mark.type !== type)
      const copy: DocNode = { ...node, marks }
      if (marks.length === 0) delete copy.marks
      return copy
    }
    if (!node.content) return node
    let changed = false
    const content = node.content.map(child => {
      const next = strip(child)
      if (next !== child) changed = true
      return next
    })
    if (!changed) return node
    return isTextblock(node) ? { ...node, content: implodeInline(explodeInline(content)) } : { ...node, content }
  }
  return strip(doc)
}
