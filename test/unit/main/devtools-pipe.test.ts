import { existsSync, readdirSync } from 'node:fs'
import os from 'node:os'
import { describe, expect, it } from 'vitest'
import { launchDevToolsPipe } from '../../../main/export/devtools-pipe'

const profiles = () =>
  (existsSync('/dev/shm') ? readdirSync('/dev/shm') : readdirSync(os.tmpdir())).filter(name =>
    name.startsWith('wrs-chromium-'),
  )

describe('launchDevToolsPipe with something that is not a Chromium', () => {
  it('rejects, and leaves no profile folder and no crash behind (missing program, program that exits)', async () => {
    const before = new Set(profiles())
    await expect(launchDevToolsPipe('/nonexistent/chromium')).rejects.toThrow(/ENOENT/)
    await expect(launchDevToolsPipe('/bin/false')).rejects.toThrow('Chromium exited (1)')
    expect(profiles().filter(name => !before.has(name))).toEqual([])
  })
})
