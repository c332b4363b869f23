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

/** Each block's JSON text, kept like its JSON: an edit re-serialises only the blocks it changed. */
const blockText = new WeakMap<PmNode, string>()

/**
 * `JSON.stringify(docJson(doc))`, from the blocks' kept texts (the recovery snapshot: ≈ 1.3 MB at 400 pages).
 * `fields` replace the document's own fields other than its content (the report's doc after its bindings took
 * their data out of the attrs: review data is written once, in `review`).
 */
export function docJsonText(doc: PmNode, fields?: Omit<DocNode, 'content'>): string {
  const json = docJson(doc)
  const { content, ...own } = json
  const rest = fields ?? own
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
export function reportJsonText(report: { doc?: DocNode | null }, doc: PmNode): string {
  const fields = report.doc ? withoutContent(report.doc) : undefined
  return JSON.stringify({ ...report, doc: docSlot }).replace(JSON.stringify(docSlot), () => docJsonText(doc, fields))
}

function withoutContent(node: DocNode): Omit<DocNode, 'content'> {
  const fields = { ...node }
  delete fields.content
  return fields
}
