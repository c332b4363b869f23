import { shell } from 'electron'

const allowedProtocols = new Set(['https:', 'mailto:'])

/** Whether a link may leave the app: only well-formed https: and mailto: URLs. */
export function isSafeExternalUrl(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (!allowedProtocols.has(parsed.protocol)) return false
  if (parsed.protocol === 'https:' && (!parsed.hostname || parsed.username || parsed.password)) return false
  return true
}

/** The only way the app opens anything outside itself. */
export async function openExternalSafe(url: string): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false
  // The one reviewed openExternal call (allowlisted in .ci/electronegativity-gate.mjs).
  await shell.openExternal(url)
  return true
}
