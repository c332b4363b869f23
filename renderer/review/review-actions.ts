import type { Editor } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'
import { MarkType, PARAGRAPH_MARK_ATTR } from '../../core/document-model'
import { applyDecisions, decideReview, type ReviewSelector } from '../../core/review/decide-review'
import type { ReviewConflict } from '../../core/review/find-conflicts'
import { addThread, removeThread, updateThread } from '../../core/review/ledger-ops'
import type { Resolution } from '../../core/review/resolve-suggestions'
import { newReviewId } from '../../core/review/suggestion-attrs'
import type { EditorContext } from '../app/extension-points'
import { commentRanges } from '../editor/extensions/comment'
import { SUGGESTION_SKIP } from '../editor/extensions/suggestion'
import { applyReportChange, ledgerFromState, setLedger } from './review-state'
import type { ReviewStore } from './review-store'

const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')

/** Opens a new comment on the selection (asking for the reviewer's name first when needed). */
export function startComment(editor: Editor, store: ReviewStore): boolean {
  const { from, to, empty } = editor.state.selection
  if (empty) return false
  store.withAuthor(() => {
    const quote = editor.state.doc.textBetween(from, to, '\n')
    store.set({ draft: { from, to, quote }, activeId: null })
  })
  return true
}

/** Anchors the draft comment and records its thread, as one undo step. */
export function submitComment(editor: Editor, store: ReviewStore, text: string): string | null {
  const { draft, author } = store.get()
  if (!draft || !text.trim()) return null
  const id = newReviewId('c')
  const { state } = editor
  const from = Math.min(draft.from, state.doc.content.size)
  const to = Math.min(draft.to, state.doc.content.size)
  if (to <= from) return null
  const tr = state.tr
    .addMark(from, to, state.schema.marks[MarkType.comment]!.create({ id }))
    .setMeta(SUGGESTION_SKIP, true)
  setLedger(
    tr,
    addThread(ledgerFromState(state), {
      id,
      author,
      date: now(),
      text: text.trim(),
      replies: [],
      resolved: false,
      source: null,
      quote: draft.quote,
    }),
  )
  editor.view.dispatch(tr)
  store.set({ draft: null, activeId: id })
  return id
}

function changeLedger(editor: Editor, change: Parameters<typeof updateThread>[2], id: string): void {
  const tr = setLedger(editor.state.tr, updateThread(ledgerFromState(editor.state), id, change)).setMeta(
    SUGGESTION_SKIP,
    true,
  )
  editor.view.dispatch(tr)
}

export function replyToComment(editor: Editor, store: ReviewStore, id: string, text: string): void {
  if (!text.trim()) return
  store.withAuthor(() =>
    changeLedger(
      editor,
      thread => ({
        ...thread,
        replies: [
          ...thread.replies,
          { id: newReviewId('c'), author: store.get().author, date: now(), text: text.trim() },
        ],
      }),
      id,
    ),
  )
}

export function setCommentResolved(editor: Editor, id: string, resolved: boolean): void {
  changeLedger(editor, thread => ({ ...thread, resolved }), id)
}

/** Deletes a comment thread and its anchors, as one undo step. */
export function deleteComment(editor: Editor, id: string): void {
  const { state } = editor
  const tr = state.tr.setMeta(SUGGESTION_SKIP, true)
  const type = state.schema.marks[MarkType.comment]!
  for (const range of commentRanges(state.doc, id)) tr.removeMark(range.from, range.to, type.create({ id }))
  setLedger(tr, removeThread(ledgerFromState(state), id))
  editor.view.dispatch(tr)
}

/** Accepts or rejects suggestions (one, an author's, all) as one undo step. Returns how many were decided. */
export function decide(context: EditorContext, selector: ReviewSelector, action: Resolution): number {
  const outcome = decideReview(context.report(), selector, action, now())
  if (outcome.decided.length === 0 && outcome.settled.length === 0) return 0
  applyReportChange(context.editor, outcome.report)
  return outcome.decided.length + outcome.settled.length
}

