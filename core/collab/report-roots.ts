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
 */
export const CollabRoot = {
  meta: 'meta',
  parts: 'parts',
  front: 'front',
  closing: 'closing',
  workflow: 'workflow',
} as const

const PART_PREFIX = 'part:'

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

/** Report ids are the server's document names: lowercase letters, digits and dashes only (never a path). */
export const REPORT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{5,62}$/
