/**
 * How a shared report is laid out in one Yjs document (docs/COLLABORATION.md): one root type per unit of rights, so
 * the server decides what an update may change by the root types it touches.
 *
 * - `meta` (Y.Map): the report's meta, check settings, layout and provenance, one JSON value per key — owner.
 * - `parts` (Y.Array<string>): the level-1 parts' ids in reading order — owner.
 * - `front` (Y.XmlFragment): front matter and the opening paragraphs before the first part — owner.
 * - `part:<id>` (Y.XmlFragment): one level-1 part, its heading first — owner, and the editors of the office the part is
 *   assigned to while it is being drafted.
 * - `closing` (Y.XmlFragment): the closing appeal after the last part (`各位代表！让我们……`) — owner.
 * - `workflow` (Y.Map): assignment, due date and status per part id — written by the server only (through its
 *   assign/submit/approve requests, which check who asks).
 * - `comments:<target>:<member id>:<name>` (Y.Map): the comments, replies and resolutions member `<name>` wrote on
 *   the text of `<target>` (`front`, `part:<id>`, `closing`) — that member only, whatever his role (anyone who can
 *   read a text may comment on it). One root per author, so the server keeps everyone's words his own by the root's
 *   name alone. `comments:<target>:<name>` (no id): a shared file's author who is no member — nobody.
 * - `decided:<target>` (Y.Array): records of the suggestions accepted or rejected in `<target>` — whoever may write
 *   `<target>` (the suggestions themselves are marks in its text, so suggesting is writing it).
 */
export const CollabRoot = {
  meta: 'meta',
  parts: 'parts',
  front: 'front',
  closing: 'closing',
  workflow: 'workflow',
} as const

const PART_PREFIX = 'part:'
const COMMENTS_PREFIX = 'comments:'
const DECIDED_PREFIX = 'decided:'

/** Keys of the `meta` map. */
export const metaKeys = ['meta', 'checks', 'layout', 'provenance'] as const
export type MetaKey = (typeof metaKeys)[number]

export function partRootName(partId: string): string {
  return PART_PREFIX + partId
}

/** The part id of a `part:<id>` root, else undefined. */
export function partIdOfRoot(root: string): string | undefined {
  return root.startsWith(PART_PREFIX) && root.length > PART_PREFIX.length ? root.slice(PART_PREFIX.length) : undefined
}

/** The roots holding report text (what comments and suggestions are anchored in). */
export function isTextRoot(root: string): boolean {
  return root === CollabRoot.front || root === CollabRoot.closing || partIdOfRoot(root) !== undefined
}

/** Member ids: `m` and 10 base-32 characters, fresh for every `wrs team add-user` (a re-added name gets a new one). */
export const MEMBER_ID_PATTERN = /^m[a-z2-7]{10}$/

/**
 * The author part of a member's comments roots: `<member id>:<name>`. Bound to the id, so a member revoked and added
 * again under the same name is another author and cannot change what the earlier one wrote; the name is there to be
 * shown. Authors who are no member (comments carried over from a shared file) are keyed by their name alone, which no
 * member's key equals: nobody changes those.
 */
export function memberCommentKey(member: { id: string; name: string }): string {
  return `${member.id}:${member.name}`
}

/** The root of the comments of the author keyed `authorKey` (`memberCommentKey`, or a name) on the text root `target`. */
export function commentsRootName(target: string, authorKey: string): string {
  return `${COMMENTS_PREFIX}${target}:${authorKey}`
}

/** A comments root read back: its text root, the author's key, name and member id (null for a name alone). */
export interface CommentsRoot {
  target: string
  key: string
  author: string
  authorId: string | null
}

/** The text root and author of a `comments:<target>:<author key>` root, else undefined. */
export function parseCommentsRoot(root: string): CommentsRoot | undefined {
  if (!root.startsWith(COMMENTS_PREFIX)) return undefined
  const rest = root.slice(COMMENTS_PREFIX.length)
  const cut = rest.startsWith(PART_PREFIX) ? rest.indexOf(':', PART_PREFIX.length) : rest.indexOf(':')
  if (cut <= 0 || cut === rest.length - 1) return undefined
  const target = rest.slice(0, cut)
  if (!isTextRoot(target)) return undefined
  const key = rest.slice(cut + 1)
  const colon = key.indexOf(':')
  const id = colon > 0 ? key.slice(0, colon) : ''
  return MEMBER_ID_PATTERN.test(id) && colon < key.length - 1
    ? { target, key, author: key.slice(colon + 1), authorId: id }
    : { target, key, author: key, authorId: null }
}

/** The root of the decided suggestions of the text root `target`. */
export function decidedRootName(target: string): string {
  return DECIDED_PREFIX + target
}

/** The text root of a `decided:<target>` root, else undefined. */
export function targetOfDecidedRoot(root: string): string | undefined {
  if (!root.startsWith(DECIDED_PREFIX)) return undefined
  const target = root.slice(DECIDED_PREFIX.length)
  return isTextRoot(target) ? target : undefined
}

/** Report ids are the server's document names: lowercase letters, digits and dashes only (never a path). */
export const REPORT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{5,62}$/
