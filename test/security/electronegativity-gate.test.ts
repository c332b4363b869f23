import { spawnSync } from 'node:child_process'
import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

// The CI gate must be able to fail: scan the sources plus one deliberately bad main-process file.
describe('electronegativity gate', () => {
  it('fails on a window without isolation/sandbox and an unguarded openExternal, and names them', async () => {
    const work = await fs.mkdtemp(path.join(os.tmpdir(), 'wrs-eneg-'))
    const bad = path.join(work, 'bad-window.ts')
    await fs.writeFile(
      bad,
      [
        "import { BrowserWindow, ipcMain, shell } from 'electron'",
        'export function open(): BrowserWindow {',
        '  const window = new BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: false } })',
        "  ipcMain.on('open', (_event, url) => shell.openExternal(url))",
        '  return window',
        '}',
      ].join('\n'),
    )
    const report = path.join(work, 'report.json')
    const run = spawnSync(process.execPath, ['.ci/electronegativity-gate.mjs', report], {
      encoding: 'utf8',
      env: { ...process.env, WRS_ENEG_EXTRA: bad, WRS_ENEG_WORK: path.join(work, 'scan') },
      timeout: 240_000,
    })
    const result = JSON.parse(await fs.readFile(report, 'utf8')) as { passed: number; failed: number; detail: string[] }
    await fs.rm(work, { recursive: true, force: true })
    expect(run.status).toBe(1)
    expect(result).toMatchObject({ passed: 0, failed: 1 })
    const blocking = result.detail.map(line => line.split(' ')[0])
    expect(blocking).toEqual(
      expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'OPEN_EXTERNAL_JS_CHECK']),
    )
    // Only the bad file blocks: the app's own sources pass.
    expect(result.detail.every(line => line.includes('main/bad-window.ts'))).toBe(true)
  }, 300_000)
})
