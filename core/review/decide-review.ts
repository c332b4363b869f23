import type { ReportFile } from '../report-file'
import { collectReviewMarks, type PendingSuggestion } from './collect-review-marks'
import type { DecidedSuggestion, Disposition, ReviewData } from './review-data'
import { partTitles } from './review-entries'
import { resolveSuggestions, type Resolution } from './resolve-suggestions'

/** Which items a decision applies to: one id, every pending suggestion of an author, or every pending suggestion. */
export type ReviewSelector = { id: string } | { author: string } | { all: true } | { ids: readonly string[] }

export interface DecideOutcome {
  report: ReportFile
  /** Suggestions accepted or rejected. */
  decided: DecidedSuggestion[]
  /** Comments or unplaced items settled by id (accept: 采纳, reject: 未采纳). */
  settled: string[]
}

function matches(selector: ReviewSelector, suggestion: PendingSuggestion): boolean {
  if ('all' in selector) return true
  if ('id' in selector) return suggestion.id === selector.id
  if ('ids' in selector) return selector.ids.includes(suggestion.id)
  return suggestion.author === selector.author
}

/**
 * Accepts or rejects suggestions (pure): the document changes, each one is recorded in `review.decided`
 * with its part, sentence and text, and gets the disposition 采纳 or 未采纳 unless one was already given.
 * An id naming a comment resolves it (a rejected one is 未采纳); an id naming an unplaced item settles it.
 */
export function decideReview(
  report: ReportFile,
  selector: ReviewSelector,
  action: Resolution,
  now: string,
): DecideOutcome {
  const chosen = collectReviewMarks(report.doc).suggestions.filter(suggestion => matches(selector, suggestion))
  const outcome = applyDecisions(report, new Map(chosen.map(suggestion => [suggestion.id, action])), now)
  if (!('id' in selector) || chosen.length > 0) return outcome
  const id = selector.id
  const disposition: Disposition = action === 'accept' ? '采纳' : '未采纳'
  const review: ReviewData = { ...outcome.report.review, dispositions: { ...outcome.report.review.dispositions } }
  if (review.comments.some(thread => thread.id === id)) {
    review.comments = review.comments.map(thread => (thread.id === id ? { ...thread, resolved: true } : thread))
    review.dispositions[id] ??= { disposition, note: '' }
  } else if (review.unanchored.some(item => item.id === id)) {
    review.unanchored = review.unanchored.map(item => (item.id === id ? { ...item, settled: true } : item))
    review.dispositions[id] = { disposition, note: review.dispositions[id]?.note ?? '' }
  } else return outcome
  return { ...outcome, report: { ...outcome.report, review }, settled: [id] }
}

/** Accepts or rejects each pending suggestion named in `decisions` at once (one change of the document). */
export function applyDecisions(
  report: ReportFile,
  decisions: ReadonlyMap<string, Resolution>,
  now: string,
): DecideOutcome {
  const chosen = collectReviewMarks(report.doc).suggestions.filter(suggestion => decisions.has(suggestion.id))
  if (chosen.length === 0) return { report, decided: [], settled: [] }
  const review: ReviewData = { ...report.review, dispositions: { ...report.review.dispositions } }
  const partOf = partTitles(report)
  const doc = resolveSuggestions(report.doc, ref => decisions.get(ref.id) ?? null)
  const decided: DecidedSuggestion[] = chosen.map(suggestion => {
    const action = decisions.get(suggestion.id)!
    review.dispositions[suggestion.id] ??= { disposition: action === 'accept' ? '采纳' : '未采纳', note: '' }
    return {
      id: suggestion.id,
      kind: suggestion.kind,
      author: suggestion.author,
      date: suggestion.date,
      source: suggestion.source,
      text: suggestion.text,
      quote: suggestion.quote,
      part: partOf(suggestion.topIndex),
      status: action === 'accept' ? 'accepted' : 'rejected',
      decidedAt: now,
    }
  })
  const ids = new Set(decided.map(entry => entry.id))
  review.decided = [...review.decided.filter(entry => !ids.has(entry.id)), ...decided]
  return { report: { ...report, doc, review }, decided, settled: [] }
}
