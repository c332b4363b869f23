import { spawnSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// electron-builder against a stand-in Electron distribution (the binary cannot be downloaded here):
// packaging/check-package.mjs builds the Linux folder and .deb and the Windows folder, and checks app.asar
// (only out/ and package.json, under 25 MB, the main bundle loads without node_modules), the fuses, the .deb's
// control fields, files and .desktop entry, and the NSIS settings. Its failures are listed one per line.
describe('packages built offline with a stand-in Electron', () => {
  it('hold only what runs, with icons, fonts, file associations and fuses', () => {
    const report = path.resolve('.tmp/package-check.json')
    rmSync(report, { force: true })
    const run = spawnSync(process.execPath, ['packaging/check-package.mjs', '--json', report], {
      encoding: 'utf8',
      timeout: 600_000,
    })
    const summary = JSON.parse(readFileSync(report, 'utf8')) as {
      failures: string[]
      facts: { linuxAsarBytes: number; deb: { recommends: string } }
    }
    expect(summary.failures).toEqual([])
    expect(run.status).toBe(0)
    console.log(`app.asar ${(summary.facts.linuxAsarBytes / 1048576).toFixed(2)} MB`)
    expect(summary.facts.linuxAsarBytes).toBeLessThan(25 * 1024 * 1024)
    expect(summary.facts.deb.recommends).toContain('fonts-noto-cjk')
  }, 600_000)
})
