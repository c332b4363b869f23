import type { DocNode } from '../../document-model'
import type { ReportFile } from '../../report-file'
import { collectReviewMarks } from '../collect-review-marks'
import { finalView, resolveSuggestions } from '../resolve-suggestions'
import type { CommentReply, CommentThread, ReviewData, RoundReturn, SentVersion, UnanchoredItem } from '../review-data'
import { newReviewId } from '../suggestion-attrs'
import { applyEdits, type UnplacedChange } from './apply-edits'
import type { Byline, CopyComment, FeedbackCopy } from './feedback-copy'
import { hasTrackedChanges } from './feedback-copy'
import {
  commentStretches,
  originalParagraphs,
  trackedEdits,
  untrackedEdits,
  type ComparedParagraph,
} from './paragraph-edits'
import { originalView, projectDocument } from './printed-paragraphs'

export interface MergeOptions {
  /** Unit or person a copy is attributed to, by file name (what the user typed; wins over everything else). */
  attributeTo?: Record<string, string>
  /** ISO time of the merge. */
  now: string
  newId?: (prefix: 'c' | 's') => string
}

export interface CopyOutcome {
  file: string
  /** The name its untracked edits (and anonymous comments and changes) are attributed to. */
  from: string
  tracked: boolean
  /** What an untracked edit was compared with. */
  comparedWith: 'sent' | 'current'
  comments: number
  replies: number
  insertions: number
  deletions: number
  unanchored: number
  /** zh-CN remarks (e.g. the sent version was missing, or the copy had been merged already). */
  notes: string[]
  skipped: boolean
}

export interface MergeResult {
  report: ReportFile
  copies: CopyOutcome[]
}

/** Author names that say nothing about who wrote (anonymous Word, WPS and LibreOffice users). */
const ANONYMOUS =
  /^(?:unknown author|author|user|administrator|admin|microsoft office user|微软用户|作者不详|未知作者|用户|作者|lenovo|dell|hp)?$/i

const OUR_CREATOR = '工作报告编写器'

function fileStem(file: string): string {
  return file.replace(/\.[^.]+$/, '')
}

/** Paragraphs of a version as printed, in the form a copy is compared with. */
function compared(doc: DocNode, report: ReportFile): ComparedParagraph[] {
  return projectDocument(doc, report.meta.numbering, originalView).paragraphs.map(paragraph => ({
    text: paragraph.text,
    headingLevel: paragraph.headingLevel,
    inTable: paragraph.inTable,
  }))
}

/**
 * Merges returned 征求意见稿 copies into the report (pure). For each copy: edits made without tracking are
 * found by comparing it with the version that was sent (else with the report as it is, with a note), tracked
 * changes and comments are read with their authors and dates; everything is placed in the current text as
 * suggestions and comments with the copy's file name as source, and what cannot be placed is listed in
 * review.unanchored. Our own markup coming back in a copy is recognised and not added twice; replies to our
 * comments join their threads. Each copy is recorded in the round.
 */
