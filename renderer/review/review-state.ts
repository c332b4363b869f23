import type { Editor } from '@tiptap/core'
import { closeHistory } from '@tiptap/pm/history'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import type { DocNode } from '../../core/document-model'
import type { ReportFile } from '../../core/report-file'
import {
  emptyLedger,
  ledgerOf,
  type ReviewData,
  type ReviewLedger,
  type ReviewRound,
  type SentVersion,
} from '../../core/review/review-data'
import { docJson } from '../editor/doc-json'
import { REVIEW_ATTR, ROUND_ATTR } from '../editor/extensions/review-doc-attrs'
import { SUGGESTION_SKIP } from '../editor/extensions/suggestion'

/** What the editor keeps beside the ledger: the round and the versions sent (not undoable). */
export interface RoundData {
  round: ReviewRound
  sentVersions: SentVersion[]
}

export function ledgerFromState(state: EditorState): ReviewLedger {
  return (state.doc.attrs[REVIEW_ATTR] as ReviewLedger | null) ?? emptyLedger()
}

export function roundFromState(state: EditorState): RoundData {
  return (state.doc.attrs[ROUND_ATTR] as RoundData | null) ?? { round: { sends: [], returns: [] }, sentVersions: [] }
}

/** Binding (extension-points.ts): review data goes into the document's attrs on open and back into `review` on read. */
export const reviewBinding = {
  open(doc: DocNode, report: ReportFile): DocNode {
    const round: RoundData = { round: report.review.round, sentVersions: report.review.sentVersions }
    return { ...doc, attrs: { ...(doc.attrs ?? {}), [REVIEW_ATTR]: ledgerOf(report.review), [ROUND_ATTR]: round } }
  },
  read(report: ReportFile): ReportFile {
    const attrs = report.doc.attrs
    if (!attrs || !(REVIEW_ATTR in attrs || ROUND_ATTR in attrs)) return report
    const rest = { ...attrs }
    const ledger = (rest[REVIEW_ATTR] as ReviewLedger | null) ?? emptyLedger()
    const round = (rest[ROUND_ATTR] as RoundData | null) ?? { round: { sends: [], returns: [] }, sentVersions: [] }
    delete rest[REVIEW_ATTR]
    delete rest[ROUND_ATTR]
    const doc: DocNode = { ...report.doc }
    if (Object.keys(rest).length) doc.attrs = rest
    else delete doc.attrs
    const review: ReviewData = { ...ledger, round: round.round, sentVersions: round.sentVersions }
    return { ...report, doc, review }
  },
}

/** Sets the ledger in a transaction, which becomes its own undo step (not merged with typing just before). */
export function setLedger(tr: Transaction, ledger: ReviewLedger): Transaction {
  return closeHistory(tr).setDocAttribute(REVIEW_ATTR, ledger)
}

/** Changes the ledger as one undo step. */
export function updateLedger(editor: Editor, change: (ledger: ReviewLedger) => ReviewLedger): void {
  const tr = setLedger(editor.state.tr, change(ledgerFromState(editor.state))).setMeta(SUGGESTION_SKIP, true)
  editor.view.dispatch(tr)
}

/** Records round data (a send): not an undo step, so undoing edits never forgets a copy that went out. */
export function updateRound(editor: Editor, change: (round: RoundData) => RoundData): void {
  const tr = editor.state.tr
    .setDocAttribute(ROUND_ATTR, change(roundFromState(editor.state)))
    .setMeta('addToHistory', false)
    .setMeta(SUGGESTION_SKIP, true)
  editor.view.dispatch(tr)
}

/**
 * Shows a report changed in core (accepting, rejecting, merging feedback) in the editor as ONE transaction:
 * only the top-level blocks that differ are replaced (core keeps the objects of blocks it did not touch), and
 * the review data is set beside them. Undo takes the whole change back.
 */
export function applyReportChange(editor: Editor, next: ReportFile): boolean {
  const { state } = editor
  const current = docJson(state.doc).content ?? []
  const wanted = next.doc.content ?? []
  let start = 0
  while (start < current.length && start < wanted.length && sameBlock(current[start]!, wanted[start]!)) start++
  let endCurrent = current.length
  let endWanted = wanted.length
  while (endCurrent > start && endWanted > start && sameBlock(current[endCurrent - 1]!, wanted[endWanted - 1]!)) {
    endCurrent--
    endWanted--
  }
  const tr = state.tr.setMeta(SUGGESTION_SKIP, true)
  if (start < endCurrent || start < endWanted) {
    let from = 0
    for (let index = 0; index < start; index++) from += state.doc.child(index).nodeSize
    let to = from
    for (let index = start; index < endCurrent; index++) to += state.doc.child(index).nodeSize
    try {
      tr.replaceWith(
        from,
        to,
        wanted.slice(start, endWanted).map(node => state.schema.nodeFromJSON(node)),
      )
    } catch {
      return false
    }
  }
  setLedger(tr, ledgerOf(next.review))
  const round = roundFromState(state)
  if (round.round !== next.review.round || round.sentVersions !== next.review.sentVersions)
    tr.setDocAttribute(ROUND_ATTR, {
      round: next.review.round,
      sentVersions: next.review.sentVersions,
    } satisfies RoundData)
  editor.view.dispatch(tr.scrollIntoView())
  return true
}

function sameBlock(a: DocNode, b: DocNode): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}
