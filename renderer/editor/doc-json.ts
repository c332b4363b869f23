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

/** Each block's JSON text, kept like its JSON: an edit re-serialises only the blocks it changed. */
const blockText = new WeakMap<PmNode, string>()

/** `JSON.stringify(docJson(doc))`, from the blocks' kept texts (the recovery snapshot: ≈ 1.3 MB at 400 pages). */
export function docJsonText(doc: PmNode): string {
  const json = docJson(doc)
  const { content, ...rest } = json
  if (!content) return JSON.stringify(json)
  const blocks: string[] = []
  let index = 0
  doc.forEach(block => {
    let text = blockText.get(block)
    if (text === undefined) {
      text = JSON.stringify(content[index])
      blockText.set(block, text)
    }
    blocks.push(text)
    index++
  })
  const head = JSON.stringify(rest)
  return `${head.slice(0, -1)}${head.length > 2 ? ',' : ''}"content":[${blocks.join(',')}]}`
}

const docSlot = '\u0000wrs-doc\u0000'

/** `JSON.stringify(report)` where `report.doc` is the editor's document, without serialising its unchanged blocks. */
export function reportJsonText(report: object, doc: PmNode): string {
  return JSON.stringify({ ...report, doc: docSlot }).replace(JSON.stringify(docSlot), () => docJsonText(doc))
}
