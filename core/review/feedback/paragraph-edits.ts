import { diffArrays, diffChars } from 'diff'
import { textSimilarity } from '../../text-similarity'
import type { Byline, CopyParagraph, FeedbackCopy } from './feedback-copy'

/**
 * What a returned copy did to one paragraph as it was sent, in the copy's own terms. Kept and deleted text
 * concatenate to `original` (what is looked for in the current report); a split is an inserted paragraph mark
 * (the text before it ends a paragraph, a new one starts with the style given).
 */
export type Segment =
  | { kind: 'keep'; text: string }
  | { kind: 'ins' | 'del'; text: string; by: Byline }
  | { kind: 'split'; by: Byline; headingLevel: number }

/** A comment's stretch in this paragraph, as offsets in the markup text (every segment's text). */
export interface EditComment {
  id: string
  start: number
  end: number
}

export interface ParagraphEdit {
  original: string
  segments: Segment[]
  /** The paragraph's end is deleted (it is joined with the next one). */
  markDeleted: Byline | null
  comments: EditComment[]
  /** Index of the paragraph among the copy's paragraphs in their original form (to keep the order when anchoring). */
  order: number
  /** Heading level (0 = body text) of the first paragraph the edit makes; each split gives the level after it. */
  firstLevel: number
  inTable: boolean
}

export const hasChanges = (edit: ParagraphEdit): boolean =>
  edit.markDeleted !== null || edit.segments.some(segment => segment.kind !== 'keep')

export function segmentText(segment: Segment): string {
  return segment.kind === 'split' ? '' : segment.text
}

/** A copy paragraph group as it read before its tracked changes: paragraphs joined by inserted marks are one. */
export interface OriginalParagraph {
  text: string
  headingLevel: number
  inTable: boolean
  members: CopyParagraph[]
}

/** The copy's paragraphs in their original form (inserted paragraph marks undone). */
export function originalParagraphs(copy: FeedbackCopy): OriginalParagraph[] {
  const groups: OriginalParagraph[] = []
  let members: CopyParagraph[] = []
  for (const paragraph of copy.paragraphs) {
    members.push(paragraph)
    if (paragraph.mark?.kind === 'ins') continue
    groups.push(groupOf(members))
    members = []
  }
  if (members.length) groups.push(groupOf(members))
  return groups
}

function groupOf(members: CopyParagraph[]): OriginalParagraph {
  let text = ''
  for (const member of members) for (const run of member.runs) if (run.kind !== 'ins') text += run.text
  const main = members.find(member => member.runs.some(run => run.kind !== 'ins')) ?? members[0]!
  return { text, headingLevel: main.headingLevel, inTable: main.inTable, members }
}

/**
 * The copy's tracked changes and comment stretches as paragraph edits, one per original paragraph that has any.
 * `skipRun` drops a tracked change that is not the copy's own (our markup coming back): its insertion is left
 * out, its deletion read as kept text; a paragraph mark is asked about with the text `\n`.
 */
export function trackedEdits(
  copy: FeedbackCopy,
  groups: OriginalParagraph[],
  skipRun: (run: { kind: 'ins' | 'del'; text: string } & Byline) => boolean,
): ParagraphEdit[] {
  const ranges = commentRanges(groups)
  const edits: ParagraphEdit[] = []
  groups.forEach((group, order) => {
    const segments: Segment[] = []
    let markDeleted: Byline | null = null
    group.members.forEach((member, index) => {
      for (const run of member.runs) {
        if (run.kind === 'keep') segments.push({ kind: 'keep', text: run.text })
        else if (skipRun({ kind: run.kind, text: run.text, author: run.author, date: run.date })) {
          if (run.kind === 'del') segments.push({ kind: 'keep', text: run.text })
        } else segments.push({ kind: run.kind, text: run.text, by: { author: run.author, date: run.date } })
      }
      const last = index === group.members.length - 1
      const mark = member.mark
      const ours = mark !== null && skipRun({ kind: mark.kind, text: '\n', author: mark.author, date: mark.date })
      if (!last && mark && !ours)
        segments.push({
          kind: 'split',
          by: { author: mark.author, date: mark.date },
          headingLevel: group.members[index + 1]!.headingLevel,
        })
      if (last && mark?.kind === 'del' && !ours) markDeleted = { author: mark.author, date: mark.date }
    })
    const edit: ParagraphEdit = {
      original: group.text,
      segments: mergeSegments(segments),
      markDeleted,
      comments: ranges.get(order) ?? [],
      order,
      firstLevel: group.members[0]!.headingLevel,
      inTable: group.inTable,
    }
    if (hasChanges(edit) || edit.comments.length) edits.push(edit)
  })
  void copy
  return edits
}

