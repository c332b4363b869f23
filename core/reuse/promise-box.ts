import { NodeType, type DocNode, type PromiseAttrs } from '../document-model'

/** The promise a heading carries (roll-forward), or null; anything malformed counts as none. */
export function promiseOf(node: DocNode): PromiseAttrs | null {
  if (node.type !== NodeType.heading) return null
  const value = node.attrs?.promise as Partial<PromiseAttrs> | null | undefined
  if (!value || typeof value !== 'object' || typeof value.text !== 'string' || !value.text) return null
  return { year: Number(value.year) || 0, text: value.text, done: value.done === true }
}

/** `2023年报告承诺：“……”`: how the box and the checks quote a promise. */
export function promiseQuote(promise: PromiseAttrs): string {
  return `${promise.year ? `${promise.year}年报告` : '去年报告'}承诺：“${promise.text}”`
}
