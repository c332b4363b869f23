import { randomBytes } from 'node:crypto'
import { constants as fsConstants, promises as fs } from 'node:fs'
import path from 'node:path'

/**
 * THE only writer of user files (documents, exports, settings, recovery snapshots).
 * Recipe (docs/ARCHITECTURE.md, “Saving”): temp file in the same folder opened `wx`, write, fsync, copy mode, keep the
 * previous version as `<name>.bak`, rename (retried on Windows EPERM/EBUSY/EACCES), fsync the folder.
 * A process killed at any instant leaves the target either complete-old or complete-new.
 */
export interface WriteFileAtomicOptions {
  /** Keep the previous version as `<name>.bak` beside the file. Default true. */
  backup?: boolean
  /** File mode for a new file (an existing file's mode is kept). Default 0o644. */
  mode?: number
  /** Injected for tests (Windows lock simulation). */
  rename?: (from: string, to: string) => Promise<void>
  /** Total time budget for rename retries, ms. Default 2000. */
  retryBudgetMs?: number
}

const TEMP_SUFFIX = '.tmp'
const TEMP_PATTERN = /^\..+\.[0-9a-f]{12}\.tmp$/
const RETRYABLE = new Set(['EPERM', 'EBUSY', 'EACCES'])

export function tempPathFor(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}${TEMP_SUFFIX}`)
}

export function backupPathFor(target: string): string {
  return `${target}.bak`
}

/** Whether a file name is one of our temp files (used by the startup sweep). */
export function isOurTempFile(name: string): boolean {
  return TEMP_PATTERN.test(name)
}

async function resolveTarget(target: string): Promise<string> {
  try {
    return await fs.realpath(target)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      // A dangling symlink: write where it points; a missing file: write the path as given.
      try {
        const link = await fs.readlink(target)
        return path.resolve(path.dirname(target), link)
      } catch {
        return path.resolve(target)
      }
    }
    throw error
  }
}

async function existingMode(target: string): Promise<number | null> {
  try {
    return (await fs.stat(target)).mode & 0o7777
  } catch {
    return null
  }
}

async function renameWithRetry(
  from: string,
  to: string,
  rename: (from: string, to: string) => Promise<void>,
  budgetMs: number,
): Promise<void> {
  const started = Date.now()
  let delay = 10
  for (;;) {
    try {
      await rename(from, to)
      return
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? ''
      if (!RETRYABLE.has(code) || Date.now() - started + delay > budgetMs) throw error
      await new Promise(resolve => setTimeout(resolve, delay))
      delay = Math.min(delay * 2, 250)
    }
  }
}

async function fsyncDirectory(directory: string): Promise<void> {
  if (process.platform === 'win32') return
  let handle: fs.FileHandle | undefined
  try {
    handle = await fs.open(directory, fsConstants.O_RDONLY)
    await handle.sync()
  } catch {
    // Some filesystems refuse fsync on directories; the rename is still atomic there.
  } finally {
    await handle?.close().catch(() => undefined)
  }
}

async function copyToBackup(real: string, rename: (from: string, to: string) => Promise<void>): Promise<void> {
  const backup = backupPathFor(real)
  const temp = tempPathFor(backup)
  try {
    // Copy through a temp file too, so a crash never leaves a torn .bak either.
    await fs.copyFile(real, temp, fsConstants.COPYFILE_EXCL)
    await rename(temp, backup)
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined)
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
}

export async function writeFileAtomic(
  target: string,
  data: string | Uint8Array,
  options: WriteFileAtomicOptions = {},
): Promise<void> {
  const real = await resolveTarget(target)
  const directory = path.dirname(real)
  const temp = tempPathFor(real)
  const previousMode = await existingMode(real)
  const mode = previousMode ?? options.mode ?? 0o644
  let handle: fs.FileHandle | undefined
  try {
    handle = await fs.open(temp, 'wx', mode)
    await handle.writeFile(data)
    await handle.sync()
    await handle.close()
    handle = undefined
    // An existing file keeps its exact mode; a new one gets `mode` less the umask (as open() applied it).
    if (previousMode !== null) await fs.chmod(temp, previousMode).catch(() => undefined)
    const rename = options.rename ?? fs.rename
    const budget = options.retryBudgetMs ?? 2000
    if (options.backup !== false) await copyToBackup(real, (from, to) => renameWithRetry(from, to, rename, budget))
    await renameWithRetry(temp, real, rename, budget)
  } catch (error) {
    await handle?.close().catch(() => undefined)
    await fs.unlink(temp).catch(() => undefined)
    throw error
  }
  await fsyncDirectory(directory)
}

/** Deletes our stale temp files (left by a process killed mid-save) in the given folders. */
export async function sweepStaleTempFiles(directories: Iterable<string>, olderThanMs = 0): Promise<string[]> {
  const removed: string[] = []
  const now = Date.now()
  for (const directory of new Set(directories)) {
    let names: string[]
    try {
      names = await fs.readdir(directory)
    } catch {
      continue
    }
    for (const name of names.filter(isOurTempFile)) {
      const file = path.join(directory, name)
      try {
        const stat = await fs.stat(file)
        if (!stat.isFile() || now - stat.mtimeMs < olderThanMs) continue
        await fs.unlink(file)
        removed.push(file)
      } catch {
        // Already gone or not ours to delete.
      }
    }
  }
  return removed
}
