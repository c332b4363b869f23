import type { HeadingLevel } from '../document-model'

/**
 * A heading's level 1–4 from its `attrs.level` (document JSON or a ProseMirror node): anything missing or out of
 * range reads as the nearest valid level, a missing one as 1.
 */
export function headingLevel(node: { attrs?: Readonly<Record<string, unknown>> | null }): HeadingLevel {
  const level = Number(node.attrs?.level ?? 1)
  if (!Number.isFinite(level)) return 1
  return Math.min(4, Math.max(1, Math.trunc(level))) as HeadingLevel
}
