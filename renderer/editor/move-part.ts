import type { Editor } from '@tiptap/core'
import { closeHistory } from '@tiptap/pm/history'
import { posOfTopIndex } from './doc-positions'

/**
 * Moves the top-level range [start, end) (a whole part: heading and everything up to the next part)
 * so that it lands before top-level index `before`. One transaction, so one undo step; the numbering
 * decorations recount from the new order.
 */
export function movePart(editor: Editor, start: number, end: number, before: number): boolean {
  if (before >= start && before <= end) return false
  const { state } = editor
  const from = posOfTopIndex(state.doc, start)
  const to = posOfTopIndex(state.doc, end)
  const target = posOfTopIndex(state.doc, before)
  const slice = state.doc.slice(from, to)
  const tr = state.tr.delete(from, to)
  tr.insert(tr.mapping.map(target), slice.content)
  editor.view.dispatch(closeHistory(tr).scrollIntoView())
  return true
}

/** Deletes the top-level range [start, end) (a whole part) in one transaction. */
export function deletePart(editor: Editor, start: number, end: number): boolean {
  const { state } = editor
  const from = posOfTopIndex(state.doc, start)
  const to = posOfTopIndex(state.doc, end)
  if (to <= from) return false
  editor.view.dispatch(closeHistory(state.tr.delete(from, to)).scrollIntoView())
  return true
}
