import type * as Y from 'yjs'
import type { Member } from '../../core/collab/part-workflow'
import { commentsRootName, decidedRootName, memberCommentKey, parseCommentsRoot } from '../../core/collab/report-roots'
import {
  foldThreads,
  type AuthorEntries,
  type CommentAnchor,
  type CommentEntry,
  type DecidedEntry,
  type SharedThread,
} from '../../core/collab/shared-comments'

/** Comment ids: `c` and 12 base-32 characters (unique across authors; the thread's id in replies). */
function newEntryId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567'
  return 'c' + Array.from(crypto.getRandomValues(new Uint8Array(12)), byte => alphabet[byte & 31]).join('')
}

const now = () => new Date().toISOString()

/** `author`'s own comments on `target` (bound to his member id, memberCommentKey). */
function ownMap(doc: Y.Doc, target: string, author: Pick<Member, 'id' | 'name'>): Y.Map<unknown> {
  return doc.getMap<unknown>(commentsRootName(target, memberCommentKey(author)))
}

/** Every member's comments on the text root `target` (the roots another client created are in `doc.share`). */
export function readThreads(doc: Y.Doc, target: string): SharedThread[] {
  const authors: AuthorEntries[] = []
  for (const name of [...doc.share.keys()]) {
    const root = parseCommentsRoot(name)
    if (root?.target !== target) continue
    authors.push({ author: root.author, key: root.key, entries: [...doc.getMap<unknown>(name).entries()] })
  }
  return foldThreads(authors, doc.getArray<unknown>(decidedRootName(target)).toArray())
}

/** A new comment by `author` on `target`, anchored at `anchor` (relative positions in the target's fragment). */
export function addSharedComment(
  doc: Y.Doc,
  target: string,
  author: Pick<Member, 'id' | 'name'>,
  comment: { text: string; quote: string; anchor: CommentAnchor | null },
): string {
  const id = newEntryId()
  const entry: CommentEntry = { kind: 'comment', date: now(), ...comment }
  ownMap(doc, target, author).set(id, entry)
  return id
}

export function replyToThread(
  doc: Y.Doc,
  target: string,
  author: Pick<Member, 'id' | 'name'>,
  thread: string,
  text: string,
): string {
  const id = newEntryId()
  const entry: CommentEntry = { kind: 'reply', thread, text, date: now() }
  ownMap(doc, target, author).set(id, entry)
  return id
}

/**
 * Resolves (or reopens) a thread: its author in his own map, a writer of the text (`mayWriteTarget`) in
 * `decided:<target>`. Anyone else may not, and nothing is written (false).
 */
export function setThreadResolved(
  doc: Y.Doc,
  target: string,
  member: Member,
  thread: SharedThread,
  resolved: boolean,
  mayWriteTarget: boolean,
): boolean {
  if (thread.authorKey === memberCommentKey(member)) {
    const entry: CommentEntry = { kind: 'resolve', thread: thread.id, resolved, date: now() }
    ownMap(doc, target, member).set(newEntryId(), entry)
    return true
  }
  if (!mayWriteTarget) return false
  const entry: DecidedEntry = { kind: 'resolve', thread: thread.id, resolved, by: member.name, date: now() }
  doc.getArray<unknown>(decidedRootName(target)).push([entry])
  return true
}

/** Deletes one of the member's own entries (a comment he wrote, with it the thread for everyone; or a reply). */
export function deleteOwnEntry(doc: Y.Doc, target: string, author: Pick<Member, 'id' | 'name'>, id: string): void {
  ownMap(doc, target, author).delete(id)
}
