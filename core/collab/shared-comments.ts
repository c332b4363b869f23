import { z } from 'zod'

/**
 * Comments on a shared report (docs/COLLABORATION.md, "Comments and suggestions"). Each member's comments, replies
 * and resolutions on one text root live in his own `comments:<target>:<member id>:<name>` map (entry id → entry); the writers of
 * the text record resolutions and decided suggestions in `decided:<target>`. The server decides by the root alone;
 * this module reads the entries back into threads.
 */

const date = z.string().max(40)
const text = z.string().min(1).max(5000)
const id = z.string().min(1).max(80)

/** Where a comment is anchored: Yjs relative positions (Y.relativePositionToJSON) in the target's fragment. */
export const commentAnchorSchema = z.object({ from: z.unknown(), to: z.unknown() })
export type CommentAnchor = z.infer<typeof commentAnchorSchema>

export const commentEntrySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('comment'),
    text,
    date,
    /** The text it was anchored on when it was written (kept when that text later changes). */
    quote: z.string().max(1000).default(''),
    anchor: commentAnchorSchema.nullable().default(null),
  }),
  z.object({ kind: z.literal('reply'), thread: id, text, date }),
  z.object({ kind: z.literal('resolve'), thread: id, resolved: z.boolean(), date }),
])
export type CommentEntry = z.infer<typeof commentEntrySchema>

/** A record in `decided:<target>`: a thread resolved by a writer of the text, or a suggestion accepted or rejected. */
export const decidedEntrySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('resolve'), thread: id, resolved: z.boolean(), by: z.string().max(100), date }),
  z.object({
    kind: z.literal('suggestion'),
    id,
    type: z.enum(['insertion', 'deletion']),
    author: z.string().max(100),
    date,
    text: z.string().max(5000),
    status: z.enum(['accepted', 'rejected']),
    by: z.string().max(100),
    decidedAt: date,
  }),
])
export type DecidedEntry = z.infer<typeof decidedEntrySchema>

export interface SharedReply {
  id: string
  /** The author's name (shown). */
  author: string
  /** The author's comments key (`memberCommentKey`, or a name alone): who may change the entry. */
  authorKey: string
  date: string
  text: string
}

export interface SharedThread extends SharedReply {
  quote: string
  anchor: CommentAnchor | null
  replies: SharedReply[]
  resolved: boolean
  /** Who last resolved or reopened it. */
  resolvedBy: string | null
}

/** The entries of one author's comments map, as read from Yjs (invalid values are skipped, never trusted). */
export interface AuthorEntries {
  author: string
  key: string
  entries: ReadonlyArray<readonly [string, unknown]>
}

/**
 * The threads on one text root: every author's comments with the replies to them (by date), resolved by the
 * latest resolution of the thread's author or of a writer of the text (`decided`). Oldest thread first.
 */
export function foldThreads(authors: readonly AuthorEntries[], decided: readonly unknown[]): SharedThread[] {
  const threads = new Map<string, SharedThread>()
  const replies: Array<SharedReply & { thread: string }> = []
  const resolutions: Array<{
    thread: string
    resolved: boolean
    by: string
    byKey: string
    date: string
    own: boolean
  }> = []
  for (const { author, key: authorKey, entries } of authors) {
    for (const [key, value] of entries) {
      const parsed = commentEntrySchema.safeParse(value)
      if (!parsed.success) continue
      const entry = parsed.data
      if (entry.kind === 'comment') {
        threads.set(key, {
          id: key,
          author,
          authorKey,
          date: entry.date,
          text: entry.text,
          quote: entry.quote,
          anchor: entry.anchor,
          replies: [],
          resolved: false,
          resolvedBy: null,
        })
      } else if (entry.kind === 'reply') {
        replies.push({ id: key, author, authorKey, date: entry.date, text: entry.text, thread: entry.thread })
      } else {
        const { thread, resolved, date } = entry
        resolutions.push({ thread, resolved, by: author, byKey: authorKey, date, own: true })
      }
    }
  }
  for (const value of decided) {
    const parsed = decidedEntrySchema.safeParse(value)
    if (parsed.success && parsed.data.kind === 'resolve') {
      const { thread, resolved, by, date } = parsed.data
      resolutions.push({ thread, resolved, by, byKey: '', date, own: false })
    }
  }
  for (const { thread, ...reply } of replies.sort(byDate)) threads.get(thread)?.replies.push(reply)
  for (const resolution of resolutions.sort(byDate)) {
    const thread = threads.get(resolution.thread)
    // In an author's own map only the thread's author resolves it (the writers of the text use `decided`).
    if (!thread || (resolution.own && resolution.byKey !== thread.authorKey)) continue
    thread.resolved = resolution.resolved
    thread.resolvedBy = resolution.by
  }
  return [...threads.values()].sort(byDate)
}

function byDate(a: { date: string }, b: { date: string }): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0
}
