import { spawn } from 'node:child_process'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  backupPathFor,
  isOurTempFile,
  sweepStaleTempFiles,
  writeFileAtomic,
} from '../../../main/files/write-file-atomic'
import { versionContent } from './fixtures/save-loop'

let dir: string

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'wrs-atomic-'))
})
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true })
})

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code), { code })
}

describe('writeFileAtomic', () => {
  it('writes a new file and keeps the previous version as .bak', async () => {
    const target = path.join(dir, '报告.wrs')
    await writeFileAtomic(target, 'one')
    expect(await fs.readFile(target, 'utf8')).toBe('one')
    await expect(fs.access(backupPathFor(target))).rejects.toThrow()
    await writeFileAtomic(target, 'two')
    expect(await fs.readFile(target, 'utf8')).toBe('two')
    expect(await fs.readFile(backupPathFor(target), 'utf8')).toBe('one')
    await writeFileAtomic(target, 'three')
    expect(await fs.readFile(backupPathFor(target), 'utf8')).toBe('two')
    expect((await fs.readdir(dir)).filter(isOurTempFile)).toEqual([])
  })

  it('gives a new file the requested mode less the umask', async () => {
    const target = path.join(dir, 'new-mode.wrs')
    await writeFileAtomic(target, 'x', { mode: 0o640 })
    expect((await fs.stat(target)).mode & 0o777).toBe(0o640 & ~process.umask())
  })

  it('keeps the mode of an existing file', async () => {
    const target = path.join(dir, 'mode.wrs')
    await fs.writeFile(target, 'x', { mode: 0o600 })
    await fs.chmod(target, 0o600)
    await writeFileAtomic(target, 'y')
    expect((await fs.stat(target)).mode & 0o777).toBe(0o600)
  })

  it('writes through a symlink to its real path and keeps the link', async () => {
    const real = path.join(dir, 'real.wrs')
    const link = path.join(dir, 'link.wrs')
    await fs.writeFile(real, 'old')
    await fs.symlink(real, link)
    await writeFileAtomic(link, 'new')
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true)
    expect(await fs.readFile(real, 'utf8')).toBe('new')
    expect(await fs.readFile(backupPathFor(real), 'utf8')).toBe('old')
  })

  it('retries a rename refused with EPERM/EBUSY (Windows locks) and then succeeds', async () => {
    const target = path.join(dir, 'locked.wrs')
    await writeFileAtomic(target, 'old')
    const codes = ['EPERM', 'EBUSY', 'EPERM']
    let calls = 0
    await writeFileAtomic(target, 'new', {
      rename: async (from, to) => {
        calls += 1
        const code = codes.shift()
        if (code) throw errno(code)
        await fs.rename(from, to)
      },
    })
    // Three refusals and a success for the .bak rename, then the final rename.
    expect(calls).toBe(5)
    expect(await fs.readFile(target, 'utf8')).toBe('new')
    expect(await fs.readFile(backupPathFor(target), 'utf8')).toBe('old')
  })

  it('gives up on a lock that never goes away, keeps the old file and removes its temp file', async () => {
    const target = path.join(dir, 'stuck.wrs')
    await writeFileAtomic(target, 'old')
    await expect(
      writeFileAtomic(target, 'new', {
        retryBudgetMs: 100,
        rename: async () => {
          throw errno('EBUSY')
        },
      }),
    ).rejects.toThrow('EBUSY')
    expect(await fs.readFile(target, 'utf8')).toBe('old')
    expect((await fs.readdir(dir)).filter(isOurTempFile)).toEqual([])
  })

  it('does not retry other errors', async () => {
    const target = path.join(dir, 'nospace.wrs')
    let calls = 0
    await expect(
      writeFileAtomic(target, 'x', {
        rename: async () => {
          calls += 1
          throw errno('ENOSPC')
        },
      }),
    ).rejects.toThrow('ENOSPC')
    expect(calls).toBe(1)
    await expect(fs.access(target)).rejects.toThrow()
  })

  it('the startup sweep removes only our stale temp files', async () => {
    const sweepDir = path.join(dir, 'sweep')
    await fs.mkdir(sweepDir)
    await fs.writeFile(path.join(sweepDir, '.报告.wrs.0123456789ab.tmp'), 'partial')
    await fs.writeFile(path.join(sweepDir, '报告.wrs'), 'doc')
    await fs.writeFile(path.join(sweepDir, 'notes.tmp'), 'someone else')
    const removed = await sweepStaleTempFiles([sweepDir])
    expect(removed.map(file => path.basename(file))).toEqual(['.报告.wrs.0123456789ab.tmp'])
    expect((await fs.readdir(sweepDir)).sort()).toEqual(['notes.tmp', '报告.wrs'])
  })
})

describe('a process killed while saving a large report', () => {
  const runs = Number(process.env.WRS_KILL_RUNS ?? 200)
  // About twice the JSON of a generated 100-page report.
  const bytes = 1_000_000

  it(`leaves the complete old or the complete new version (${runs} SIGKILLs at random instants)`, async () => {
    const killDir = path.join(dir, 'kill')
    await fs.mkdir(killDir)
    const script = path.join(killDir, 'save-loop.cjs')
    await build({
      entryPoints: [path.join(__dirname, 'fixtures/save-loop.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile: script,
      logLevel: 'warning',
    })
    const target = path.join(killDir, '大报告.wrs')
    await writeFileAtomic(target, versionContent(0, bytes))
    let version = 0
    let observedSaves = 0
    for (let run = 0; run < runs; run++) {
      const child = spawn(process.execPath, [script, target, String(version), String(bytes)], {
        stdio: ['ignore', 'pipe', 'inherit'],
      })
      let output = ''
      child.stdout.on('data', chunk => {
        output += chunk
      })
      await new Promise<void>(resolve => {
        const onData = (): void => {
          if (!output.includes('ready')) return
          child.stdout.off('data', onData)
          setTimeout(() => {
            child.kill('SIGKILL')
            resolve()
          }, Math.random() * 100)
        }
        child.stdout.on('data', onData)
      })
      await new Promise(resolve => child.once('exit', resolve))
      observedSaves += (output.match(/saved/g) ?? []).length
      const text = await fs.readFile(target, 'utf8')
      const onDisk = Number(text.slice(0, text.indexOf('\n')))
      expect(text === versionContent(onDisk, bytes), `run ${run}: file on disk is torn`).toBe(true)
      const saved = [...output.matchAll(/saved (\d+)/g)].map(match => Number(match[1]))
      const lastAcknowledged = saved.length ? saved[saved.length - 1]! : version
      // Either the last acknowledged save or the one in flight when the kill landed.
      expect([lastAcknowledged, lastAcknowledged + 1]).toContain(onDisk)
      const backup = await fs.readFile(backupPathFor(target), 'utf8').catch(() => null)
      if (backup !== null)
        expect(backup === versionContent(Number(backup.slice(0, backup.indexOf('\n'))), bytes)).toBe(true)
      version = onDisk
      await sweepStaleTempFiles([killDir])
    }
    console.log(`kill test: ${runs} kills, ${observedSaves} completed saves observed, last version on disk ${version}`)
    expect(observedSaves).toBeGreaterThan(0)
  }, 600_000)
})
