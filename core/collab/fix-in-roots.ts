import type { Finding, Fix } from '../checks/finding'

/** A text root of a shared report and how many top-level blocks it holds now (in reading order). */
export interface RootSize {
  root: string
  childCount: number
}

/** A finding's fix cut to the roots it touches: each with paths counted inside that root. */
export type FixInRoots =
  { ok: true; roots: Array<{ root: string; finding: Finding }> } | { ok: false; reason: 'insertPart' | 'stale' }

/** Which root holds top-level index `index` of the joined report, and the index inside it. */
function locate(sizes: readonly RootSize[], index: number): { root: string; local: number } | null {
  let rest = index
  for (const { root, childCount } of sizes) {
    if (rest < childCount) return { root, local: rest }
    rest -= childCount
  }
  return null
}

/**
 * The checks run on the joined report (front, parts, closing one after another); its fixes are written through the
 * editor of each root. Paths are shifted into the root they fall in. A missing part (`insertPart`) is added from the
 * outline instead; a path beyond the current document (the report changed since the checks ran) is `stale`.
 */
export function fixInRoots(finding: Finding, sizes: readonly RootSize[]): FixInRoots {
  const fix = finding.fix
  if (!fix || fix.kind === 'insertPart') return { ok: false, reason: 'insertPart' }
  const byRoot = new Map<string, Fix>()
  if (fix.kind === 'setAttrs') {
    const at = locate(sizes, fix.path[0] ?? -1)
    if (!at) return { ok: false, reason: 'stale' }
    byRoot.set(at.root, { ...fix, path: [at.local, ...fix.path.slice(1)] })
  } else {
    for (const edit of fix.edits) {
      const at = locate(sizes, edit.path[0] ?? -1)
      if (!at) return { ok: false, reason: 'stale' }
      const current = byRoot.get(at.root)
      const shifted = { ...edit, path: [at.local, ...edit.path.slice(1)] }
      if (current?.kind === 'replaceText') current.edits.push(shifted)
      else byRoot.set(at.root, { ...fix, edits: [shifted] })
    }
  }
  return {
    ok: true,
    roots: [...byRoot].map(([root, shifted]) => ({ root, finding: { ...finding, fix: shifted } })),
  }
}
