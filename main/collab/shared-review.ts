import * as Y from 'yjs'
import { commentRanges, markCommentRanges, type CommentRange } from '../../core/collab/comment-ranges'
import {
  CollabRoot,
  commentsRootName,
  decidedRootName,
  parseCommentsRoot,
  partRootName,
} from '../../core/collab/report-roots'
import {
  foldThreads,
  decidedEntrySchema,
  type AuthorEntries,
  type CommentAnchor,
  type CommentEntry,
  type DecidedEntry,
} from '../../core/collab/shared-comments'
import { splitReportDoc, type ReportSections } from '../../core/collab/split-report'
import type { ReportFile } from '../../core/report-file'
import type { CommentThread, DecidedSuggestion } from '../../core/review/review-data'
import type { Template } from '../../core/templates/template-schema'

/**
 * A `.wrs` file's review (issue 14) in a shared report and back (docs/COLLABORATION.md, "Sharing a file with its
 * review"). `wrs share` seeds the comments maps and `decided` records when the server creates the report — the only
 * moment anyone writes maps in other members' names, done by the server for the owner who shares; `wrs pull` writes
 * the shared threads back as comment marks and `review.comments`, so a pulled file alone shows them and the export
 * gate sees the unresolved ones.
 */

/** Text roots in reading order, with the blocks each holds. */
function textRoots(sections: ReportSections, partIds: readonly string[]): Array<[string, ReportSections['front']]> {
  return [
    [CollabRoot.front, sections.front],
    ...sections.parts.map((blocks, index): [string, ReportSections['front']] => [
      partRootName(partIds[index]!),
      blocks,
    ]),
    [CollabRoot.closing, sections.closing],
  ]
}

/** Every Y.XmlText of a fragment in reading order with the count of characters before it. */
function textRuns(fragment: Y.XmlFragment): Array<{ text: Y.XmlText; start: number }> {
  const runs: Array<{ text: Y.XmlText; start: number }> = []
  let offset = 0
  const walk = (type: Y.XmlFragment | Y.XmlElement) => {
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlText) {
        runs.push({ text: child, start: offset })
        offset += child.length
      } else if (child instanceof Y.XmlElement) walk(child)
    }
  }
  walk(fragment)
  return runs
}

function relativeAt(runs: ReturnType<typeof textRuns>, offset: number, end: boolean): unknown {
  const run = runs.find(({ text, start }) =>
    end ? offset > start && offset <= start + text.length : offset >= start && offset < start + text.length,
  )
  return run ? Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(run.text, offset - run.start)) : null
}

function clip(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text
}

/**
 * Writes `report.review`'s comment threads (with replies and resolved state) and decided suggestions into a shared
 * report just written from it (`partIds` as `writeReportToYDoc` gave them). `authorKey` names the comments map of a
 * person (a member's own map when he is one); `sharer` signs the resolutions and decisions the file recorded.
 */
export function seedReview(
  ydoc: Y.Doc,
  report: ReportFile,
  template: Template | undefined,
  partIds: readonly string[],
  authorKey: (name: string) => string,
  sharer: string,
): void {
  const { comments, decided } = report.review
  if (!comments.length && !decided.length) return
  // The file's own blocks (comment marks still on them), cut the way the shared report was.
  const raw = splitReportDoc(report.doc, template)
  const where = new Map<string, { target: string; range: CommentRange }>()
  if (raw.parts.length === partIds.length) {
    for (const [target, blocks] of textRoots(raw, partIds)) {
      for (const range of commentRanges(blocks)) where.set(range.id, { target, range })
    }
  }
  const titles = new Map(
    raw.parts.map((blocks, index) => [blocks[0]?.content?.map(node => node.text ?? '').join('') ?? '', index]),
  )
  const now = new Date().toISOString()
  ydoc.transact(() => {
    for (const thread of comments) {
      const place = where.get(thread.id)
      const target = place?.target ?? CollabRoot.front
      let anchor: CommentAnchor | null = null
      if (place) {
        const runs = textRuns(ydoc.getXmlFragment(target))
        const from = relativeAt(runs, place.range.from, false)
        const to = relativeAt(runs, place.range.to, true)
        if (from && to) anchor = { from, to }
      }
      const entry: CommentEntry = {
        kind: 'comment',
        text: clip(thread.text || '（空批注）', 5000),
        date: clip(thread.date || now, 40),
        quote: clip(thread.quote, 1000),
        anchor,
      }
      ydoc.getMap<unknown>(commentsRootName(target, authorKey(thread.author || '（未署名）'))).set(thread.id, entry)
      for (const reply of thread.replies) {
        const answer: CommentEntry = {
          kind: 'reply',
          thread: thread.id,
          text: clip(reply.text || '（空回复）', 5000),
          date: clip(reply.date || now, 40),
        }
        ydoc.getMap<unknown>(commentsRootName(target, authorKey(reply.author || '（未署名）'))).set(reply.id, answer)
      }
      if (thread.resolved) {
        const record: DecidedEntry = { kind: 'resolve', thread: thread.id, resolved: true, by: sharer, date: now }
        ydoc.getArray<unknown>(decidedRootName(target)).push([record])
      }
    }
    for (const suggestion of decided) {
      const index = titles.get(suggestion.part)
      const target = index !== undefined && partIds[index] ? partRootName(partIds[index]) : CollabRoot.front
      const record: DecidedEntry = {
        kind: 'suggestion',
        id: suggestion.id,
        type: suggestion.kind,
        author: clip(suggestion.author, 100),
        date: clip(suggestion.date, 40),
        text: clip(suggestion.text, 5000),
        status: suggestion.status,
        by: clip(sharer, 100),
        decidedAt: clip(suggestion.decidedAt || now, 40),
      }
      ydoc.getArray<unknown>(decidedRootName(target)).push([record])
    }
  })
}

