import nodeModule from 'node:module'

/**
 * V8's compile cache for the command bundles loaded after this call (Node ≥ 22.1 offers it as
 * `module.enableCompileCache()`; Electron 45 ships Node 22). On older Node this does nothing.
 * `NODE_DISABLE_COMPILE_CACHE=1` turns it off, as Node documents.
 */
export function enableCompileCache(): void {
  const enable = (nodeModule as { enableCompileCache?: () => unknown }).enableCompileCache
  try {
    enable?.()
  } catch {
    // A cache that cannot be written (read-only temp folder) only costs speed.
  }
}