/** Takes one source's version of a conflicting sentence: its suggestions accepted, the others' rejected. */
export function takeVersion(context: EditorContext, conflict: ReviewConflict, source: string): void {
  const decisions = new Map<string, Resolution>()
  for (const version of conflict.versions)
    for (const id of version.ids) decisions.set(id, version.source === source ? 'accept' : 'reject')
  const outcome = applyDecisions(context.report(), decisions, now())
  if (outcome.decided.length) applyReportChange(context.editor, outcome.report)
}

/** Ids of the suggestions at the cursor (or touching the selection), including a paragraph end right there. */
export function suggestionsAtSelection(editor: Editor): string[] {
  const { state } = editor
  const { from, to, $from } = state.selection
  const ids = new Set<string>()
  const collect = (marks: readonly { type: { name: string }; attrs: Record<string, unknown> }[]) => {
    for (const mark of marks)
      if (mark.type.name === MarkType.insertion || mark.type.name === MarkType.deletion) ids.add(String(mark.attrs.id))
  }
  if (from === to) {
    collect($from.marks())
    if ($from.nodeBefore) collect($from.nodeBefore.marks)
    if ($from.nodeAfter) collect($from.nodeAfter.marks)
    const block = $from.parent
    const mark = block.attrs[PARAGRAPH_MARK_ATTR] as { id?: string } | null
    if (mark?.id && $from.parentOffset === block.content.size) ids.add(mark.id)
  } else {
    state.doc.nodesBetween(from, to, node => {
      if (node.isInline) collect(node.marks)
      const mark = node.attrs[PARAGRAPH_MARK_ATTR] as { id?: string } | null
      if (mark?.id) ids.add(mark.id)
      return true
    })
  }
  return [...ids]
}

export interface ReviewTarget {
  id: string
  kind: 'comment' | 'insertion' | 'deletion'
  from: number
  to: number
}

/** Every comment and suggestion stretch in document order (the first stretch of each). */
export function reviewTargets(editor: Editor, includeResolved: boolean): ReviewTarget[] {
  const resolved = new Set(
    ledgerFromState(editor.state)
      .comments.filter(thread => thread.resolved)
      .map(thread => thread.id),
  )
  const seen = new Map<string, ReviewTarget>()
  editor.state.doc.descendants((node, pos) => {
    if (node.isTextblock) {
      const mark = node.attrs[PARAGRAPH_MARK_ATTR] as { id?: string; kind?: string } | null
      const end = pos + node.nodeSize - 1
      if (mark?.id && !seen.has(mark.id))
        seen.set(mark.id, {
          id: mark.id,
          kind: mark.kind === 'insertion' ? 'insertion' : 'deletion',
          from: end,
          to: end,
        })
      return true
    }
    if (!node.isInline) return true
    for (const mark of node.marks) {
      const name = mark.type.name
      if (name !== MarkType.comment && name !== MarkType.insertion && name !== MarkType.deletion) continue
      const id = String(mark.attrs.id)
      if (name === MarkType.comment && !includeResolved && resolved.has(id)) continue
      const existing = seen.get(id)
      if (existing && existing.to === pos) existing.to = pos + node.nodeSize
      else if (!existing) seen.set(id, { id, kind: name as ReviewTarget['kind'], from: pos, to: pos + node.nodeSize })
    }
    return false
  })
  return [...seen.values()].sort((a, b) => a.from - b.from)
}

/** Moves to the next (or previous) comment or suggestion after the cursor, selecting it. */
export function jumpToNext(editor: Editor, store: ReviewStore, direction: 1 | -1): boolean {
  const targets = reviewTargets(editor, store.get().showResolved)
  if (targets.length === 0) return false
  const { from } = editor.state.selection
  const target =
    direction === 1
      ? (targets.find(each => each.from > from) ?? targets[0]!)
      : ([...targets].reverse().find(each => each.from < from) ?? targets[targets.length - 1]!)
  selectTarget(editor, target)
  store.set({ activeId: target.id })
  return true
}

export function selectTarget(editor: Editor, target: { from: number; to: number; id?: string }): void {
  const { state, view } = editor
  const to = Math.min(target.to, state.doc.content.size)
  view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, Math.min(target.from, to), to)).scrollIntoView())
  editor.commands.setActiveComment(target.id ?? null)
  view.focus()
}