export function mergeFeedback(report: ReportFile, copies: FeedbackCopy[], options: MergeOptions): MergeResult {
  const newId = options.newId ?? newReviewId
  let doc = report.doc
  const review: ReviewData = {
    ...report.review,
    comments: [...report.review.comments],
    unanchored: [...report.review.unanchored],
    round: { ...report.review.round, returns: [...report.review.round.returns] },
  }
  const outcomes: CopyOutcome[] = []
  const usedSources = new Set(review.round.returns.map(entry => entry.file))
  const seenDigests = new Set(review.round.returns.map(entry => entry.digest).filter(Boolean))

  for (const copy of copies) {
    const send = copy.sendId ? review.round.sends.find(each => each.id === copy.sendId) : undefined
    const named = options.attributeTo?.[copy.file]?.trim() ?? ''
    const people = [copy.lastModifiedBy, copy.creator].filter(
      name => name && name !== OUR_CREATOR && !ANONYMOUS.test(name),
    )
    const from = named || send?.to || people[0] || fileStem(copy.file)
    const outcome: CopyOutcome = {
      file: copy.file,
      from,
      tracked: hasTrackedChanges(copy),
      comparedWith: 'sent',
      comments: 0,
      replies: 0,
      insertions: 0,
      deletions: 0,
      unanchored: 0,
      notes: [],
      skipped: false,
    }
    outcomes.push(outcome)
    const digest = copy.digest ?? null
    if (digest && seenDigests.has(digest)) {
      outcome.skipped = true
      outcome.notes.push(`“${copy.file}”与已合并过的一份反馈稿内容相同，没有再次合并。`)
      continue
    }
    if (digest) seenDigests.add(digest)
    let source = copy.file
    for (let counter = 2; usedSources.has(source); counter++) source = `${copy.file}（${counter}）`
    usedSources.add(source)
    const attribution: Byline = { author: from, date: options.now }
    const byOf = (byline: Byline): Byline => ({
      author: byline.author && !ANONYMOUS.test(byline.author) ? byline.author : from,
      date: byline.date,
    })

    // 1. Edits made without tracking: the copy as it read before its tracked changes against the version sent.
    const sentVersion = pickSentVersion(review.sentVersions, send?.version)
    const sentMarkup = send?.markup ?? review.round.sends[review.round.sends.length - 1]?.markup ?? false
    let baseline: DocNode
    if (sentVersion)
      baseline = sentMarkup ? resolveSuggestions(sentVersion.doc, () => 'reject') : finalView(sentVersion.doc)
    else {
      outcome.comparedWith = 'current'
      outcome.notes.push(
        `报告中没有保存发出的征求意见稿，“${copy.file}”中未标记修订的改动是与报告当前的文字比较得出的；报告发出后改过的地方也会显示为改动，请逐条核对。`,
      )
      baseline = resolveSuggestions(doc, () => 'reject')
    }
    const groups = originalParagraphs(copy)
    const untracked = untrackedEdits(
      compared(baseline, report),
      groups.map(group => ({ text: group.text, headingLevel: group.headingLevel, inTable: group.inTable })),
      attribution,
    )
    const first = applyEdits(doc, untracked, {
      scheme: report.meta.numbering,
      source,
      newId: () => newId('s'),
      commentId: id => id,
    })
    doc = first.doc
    count(outcome, first.suggestions)

    // 2. Tracked changes and comments (our own markup coming back is skipped).
    const ours = knownChanges(doc, review)
    const threads = threadComments(copy.comments, commentStretches(groups))
    const existing = new Map<string, CommentThread>()
    for (const root of threads.roots) {
      const match = review.comments.find(
        thread => thread.text === root.text && thread.author === root.author && sameInstant(thread.date, root.date),
      )
      if (match) existing.set(root.id, match)
    }
    const threadIds = new Map<string, string>()
    const idFor = (copyId: string): string => {
      const root = threads.rootOf.get(copyId) ?? copyId
      const known = existing.get(root)
      if (known) return known.id
      let id = threadIds.get(root)
      if (!id) {
        id = newId('c')
        threadIds.set(root, id)
      }
      return id
    }
    const edits = trackedEdits(
      copy,
      groups,
      run =>
        ours.has(`${run.kind}|${run.author}|${run.date}|${run.text}`) ||
        ours.has(`${run.kind}|${run.author}|${run.date}|*`),
    )
    for (const edit of edits)
      edit.comments = edit.comments.filter(comment => !existing.has(threads.rootOf.get(comment.id) ?? comment.id))
    for (const edit of edits)
      for (const segment of edit.segments) if (segment.kind !== 'keep') segment.by = byOf(segment.by)
    const second = applyEdits(doc, edits, {
      scheme: report.meta.numbering,
      source,
      newId: () => newId('s'),
      commentId: idFor,
    })
    doc = second.doc
    count(outcome, second.suggestions)

    // 3. Comment threads: new ones, and replies to ours.
    const unplacedComments = new Map<string, UnplacedChange>()
    for (const item of second.unplaced)
      if (item.kind === 'comment' && item.commentId)
        unplacedComments.set(threads.rootOf.get(item.commentId) ?? item.commentId, item)
    const anchors = new Map(collectReviewMarks(doc).comments.map(anchor => [anchor.id, anchor.text]))
    for (const root of threads.roots) {
      const replies: CommentReply[] = (threads.replies.get(root.id) ?? []).map(reply => ({
        id: newId('c'),
        author: byOf(reply).author,
        date: reply.date,
        text: reply.text,
      }))
      const known = existing.get(root.id)
      if (known) {
        const added = replies.filter(
          reply => !known.replies.some(each => each.text === reply.text && each.author === reply.author),
        )
        if (added.length) {
          review.comments = review.comments.map(thread =>
            thread.id === known.id ? { ...thread, replies: [...thread.replies, ...added] } : thread,
          )
          outcome.replies += added.length
        }
        continue
      }
      const by = byOf(root)
      if (
        second.placedComments.has(root.id) ||
        [...threads.rootOf].some(([child, parent]) => parent === root.id && second.placedComments.has(child))
      ) {
        review.comments.push({
          id: idFor(root.id),
          author: by.author,
          date: root.date,
          text: root.text,
          replies,
          resolved: root.done,
          source,
          quote: anchors.get(idFor(root.id)) ?? '',
        })
        outcome.comments++
        outcome.replies += replies.length
      } else {
        const where = unplacedComments.get(root.id)
        review.unanchored.push({
          id: idFor(root.id),
          kind: 'comment',
          author: by.author,
          date: root.date,
          source,
          text: root.text,
          quote: where?.quote ?? '',
          reason: where?.reason ?? '反馈稿中这条批注没有标出所批的文字',
          replies,
          settled: false,
        })
        outcome.unanchored++
      }
    }
    for (const item of [...first.unplaced, ...second.unplaced]) {
      if (item.kind === 'comment') continue
      review.unanchored.push(unanchoredOf(item, source, byOf(item.by), newId('s')))
      outcome.unanchored++
    }

    const entry: RoundReturn = {
      file: source,
      from: named || send?.to || '',
      attributedTo: from,
      at: options.now,
      sendId: send?.id ?? null,
      tracked: outcome.tracked,
      comments: outcome.comments,
      insertions: outcome.insertions,
      deletions: outcome.deletions,
      unanchored: outcome.unanchored,
      ...(digest ? { digest } : {}),
    }
    review.round.returns.push(entry)
  }
  return { report: { ...report, doc, review }, copies: outcomes }
}

