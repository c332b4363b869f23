import { MarkType, PARAGRAPH_MARK_ATTR, type DocNode } from '../../document-model'
import { isTextblock } from '../../checks/collect-blocks'
import { commentIdsOf, paragraphMarkOf, suggestionsOfMarks, type SuggestionRef } from '../suggestion-attrs'

/**
 * Review markup carried through the DOCX builder as text: each text node with a suggestion or comment becomes
 * `OPEN index SEP text CLOSE` (private-use characters the builder passes through unchanged), a block's
 * suggested end becomes `END index CLOSE` at its end; `markup-xml.ts` turns them into Word's w:ins / w:del /
 * comment ranges and paragraph-mark revisions in the built document.xml. The builder needs to know nothing.
 */
export const OPEN = '\uF8F0'
export const SEP = '\uF8F1'
export const CLOSE = '\uF8F2'
export const END = '\uF8F3'

export interface MarkedSegment {
  insertion: SuggestionRef | null
  /** The first deletion (Word keeps one deleter per run). */
  deletion: SuggestionRef | null
  comments: string[]
}

export interface EncodedMarkup {
  doc: DocNode
  segments: MarkedSegment[]
  /** Suggested ends of paragraphs, by index. */
  ends: SuggestionRef[]
}

function encodeTextblock(block: DocNode, out: EncodedMarkup): DocNode {
  let changed = false
  const content = (block.content ?? []).map(node => {
    if (node.type !== 'text' || !node.text) return node
    const refs = suggestionsOfMarks(node.marks)
    const comments = commentIdsOf(node.marks)
    if (refs.length === 0 && comments.length === 0) return node
    changed = true
    const index =
      out.segments.push({
        insertion: refs.find(ref => ref.kind === 'insertion') ?? null,
        deletion: refs.find(ref => ref.kind === 'deletion') ?? null,
        comments,
      }) - 1
    const marks = node.marks?.filter(
      mark => mark.type !== MarkType.comment && mark.type !== MarkType.insertion && mark.type !== MarkType.deletion,
    )
    const text = `${OPEN}${index}${SEP}${node.text}${CLOSE}`
    return marks && marks.length ? { ...node, text, marks } : { type: 'text', text }
  })
  const end = paragraphMarkOf(block)
  if (end) {
    changed = true
    const index = out.ends.push(end) - 1
    content.push({ type: 'text', text: `${END}${index}${CLOSE}` })
  }
  if (!changed) return block
  const attrs = { ...(block.attrs ?? {}) }
  delete attrs[PARAGRAPH_MARK_ATTR]
  const encoded: DocNode = { ...block, content }
  if (Object.keys(attrs).length) encoded.attrs = attrs
  else delete encoded.attrs
  return encoded
}

/** The document with its review marks encoded as text for the builder (see above). */
export function encodeMarkup(doc: DocNode): EncodedMarkup {
  const out: EncodedMarkup = { doc, segments: [], ends: [] }
  const walk = (node: DocNode): DocNode => {
    if (isTextblock(node)) return encodeTextblock(node, out)
    if (!node.content) return node
    let changed = false
    const content = node.content.map(child => {
      const next = walk(child)
      if (next !== child) changed = true
      return next
    })
    return changed ? { ...node, content } : node
  }
  out.doc = walk(doc)
  return out
}
