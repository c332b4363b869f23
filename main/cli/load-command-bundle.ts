import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import nodeModule from 'node:module'
import os from 'node:os'
import path from 'node:path'
import vm from 'node:vm'

/** Set by the build (esbuild.cli.mjs): each command bundle's content hash, which names its code cache. */
declare const WRS_BUNDLE_HASHES: Record<string, string> | undefined

/**
 * Loads `out/cli/commands/<name>.cjs` (the built CLI's lazy command table calls this) with V8's code cache: the
 * first run of a command compiles its bundle and, as it exits, stores the compiled code (the functions that run
 * used included) in the user's cache folder; later runs skip most of the compiling. The cache file is named by
 * the bundle's hash and the Node version, so a rebuilt bundle or another Node never reads a stale one.
 * Where Node has its own compile cache (≥ 22.1, `module.enableCompileCache()`, switched on by the launcher) that
 * one is used; `NODE_DISABLE_COMPILE_CACHE=1` turns both off. A cache that cannot be read or written costs speed only.
 */
export function loadCommandBundle(name: string): unknown {
  const file = path.join(__dirname, 'commands', `${name}.cjs`)
  const hash = typeof WRS_BUNDLE_HASHES === 'undefined' ? undefined : WRS_BUNDLE_HASHES[name]
  if (!hash || process.env.NODE_DISABLE_COMPILE_CACHE || nodeCompileCacheOn())
    return nodeModule.createRequire(file)(file)
  const cacheFile = path.join(codeCacheDir(), `${name}-${hash}.bin`)
  let cachedData: Buffer | undefined
  try {
    cachedData = readFileSync(cacheFile)
  } catch {
    // No cache yet: this run makes it.
  }
  const script = new vm.Script(nodeModule.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData })
  if (!cachedData || script.cachedDataRejected) process.once('exit', () => storeCodeCache(cacheFile, script))
  const bundle = { exports: {} as unknown }
  const wrapped = script.runInThisContext() as (...args: unknown[]) => void
  wrapped.call(bundle.exports, bundle.exports, nodeModule.createRequire(file), bundle, file, path.dirname(file))
  return bundle.exports
}

function nodeCompileCacheOn(): boolean {
  const getDirectory = (nodeModule as { getCompileCacheDir?: () => string | undefined }).getCompileCacheDir
  return Boolean(getDirectory?.())
}

/** `<user cache folder>/wrs/v8-code-cache/<node version>-<arch>`, as each system places a user's caches. */
export function codeCacheDir(): string {
  const env = process.env
  const base =
    env['WRS_CODE_CACHE_DIR'] ??
    (process.platform === 'win32'
      ? path.join(env['LOCALAPPDATA'] ?? path.join(os.homedir(), 'AppData', 'Local'), 'wrs', 'Cache')
      : process.platform === 'darwin'
        ? path.join(os.homedir(), 'Library', 'Caches', 'wrs')
        : path.join(env['XDG_CACHE_HOME'] || path.join(os.homedir(), '.cache'), 'wrs'))
  return path.join(base, 'v8-code-cache', `${process.version}-${process.arch}`)
}

function storeCodeCache(cacheFile: string, script: vm.Script): void {
  try {
    mkdirSync(path.dirname(cacheFile), { recursive: true })
    // Written beside, then renamed: a command running at the same moment reads a whole cache or none.
    const partial = `${cacheFile}.${process.pid}`
    writeFileSync(partial, script.createCachedData())
    renameSync(partial, cacheFile)
  } catch {
    // A read-only or full disk only costs speed.
  }
}
