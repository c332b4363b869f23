import type { LibraryHit } from '../ipc/reuse-api'

/** Hits of one organisation, report kind and year. */
export interface LibraryHitGroup {
  organisation: string
  kind?: string
  planYear?: number
  hits: LibraryHit[]
}

/**
 * Search hits grouped by organisation, kind and year (newest year first, then organisation and kind in the
 * order they first appear); within a group the hits keep their order.
 */
export function groupLibraryHits(hits: readonly LibraryHit[]): LibraryHitGroup[] {
  const groups: LibraryHitGroup[] = []
  const byKey = new Map<string, LibraryHitGroup>()
  for (const hit of hits) {
    const organisation = hit.organisation?.trim() ?? ''
    const key = `${organisation}\u0000${hit.kind ?? ''}\u0000${hit.planYear ?? ''}`
    let group = byKey.get(key)
    if (!group) {
      group = {
        organisation,
        ...(hit.kind ? { kind: hit.kind } : {}),
        ...(hit.planYear ? { planYear: hit.planYear } : {}),
        hits: [],
      }
      byKey.set(key, group)
      groups.push(group)
    }
    group.hits.push(hit)
  }
  return groups
    .map((group, order) => ({ group, order }))
    .sort((a, b) => (b.group.planYear ?? 0) - (a.group.planYear ?? 0) || a.order - b.order)
    .map(entry => entry.group)
}