/**
 * Where each comment of a copy is, as a string (the same string: the same stretch of text). LibreOffice keeps no
 * reply threads when it saves a DOCX: a reply comes back as another comment on exactly the same stretch.
 */
export function commentStretches(groups: OriginalParagraph[]): Map<string, string> {
  const stretches = new Map<string, string>()
  for (const [group, comments] of commentRanges(groups))
    for (const comment of comments)
      stretches.set(comment.id, `${stretches.get(comment.id) ?? ''}${group}:${comment.start}-${comment.end};`)
  return stretches
}

/** Comment stretches per original paragraph, in that paragraph's markup offsets (a comment over several paragraphs is cut). */
function commentRanges(groups: OriginalParagraph[]): Map<number, EditComment[]> {
  interface Point {
    group: number
    at: number
  }
  const starts = new Map<string, Point>()
  const ends = new Map<string, Point>()
  const refs = new Map<string, Point>()
  const lengths: number[] = []
  groups.forEach((group, index) => {
    let offset = 0
    for (const member of group.members) {
      for (const point of member.commentStarts)
        if (!starts.has(point.id)) starts.set(point.id, { group: index, at: offset + point.at })
      for (const point of member.commentEnds) ends.set(point.id, { group: index, at: offset + point.at })
      for (const point of member.commentRefs)
        if (!refs.has(point.id)) refs.set(point.id, { group: index, at: offset + point.at })
      offset += member.runs.reduce((sum, run) => sum + run.text.length, 0)
    }
    lengths.push(offset)
  })
  const out = new Map<number, EditComment[]>()
  const add = (group: number, comment: EditComment) => {
    const list = out.get(group) ?? []
    list.push(comment)
    out.set(group, list)
  }
  for (const id of new Set([...starts.keys(), ...refs.keys()])) {
    const start = starts.get(id) ?? refs.get(id)!
    let end = ends.get(id) ?? refs.get(id) ?? start
    if (end.group < start.group || (end.group === start.group && end.at < start.at)) end = start
    for (let group = start.group; group <= end.group; group++) {
      add(group, {
        id,
        start: group === start.group ? start.at : 0,
        end: group === end.group ? end.at : lengths[group]!,
      })
    }
  }
  return out
}

function mergeSegments(segments: Segment[]): Segment[] {
  const out: Segment[] = []
  for (const segment of segments) {
    const last = out[out.length - 1]
    if (last?.kind === 'keep' && segment.kind === 'keep') {
      last.text += segment.text
      continue
    }
    if (
      last &&
      (last.kind === 'ins' || last.kind === 'del') &&
      segment.kind === last.kind &&
      last.by.author === segment.by.author &&
      last.by.date === segment.by.date
    ) {
      last.text += segment.text
      continue
    }
    if (segment.kind === 'split' || segment.text) out.push({ ...segment })
  }
  return out
}

/** Paragraphs of the sent version or a copy, as the comparison of an untracked copy sees them. */
export interface ComparedParagraph {
  text: string
  headingLevel: number
  inTable: boolean
}

const SIMILAR_ENOUGH = 0.4

/**
 * A copy edited without tracking, compared with the version that was sent: paragraph by paragraph (equal
 * paragraphs align, changed ones pair by similarity, the rest were deleted or added), then character by
 * character inside each changed pair. The differences become edits attributed to `by`.
 */
export function untrackedEdits(sent: ComparedParagraph[], copy: ComparedParagraph[], by: Byline): ParagraphEdit[] {
  const edits: ParagraphEdit[] = []
  const changes = diffArrays(
    sent.map(paragraph => paragraph.text),
    copy.map(paragraph => paragraph.text),
  )
  let sentIndex = 0
  let copyIndex = 0
  const pending: { start: number; removed: number[]; added: number[] } = { start: 0, removed: [], added: [] }
  const flush = () => {
    pairUp(pending, sent, copy, by, edits)
    pending.removed = []
    pending.added = []
    pending.start = sentIndex
  }
  for (const change of changes) {
    if (change.removed) {
      for (let index = 0; index < change.count; index++) pending.removed.push(sentIndex++)
    } else if (change.added) {
      for (let index = 0; index < change.count; index++) pending.added.push(copyIndex++)
    } else {
      flush()
      sentIndex += change.count
      copyIndex += change.count
      pending.start = sentIndex
    }
  }
  flush()
  return edits.sort((a, b) => a.order - b.order)
}

