import type { Node as PmNode } from '@tiptap/pm/model'
import type { DocNode } from '../../core/document-model'

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
        cached = block.toJSON() as DocNode
        blockJson.set(block, cached)
      }
      content.push(cached)
    })
    json.content = content
  }
  return json
}