/**
 * Who a copy's untracked edits are attributed to when the user names nobody: the recipient it was sent to, else
 * the person who last saved it, else its author, else the file name.
 */
export function defaultAttribution(copy: FeedbackCopy, review: ReviewData): string {
  const send = copy.sendId ? review.round.sends.find(each => each.id === copy.sendId) : undefined
  const people = [copy.lastModifiedBy, copy.creator].filter(
    name => name && name !== OUR_CREATOR && !ANONYMOUS.test(name),
  )
  return send?.to || people[0] || fileStem(copy.file)
}

function count(outcome: CopyOutcome, suggestions: Array<{ kind: 'insertion' | 'deletion' }>): void {
  for (const suggestion of suggestions) {
    if (suggestion.kind === 'insertion') outcome.insertions++
    else outcome.deletions++
  }
}

function pickSentVersion(versions: SentVersion[], id: string | undefined): SentVersion | undefined {
  if (id) {
    const exact = versions.find(version => version.id === id)
    if (exact) return exact
  }
  return versions[versions.length - 1]
}

/** Dates written by different programs differ in precision and zone suffix: compare to the second. */
function sameInstant(a: string, b: string): boolean {
  if (a === b) return true
  const left = Date.parse(a)
  const right = Date.parse(b)
  if (Number.isNaN(left) || Number.isNaN(right)) return a.slice(0, 19) === b.slice(0, 19)
  return Math.abs(left - right) < 1000 || a.slice(0, 19) === b.slice(0, 19)
}

