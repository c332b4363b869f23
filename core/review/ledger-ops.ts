import type { CommentThread, Disposition, ReviewLedger } from './review-data'

/** Pure edits of the review ledger (the editor keeps the ledger undoable beside the document). */

export function addThread(ledger: ReviewLedger, thread: CommentThread): ReviewLedger {
  return { ...ledger, comments: [...ledger.comments.filter(each => each.id !== thread.id), thread] }
}

export function updateThread(
  ledger: ReviewLedger,
  id: string,
  change: (thread: CommentThread) => CommentThread,
): ReviewLedger {
  return { ...ledger, comments: ledger.comments.map(thread => (thread.id === id ? change(thread) : thread)) }
}

export function removeThread(ledger: ReviewLedger, id: string): ReviewLedger {
  const dispositions = { ...ledger.dispositions }
  delete dispositions[id]
  return { ...ledger, comments: ledger.comments.filter(thread => thread.id !== id), dispositions }
}

/** Sets (or with null clears) the disposition and note of any item. */
export function setDisposition(
  ledger: ReviewLedger,
  id: string,
  disposition: Disposition | null,
  note: string,
): ReviewLedger {
  const dispositions = { ...ledger.dispositions }
  if (disposition) dispositions[id] = { disposition, note }
  else delete dispositions[id]
  return { ...ledger, dispositions }
}

export function settleUnanchored(ledger: ReviewLedger, id: string, settled: boolean): ReviewLedger {
  return { ...ledger, unanchored: ledger.unanchored.map(item => (item.id === id ? { ...item, settled } : item)) }
}
