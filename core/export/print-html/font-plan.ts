import type { FontSubstitution } from '../../ipc/export-api'
import { fontChains, fontRoles, glyphFallbacks, type FontRole } from './font-roles'

export interface RoleFont {
  /** Family the role prints in; null when none of the chain is installed (the renderer's default then). */
  used: string | null
  official: boolean
  /** CSS font-family list: the chosen family first, then the rest of the chain and the glyph fallbacks. */
  stack: string[]
}

export interface FontPlan {
  roles: Record<FontRole, RoleFont>
  substitutions: FontSubstitution[]
}

function normalise(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, ' ')
}

function uniq(names: readonly string[]): string[] {
  const seen = new Set<string>()
  return names.filter(name => (seen.has(normalise(name)) ? false : (seen.add(normalise(name)), true)))
}

/**
 * Decides which installed family fills each role: the first official name found, else the first
 * fallback found (order in font-roles.ts and README.md). Every role that does not get its official
 * face is listed in `substitutions`. `installed` = family names as the system reports them
 * (fontconfig gives `FandolFang,FandolFang R`: each comma-separated name counts).
 */
export function planFonts(installed: readonly string[] | null): FontPlan {
  const available = new Set<string>()
  for (const entry of installed ?? [])
    for (const name of entry.split(',')) if (name.trim()) available.add(normalise(name))
  const roles = {} as Record<FontRole, RoleFont>
  const substitutions: FontSubstitution[] = []
  for (const role of fontRoles) {
    const chain = fontChains[role]
    const all = [...chain.official, ...chain.fallbacks]
    const extra = role === 'latin' ? [] : glyphFallbacks
    if (installed === null) {
      roles[role] = { used: null, official: false, stack: uniq([...all, ...extra]) }
      continue
    }
    const used = all.find(name => available.has(normalise(name))) ?? null
    const official = used !== null && chain.official.includes(used)
    const rest = used === null ? all : all.slice(all.indexOf(used) + 1)
    roles[role] = { used, official, stack: uniq([...(used ? [used] : []), ...rest, ...extra]) }
    if (!official) substitutions.push({ wanted: chain.official[0]!, used: used ?? '系统默认字体' })
  }
  return { roles, substitutions }
}
