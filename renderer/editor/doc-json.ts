import type { Node as PmNode } from '@tiptap/pm/model'
import { PARAGRAPH_MARK_ATTR, type DocNode } from '../../core/document-model'

/**
 * ProseMirror nodes are immutable and an edit keeps the node object of every block it did not touch,
 * so a block's JSON is kept beside it: the recovery snapshot, the checks and saving serialise only
 * the blocks that changed since the last time, not the whole report (≈10 ms for 100 pages).
 * The JSON is shared between calls: consumers must not mutate it (core/ functions are pure).
 */
const blockJson = new WeakMap<PmNode, DocNode>()

/** The same value as `editor.getJSON()` (ProseMirror's `doc.toJSON()`). */
export function docJson(doc: PmNode): DocNode {
  const json: DocNode = { type: doc.type.name }
  if (Object.keys(doc.attrs).length) json.attrs = doc.attrs
  if (doc.childCount) {
    const content: DocNode[] = []
    doc.forEach(block => {
      let cached = blockJson.get(block)
      if (!cached) {
        cached = withoutEmptyParagraphMarks(block.toJSON() as DocNode)
        blockJson.set(block, cached)
      }
      content.push(cached)
    })
    json.content = content
  }
  return json
}

/**
 * A block's JSON without `paragraphMark: null` (the review extension's attr on every paragraph and heading), so
 * a report without suggestions is saved as it was before the attr existed.
 */
function withoutEmptyParagraphMarks(node: DocNode): DocNode {
  let out = node
  if (node.attrs && PARAGRAPH_MARK_ATTR in node.attrs && node.attrs[PARAGRAPH_MARK_ATTR] == null) {
    const attrs = { ...node.attrs }
    delete attrs[PARAGRAPH_MARK_ATTR]
    out = { ...node, attrs }
    if (Object.keys(attrs).length === 0) delete out.attrs
  }
  if (out.content) {
    const content = out.content.map(withoutEmptyParagraphMarks)
    if (content.some((child, index) => child !== out.content![index])) out = { ...out, content }
  }
  return out
}
