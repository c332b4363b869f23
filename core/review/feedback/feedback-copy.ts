/**
 * A returned 征求意见稿 copy as read from its WordprocessingML: body paragraphs (tables included) with their
 * runs in order, tracked changes and comment boundaries. Plain data, so main can read the file and the
 * renderer or the CLI can merge it.
 */
export interface Byline {
  author: string
  /** As written in the file (ISO date-time), or ''. */
  date: string
}

export interface CopyRun extends Byline {
  /** keep: text as it stands; ins/del: a tracked insertion or deletion (moves count as ins/del). */
  kind: 'keep' | 'ins' | 'del'
  text: string
}

export interface CommentPoint {
  id: string
  /** Offset in the paragraph's markup text (every run's text, insertions and deletions alike). */
  at: number
}

export interface CopyParagraph {
  runs: CopyRun[]
  /** The paragraph mark is a tracked insertion (split from the next) or deletion (joined with it). */
  mark: (Byline & { kind: 'ins' | 'del' }) | null
  /** Heading level from the paragraph style (Heading 1–4, 标题 1–4), 0 for body text. */
  headingLevel: number
  inTable: boolean
  commentStarts: CommentPoint[]
  commentEnds: CommentPoint[]
  /** Comment references (a comment without a range is anchored here). */
  commentRefs: CommentPoint[]
}

export interface CopyComment extends Byline {
  id: string
  text: string
  /** w14:paraId of its last paragraph (threads in commentsExtended.xml refer to it). */
  paraId: string | null
  /** paraId of the comment it answers (a reply), from commentsExtended.xml. */
  parentParaId: string | null
  done: boolean
  /** commentsExtended.xml has an entry for it (Word writes one for every comment; LibreOffice only for resolved ones). */
  extended: boolean
}

export interface FeedbackCopy {
  /** File name (no folder): the `source` of everything it brings. */
  file: string
  /** dc:creator and cp:lastModifiedBy of docProps/core.xml. */
  creator: string
  lastModifiedBy: string
  /** The send this copy answers (custom property wrs-send-id written by our 征求意见稿 export), when present. */
  sendId: string | null
  paragraphs: CopyParagraph[]
  comments: CopyComment[]
  /** SHA-256 of the file (set by main), so the same copy is not merged twice. */
  digest?: string
}

/** The parts of a DOCX the reader needs, as text. */
export interface FeedbackParts {
  document: string
  comments?: string
  commentsExtended?: string
  core?: string
  custom?: string
}

export function markupText(paragraph: CopyParagraph): string {
  return paragraph.runs.map(run => run.text).join('')
}

/** The paragraph as it read before its tracked changes (kept and deleted text). */
export function originalText(paragraph: CopyParagraph): string {
  return paragraph.runs
    .filter(run => run.kind !== 'ins')
    .map(run => run.text)
    .join('')
}

export function hasTrackedChanges(copy: FeedbackCopy): boolean {
  return copy.paragraphs.some(paragraph => paragraph.mark || paragraph.runs.some(run => run.kind !== 'keep'))
}