/**
 * Keys of changes the report already has (pending, or decided since): a tracked change in a copy with the same
 * kind, author, date and text is our markup coming back, not a new suggestion. (One that is in neither — made
 * before the copy went out and since undone — comes back as the copy's.)
 */
function knownChanges(doc: DocNode, review: ReviewData): Set<string> {
  const keys = new Set<string>()
  const add = (kind: 'insertion' | 'deletion', author: string, date: string, text: string) => {
    const short = kind === 'insertion' ? 'ins' : 'del'
    for (const stamp of dateForms(date)) {
      keys.add(`${short}|${author}|${stamp}|*`)
      for (const piece of text.split('\n')) if (piece) keys.add(`${short}|${author}|${stamp}|${piece}`)
    }
  }
  for (const suggestion of collectReviewMarks(doc).suggestions)
    if (!suggestion.source) add(suggestion.kind, suggestion.author, suggestion.date, suggestion.text)
  for (const decided of review.decided)
    if (!decided.source) add(decided.kind, decided.author, decided.date, decided.text)
  return keys
}

/** The forms a date may come back in (LibreOffice drops the zone and fractions). */
function dateForms(date: string): string[] {
  const forms = new Set([date])
  const time = Date.parse(date)
  if (!Number.isNaN(time)) {
    const iso = new Date(time).toISOString()
    forms.add(iso)
    forms.add(iso.replace(/\.\d{3}Z$/, 'Z'))
    forms.add(iso.replace(/\.\d{3}Z$/, ''))
  }
  forms.add(date.replace(/(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?$/, ''))
  forms.add(date.replace(/(?:\.\d+)?(?:Z|[+-]\d\d:\d\d)?$/, 'Z'))
  return [...forms]
}

interface Threads {
  roots: CopyComment[]
  replies: Map<string, CopyComment[]>
  /** Copy comment id → id of its thread's first comment. */
  rootOf: Map<string, string>
}

/**
 * Comments of a copy as threads: replies by commentsExtended's paraIdParent; a comment the file gives no thread
 * data for (LibreOffice) that sits on exactly the stretch of an earlier one is read as a reply to it.
 */
function threadComments(comments: CopyComment[], stretches: Map<string, string>): Threads {
  const byPara = new Map(comments.filter(each => each.paraId).map(each => [each.paraId!, each]))
  const firstOnStretch = new Map<string, CopyComment>()
  const ordered = [...comments].sort((a, b) => (a.date && b.date ? a.date.localeCompare(b.date) : 0))
  const inferredParent = new Map<CopyComment, CopyComment>()
  for (const comment of ordered) {
    const stretch = stretches.get(comment.id)
    if (!stretch || comment.extended) continue
    const earlier = firstOnStretch.get(stretch)
    if (earlier) inferredParent.set(comment, earlier)
    else firstOnStretch.set(stretch, comment)
  }
  const rootOf = new Map<string, string>()
  const find = (comment: CopyComment, depth = 0): CopyComment => {
    const parent = comment.parentParaId ? byPara.get(comment.parentParaId) : inferredParent.get(comment)
    return parent && parent !== comment && depth < 20 ? find(parent, depth + 1) : comment
  }
  const roots: CopyComment[] = []
  const replies = new Map<string, CopyComment[]>()
  for (const comment of ordered) {
    const root = find(comment)
    rootOf.set(comment.id, root.id)
    if (root === comment) roots.push(comment)
    else replies.set(root.id, [...(replies.get(root.id) ?? []), comment])
  }
  return { roots, replies, rootOf }
}

function unanchoredOf(item: UnplacedChange, source: string, by: Byline, id: string): UnanchoredItem {
  return {
    id,
    kind: item.kind,
    author: by.author,
    date: by.date,
    source,
    text: item.text,
    quote: item.quote,
    reason: item.reason,
    replies: [],
    settled: false,
  }
}