/** The character offset a stored relative position points at in `runs`, or null when it is not in them. */
function offsetOf(ydoc: Y.Doc, runs: ReturnType<typeof textRuns>, json: unknown): number | null {
  try {
    const absolute = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(json), ydoc)
    const run = absolute && runs.find(({ text }) => text === absolute.type)
    return run ? run.start + absolute!.index : null
  } catch {
    return null
  }
}

/**
 * The shared report's comments and decided suggestions as a `.wrs` review: `sections` (as read from `ydoc`) with
 * comment marks where the threads are anchored, and the threads and records.
 */
export function readReview(
  ydoc: Y.Doc,
  sections: ReportSections,
  partIds: readonly string[],
  titles: ReadonlyMap<string, string>,
): { sections: ReportSections; comments: CommentThread[]; decided: DecidedSuggestion[] } {
  const comments: CommentThread[] = []
  const decided: DecidedSuggestion[] = []
  const marked = textRoots(sections, partIds).map(([target, blocks]) => {
    const authors: AuthorEntries[] = []
    for (const name of [...ydoc.share.keys()]) {
      const root = parseCommentsRoot(name)
      if (root?.target !== target) continue
      authors.push({ author: root.author, key: root.key, entries: [...ydoc.getMap<unknown>(name).entries()] })
    }
    const records = ydoc.share.has(decidedRootName(target))
      ? ydoc.getArray<unknown>(decidedRootName(target)).toArray()
      : []
    const threads = foldThreads(authors, records)
    const runs = ydoc.share.has(target) ? textRuns(ydoc.getXmlFragment(target)) : []
    const ranges: CommentRange[] = []
    for (const thread of threads) {
      comments.push({
        id: thread.id,
        author: thread.author,
        date: thread.date,
        text: thread.text,
        replies: thread.replies.map(({ id, author, date, text }) => ({ id, author, date, text })),
        resolved: thread.resolved,
        source: null,
        quote: thread.quote,
      })
      if (!thread.anchor) continue
      const from = offsetOf(ydoc, runs, thread.anchor.from)
      const to = offsetOf(ydoc, runs, thread.anchor.to)
      if (from !== null && to !== null && to > from) ranges.push({ id: thread.id, from, to })
    }
    const partId = target.startsWith('part:') ? target.slice('part:'.length) : null
    for (const record of records) {
      const parsed = decidedEntrySchema.safeParse(record)
      if (!parsed.success || parsed.data.kind !== 'suggestion') continue
      const entry = parsed.data
      decided.push({
        id: entry.id,
        kind: entry.type,
        author: entry.author,
        date: entry.date,
        source: null,
        text: entry.text,
        quote: '',
        part: partId ? (titles.get(partId) ?? '') : '',
        status: entry.status,
        decidedAt: entry.decidedAt,
      })
    }
    return markCommentRanges(blocks, ranges)
  })
  return {
    sections: { front: marked[0]!, parts: marked.slice(1, -1), closing: marked[marked.length - 1]! },
    comments,
    decided,
  }
}
