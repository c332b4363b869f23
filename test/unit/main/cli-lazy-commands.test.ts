import { execFileSync, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import nodeModule from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cliCommands } from '../../../main/cli/cli-commands'

const commandFiles = readdirSync('main/cli/commands').filter(name => name.endsWith('-command.ts'))

describe('wrs commands are registered once and loaded lazily', () => {
  it('every main/cli/commands/<name>-command.ts is in the table under its own name, and nothing else is', async () => {
    expect(cliCommands.map(entry => `${entry.name}-command.ts`).sort()).toEqual([...commandFiles].sort())
    for (const entry of cliCommands) expect((await entry.load()).name).toBe(entry.name)
  })

  describe('the built CLI', () => {
    let outdir: string
    beforeAll(() => {
      outdir = mkdtempSync(path.join(os.tmpdir(), 'wrs-cli-build-'))
      execFileSync(process.execPath, ['esbuild.cli.mjs', '--outdir', outdir])
    }, 60_000)
    afterAll(() => rmSync(outdir, { recursive: true, force: true }))

    const bundle = (name: string) => readFileSync(path.join(outdir, 'commands', `${name}-command.cjs`), 'utf8')

    it('has a small launcher and one bundle per command', () => {
      expect(readFileSync(path.join(outdir, 'wrs.cjs'), 'utf8').length).toBeLessThan(10_000)
      for (const entry of cliCommands) expect(bundle(entry.name)).toContain(`name:"${entry.name}"`)
    })

    it('leaves out of each bundle what its command does not use', () => {
      const check = bundle('check')
      expect(check).not.toMatch(/mammoth|word\/document\.xml|Page\.printToPDF/)
      // zod's translations (only the English default is used): the Japanese one says 無効な入力
      for (const entry of cliCommands) expect(bundle(entry.name)).not.toContain('無効な入力')
    })

    it('prints the help of every command without loading them, and runs a command from its bundle', () => {
      const help = spawnSync(process.execPath, [path.join(outdir, 'wrs.cjs'), '--help'], { encoding: 'utf8' })
      expect(help.status).toBe(0)
      for (const entry of cliCommands) expect(help.stdout).toContain(`wrs ${entry.name}`)
      const unknown = spawnSync(process.execPath, [path.join(outdir, 'wrs.cjs'), 'frobnicate'], { encoding: 'utf8' })
      expect(unknown.status).toBe(2)
      expect(unknown.stderr).toContain('未知的命令“frobnicate”')
      const check = spawnSync(process.execPath, [path.join(outdir, 'wrs.cjs'), 'check'], { encoding: 'utf8' })
      expect(check.status).toBe(2)
      expect(check.stderr).toContain('用法：wrs check')
    })

    it('keeps a V8 code cache per command bundle, named by its hash, and runs the same with a broken one', () => {
      const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'wrs-code-cache-'))
      const report = path.join(cacheDir, 'report.wrs')
      try {
        const run = (...args: string[]) =>
          spawnSync(process.execPath, [path.join(outdir, 'wrs.cjs'), ...args], {
            encoding: 'utf8',
            // Node ≥ 22.1 would use its own compile cache instead, which the launcher switches on.
            env: {
              ...process.env,
              WRS_CODE_CACHE_DIR: cacheDir,
              NODE_COMPILE_CACHE: '',
              NODE_DISABLE_COMPILE_CACHE: '',
            },
          })
        const created = run('new', '--template', 'npc', '--year', '2025', '-o', report)
        expect(created.stderr).toBe('')
        const first = run('check', report)
        const hasOwnCache = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function'
        const cached = () =>
          readdirSync(cacheDir, { recursive: true })
            .map(String)
            .filter(name => /check-command-\w+\.bin$/.test(name))
        if (!hasOwnCache) {
          const hash = createHash('sha256').update(bundle('check')).digest('hex').slice(0, 16)
          expect(cached()).toEqual([expect.stringMatching(new RegExp(`check-command-${hash}\\.bin$`))])
          for (const file of cached()) writeFileSync(path.join(cacheDir, file), 'not a code cache')
        }
        const second = run('check', report)
        expect([second.status, second.stdout, second.stderr]).toEqual([first.status, first.stdout, first.stderr])
        // A cache V8 rejects is replaced by a good one.
        if (!hasOwnCache)
          for (const file of cached())
            expect(readFileSync(path.join(cacheDir, file), 'utf8')).not.toBe('not a code cache')
      } finally {
        rmSync(cacheDir, { recursive: true, force: true })
      }
    })
  })
})
