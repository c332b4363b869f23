import { z } from 'zod'
import { docNodeSchema } from '../doc-node-schema'

/** How each comment or suggestion was dealt with (意见采纳情况). */
export const dispositions = ['采纳', '部分采纳', '未采纳'] as const
export type Disposition = (typeof dispositions)[number]

export const reviewKinds = ['comment', 'insertion', 'deletion'] as const
export type ReviewKind = (typeof reviewKinds)[number]

/*
 * The schemas of the items are built when a report that has such items is read (z.lazy builds each once): most
 * reports have none, and a `wrs` command that reads one report would otherwise build them all as it starts.
 */

const replySchema = () =>
  z.object({
    id: z.string().min(1),
    author: z.string(),
    /** ISO date-time, or '' when the source gave none. */
    date: z.string(),
    text: z.string(),
  })
export type CommentReply = z.infer<ReturnType<typeof replySchema>>

/** A comment thread; its anchor is the `comment` mark with the same id in the document. */
const commentSchema = () =>
  replySchema().extend({
    replies: z.array(z.lazy(replySchema)).default([]),
    resolved: z.boolean().default(false),
    /** File name of the returned copy it came from; null for comments written in the editor. */
    source: z.string().nullable().default(null),
    /** The text the comment was anchored on when it was made (kept when that text is later changed). */
    quote: z.string().default(''),
  })
export type CommentThread = z.infer<ReturnType<typeof commentSchema>>

/** A suggestion that has been accepted or rejected: its marks are gone from the document, its record stays. */
const decidedSchema = () =>
  z.object({
    id: z.string().min(1),
    kind: z.enum(['insertion', 'deletion']),
    author: z.string(),
    date: z.string(),
    source: z.string().nullable().default(null),
    /** Inserted or deleted text. */
    text: z.string(),
    /** The sentence it was in, before the change. */
    quote: z.string().default(''),
    /** Title of the part it was in. */
    part: z.string().default(''),
    status: z.enum(['accepted', 'rejected']),
    decidedAt: z.string().default(''),
  })
export type DecidedSuggestion = z.infer<ReturnType<typeof decidedSchema>>

/** A comment or change of a returned copy that could not be placed in the current report: listed, never dropped. */
const unanchoredSchema = () =>
  z.object({
    id: z.string().min(1),
    kind: z.enum(reviewKinds),
    author: z.string(),
    date: z.string(),
    source: z.string().nullable().default(null),
    text: z.string(),
    quote: z.string().default(''),
    /** zh-CN: why it could not be placed. */
    reason: z.string().default(''),
    replies: z.array(z.lazy(replySchema)).default([]),
    /** Set once someone has placed it (as a comment) or dealt with it. */
    settled: z.boolean().default(false),
  })
export type UnanchoredItem = z.infer<ReturnType<typeof unanchoredSchema>>

const dispositionSchema = () => z.object({ disposition: z.enum(dispositions), note: z.string().default('') })
export type DispositionRecord = z.infer<ReturnType<typeof dispositionSchema>>

/** One 征求意见稿 copy sent out. */
const sendSchema = () =>
  z.object({
    id: z.string().min(1),
    /** To whom (a unit or a person); '' when not given. */
    to: z.string().default(''),
    /** File name of the copy written. */
    file: z.string(),
    at: z.string(),
    /** Id of the sent version (review.sentVersions) the copy holds. */
    version: z.string(),
    markup: z.boolean().default(false),
  })
export type RoundSend = z.infer<ReturnType<typeof sendSchema>>

/** One returned copy merged back. */
const returnSchema = () =>
  z.object({
    file: z.string(),
    /** The unit or person the user named for it (or the recipient it was sent to); '' when none. */
    from: z.string(),
    /** Who its untracked edits were attributed to (the name above, else the one who saved it, else the file name). */
    attributedTo: z.string().default(''),
    at: z.string(),
    /** The send it answers, when known. */
    sendId: z.string().nullable().default(null),
    tracked: z.boolean().default(false),
    comments: z.number().int().min(0).default(0),
    insertions: z.number().int().min(0).default(0),
    deletions: z.number().int().min(0).default(0),
    unanchored: z.number().int().min(0).default(0),
    /** SHA-256 of the file, so the same copy is not merged twice. */
    digest: z.string().optional(),
  })
export type RoundReturn = z.infer<ReturnType<typeof returnSchema>>

/** The document as it was when a 征求意见稿 went out (compared with copies returned without tracked changes). */
const sentVersionSchema = () => z.object({ id: z.string().min(1), at: z.string(), doc: docNodeSchema })
export type SentVersion = z.infer<ReturnType<typeof sentVersionSchema>>

/** What the editor keeps undoable beside the document: threads, decisions, dispositions, unplaced items. */
export const reviewLedgerSchema = z.object({
  comments: z.array(z.lazy(commentSchema)).default([]),
  decided: z.array(z.lazy(decidedSchema)).default([]),
  unanchored: z.array(z.lazy(unanchoredSchema)).default([]),
  /** Disposition and note of any item (comment, suggestion, unplaced item) by id. */
  dispositions: z.record(z.string(), z.lazy(dispositionSchema)).default({}),
})
export type ReviewLedger = z.infer<typeof reviewLedgerSchema>

export const reviewRoundSchema = z.object({
  sends: z.array(z.lazy(sendSchema)).default([]),
  returns: z.array(z.lazy(returnSchema)).default([]),
})
export type ReviewRound = z.infer<typeof reviewRoundSchema>

/** `review` of a `.wrs` file (format version 2). */
export const reviewDataSchema = reviewLedgerSchema.extend({
  round: reviewRoundSchema.default({ sends: [], returns: [] }),
  sentVersions: z.array(z.lazy(sentVersionSchema)).default([]),
})
export type ReviewData = z.infer<typeof reviewDataSchema>

export function emptyReview(): ReviewData {
  return {
    comments: [],
    decided: [],
    unanchored: [],
    dispositions: {},
    round: { sends: [], returns: [] },
    sentVersions: [],
  }
}

export function emptyLedger(): ReviewLedger {
  return { comments: [], decided: [], unanchored: [], dispositions: {} }
}

/** The ledger part of review data (what the editor keeps in the document's attrs). */
export function ledgerOf(review: ReviewData): ReviewLedger {
  return {
    comments: review.comments,
    decided: review.decided,
    unanchored: review.unanchored,
    dispositions: review.dispositions,
  }
}
