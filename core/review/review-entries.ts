import { levelOneParts } from '../checks/structure/part-label'
import type { ReportFile } from '../report-file'
import { analyzeStructure } from '../structure/analyze-structure'
import { getBuiltinTemplate, templateForKind } from '../templates/builtin-templates'
import { collectReviewMarks, type MarkedRange } from './collect-review-marks'
import type { CommentReply, Disposition, ReviewKind } from './review-data'

export type ReviewStatus = 'pending' | 'accepted' | 'rejected' | 'resolved'

/** One comment or suggestion of the round, wherever it is: in the text, decided, or not placed. */
export interface ReviewEntry {
  id: string
  /** File name of the returned copy; '' for items made in the editor. */
  source: string
  author: string
  date: string
  kind: ReviewKind
  /** Title of the part it is in ('' when it is not in the text). */
  part: string
  /** Comment: the text it is anchored on; suggestion: the sentence it is in, before the change. */
  quote: string
  /** Comment: what it says; suggestion: the inserted or deleted text (`\n` = a paragraph mark). */
  text: string
  status: ReviewStatus
  disposition: Disposition | null
  note: string
  replies: CommentReply[]
  /** Where it is in the document now (its first stretch); absent when not in the text. */
  location?: MarkedRange
  /** Why it could not be placed in the report (items of returned copies only). */
  unanchoredReason?: string
}

/** `wrs review list --json`: exactly these keys. */
export interface ReviewListItem {
  id: string
  source: string
  author: string
  kind: ReviewKind
  part: string
  quote: string
  text: string
  status: ReviewStatus
}

/** A function giving the title of the level-1 part that holds a top-level index. */
export function partTitles(report: ReportFile): (topIndex: number) => string {
  const template = getBuiltinTemplate(report.meta.templateId) ?? templateForKind(report.meta.kind)
  const parts = levelOneParts(analyzeStructure(report, template))
  return topIndex => {
    const part = parts.find(candidate => topIndex >= candidate.index && topIndex < candidate.end)
    if (part) return part.untitled ? '结束语' : part.title
    return parts.length === 0 || topIndex < parts[0]!.index ? '报告开头' : ''
  }
}

/** Every item of the review round in document order, then decided suggestions, then items not placed. */
export function reviewEntries(report: ReportFile): ReviewEntry[] {
  const review = report.review
  const marks = collectReviewMarks(report.doc)
  const partOf = partTitles(report)
  const dispositionOf = (id: string) => review.dispositions[id]
  // Sort key: group (0 in the text, 1 comments whose text is gone, 2 decided, 3 not placed), then place.
  const entries: Array<ReviewEntry & { order: number[] }> = []
  const orderOf = (range: MarkedRange | undefined, topIndex: number): number[] =>
    range ? [0, ...range.path, range.from] : [0, topIndex]

  for (const suggestion of marks.suggestions) {
    const record = dispositionOf(suggestion.id)
    const location =
      suggestion.ranges[0] ??
      (suggestion.paragraphMarks[0] ? { path: suggestion.paragraphMarks[0], from: 0, to: 0 } : undefined)
    entries.push({
      id: suggestion.id,
      source: suggestion.source ?? '',
      author: suggestion.author,
      date: suggestion.date,
      kind: suggestion.kind,
      part: partOf(suggestion.topIndex),
      quote: suggestion.quote,
      text: suggestion.text,
      status: 'pending',
      disposition: record?.disposition ?? null,
      note: record?.note ?? '',
      replies: [],
      ...(location ? { location } : {}),
      order: orderOf(location, suggestion.topIndex),
    })
  }

  const anchors = new Map(marks.comments.map(anchor => [anchor.id, anchor]))
  review.comments.forEach((thread, index) => {
    const anchor = anchors.get(thread.id)
    const record = dispositionOf(thread.id)
    const location = anchor?.ranges[0]
    entries.push({
      id: thread.id,
      source: thread.source ?? '',
      author: thread.author,
      date: thread.date,
      kind: 'comment',
      part: anchor ? partOf(anchor.topIndex) : '',
      quote: anchor?.text || thread.quote,
      text: thread.text,
      status: thread.resolved ? 'resolved' : 'pending',
      disposition: record?.disposition ?? null,
      note: record?.note ?? '',
      replies: thread.replies,
      ...(location ? { location } : {}),
      ...(anchor ? {} : { unanchoredReason: '批注所在的文字已删除' }),
      order: anchor ? orderOf(location, anchor.topIndex) : [1, index, 0],
    })
  })

  review.decided.forEach((decided, index) => {
    const record = dispositionOf(decided.id)
    entries.push({
      id: decided.id,
      source: decided.source ?? '',
      author: decided.author,
      date: decided.date,
      kind: decided.kind,
      part: decided.part,
      quote: decided.quote,
      text: decided.text,
      status: decided.status,
      disposition: record?.disposition ?? (decided.status === 'accepted' ? '采纳' : '未采纳'),
      note: record?.note ?? '',
      replies: [],
      order: [2, index],
    })
  })

  review.unanchored.forEach((item, index) => {
    const record = dispositionOf(item.id)
    const status: ReviewStatus = record
      ? record.disposition === '未采纳'
        ? 'rejected'
        : item.kind === 'comment'
          ? 'resolved'
          : 'accepted'
      : item.settled
        ? 'resolved'
        : 'pending'
    entries.push({
      id: item.id,
      source: item.source ?? '',
      author: item.author,
      date: item.date,
      kind: item.kind,
      part: '',
      quote: item.quote,
      text: item.text,
      status,
      disposition: record?.disposition ?? null,
      note: record?.note ?? '',
      replies: item.replies,
      unanchoredReason: item.reason,
      order: [3, index],
    })
  })

  entries.sort((a, b) => compareOrder(a.order, b.order))
  return entries.map(({ order: _order, ...entry }) => entry)
}

function compareOrder(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < Math.min(a.length, b.length); index++) {
    if (a[index] !== b[index]) return a[index]! - b[index]!
  }
  return a.length - b.length
}

export function reviewListItem(entry: ReviewEntry): ReviewListItem {
  return {
    id: entry.id,
    source: entry.source,
    author: entry.author,
    kind: entry.kind,
    part: entry.part,
    quote: entry.quote,
    text: entry.text,
    status: entry.status,
  }
}