/**
 * Pairs the removed and added paragraphs of one changed run in order by similarity; unpaired ones are whole
 * deletions or additions. `start` is the sent index where the run begins.
 */
function pairUp(
  run: { start: number; removed: number[]; added: number[] },
  sent: ComparedParagraph[],
  copy: ComparedParagraph[],
  by: Byline,
  edits: ParagraphEdit[],
): void {
  const { removed, added } = run
  if (removed.length === 0 && added.length === 0) return
  const pairs: Array<[number, number]> = []
  let from = 0
  for (const sentIndex of removed) {
    let best = -1
    let bestScore = SIMILAR_ENOUGH
    for (let index = from; index < added.length; index++) {
      const score = textSimilarity(sent[sentIndex]!.text, copy[added[index]!]!.text)
      if (score > bestScore) {
        bestScore = score
        best = index
      }
    }
    if (best >= 0) {
      pairs.push([sentIndex, added[best]!])
      from = best + 1
    }
  }
  const pairedSent = new Set(pairs.map(pair => pair[0]))
  const pairedCopy = new Set(pairs.map(pair => pair[1]))
  const changed = new Map<number, Segment[]>()
  for (const [sentIndex, copyIndex] of pairs) {
    changed.set(
      sentIndex,
      diffChars(sent[sentIndex]!.text, copy[copyIndex]!.text).map(change =>
        change.added
          ? { kind: 'ins', text: change.value, by }
          : change.removed
            ? { kind: 'del', text: change.value, by }
            : { kind: 'keep', text: change.value },
      ),
    )
  }
  const deleted = new Set(removed.filter(sentIndex => !pairedSent.has(sentIndex)))
  for (const sentIndex of deleted) changed.set(sentIndex, [{ kind: 'del', text: sent[sentIndex]!.text, by }])
  // Added paragraphs follow the sent paragraph before them: the last paired one before, else the one before the run.
  const additions = new Map<number, Segment[]>()
  let leading: Segment[] = []
  let leadingLevel = 0
  for (const copyIndex of added) {
    if (pairedCopy.has(copyIndex)) continue
    let before = run.start - 1
    for (const [sentIndex, pairedCopy] of pairs) if (pairedCopy < copyIndex) before = Math.max(before, sentIndex)
    const paragraph = copy[copyIndex]!
    const added: Segment[] = [
      { kind: 'split', by, headingLevel: paragraph.headingLevel },
      { kind: 'ins', text: paragraph.text, by },
    ]
    if (before >= 0) additions.set(before, [...(additions.get(before) ?? []), ...added])
    else {
      if (leading.length === 0) leadingLevel = paragraph.headingLevel
      else (leading[leading.length - 1] as Extract<Segment, { kind: 'split' }>).headingLevel = paragraph.headingLevel
      leading = [...leading, { kind: 'ins', text: paragraph.text, by }, { kind: 'split', by, headingLevel: 0 }]
    }
  }
  for (const [sentIndex, segments] of additions) {
    const base = changed.get(sentIndex) ?? [{ kind: 'keep', text: sent[sentIndex]!.text }]
    changed.set(sentIndex, [...base, ...segments])
  }
  let leadingTarget = -1
  if (leading.length) {
    // Paragraphs added before the first sent one: they go in front of the paragraph after the run.
    leadingTarget = Math.min(run.start + removed.length, sent.length - 1)
    if (leadingTarget >= 0) {
      const split = leading[leading.length - 1] as Extract<Segment, { kind: 'split' }>
      split.headingLevel = sent[leadingTarget]!.headingLevel
      const base = changed.get(leadingTarget) ?? [{ kind: 'keep', text: sent[leadingTarget]!.text }]
      changed.set(leadingTarget, [...leading, ...base])
    }
  }
  for (const [sentIndex, segments] of changed)
    edits.push(
      editOf(
        sent[sentIndex]!,
        sentIndex,
        segments,
        deleted.has(sentIndex) ? by : null,
        sentIndex === leadingTarget ? leadingLevel : sent[sentIndex]!.headingLevel,
      ),
    )
}

function editOf(
  paragraph: ComparedParagraph,
  order: number,
  segments: Segment[],
  markDeleted: Byline | null,
  firstLevel = paragraph.headingLevel,
): ParagraphEdit {
  return {
    original: paragraph.text,
    segments: mergeSegments(segments),
    markDeleted,
    comments: [],
    order,
    firstLevel,
    inTable: paragraph.inTable,
  }
}
