import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { launchDevToolsPipe } from '../../main/export/devtools-pipe'
import { findChromium } from '../../main/export/find-chromium'

const alive = (group: number): boolean => {
  try {
    process.kill(-group, 0)
    return true
  } catch {
    return false
  }
}

/** Killed helpers are reaped by init a moment later; until then they still count as members of the group. */
async function goneWithin(group: number, ms: number): Promise<boolean> {
  for (const start = Date.now(); Date.now() - start < ms; await new Promise(resolve => setTimeout(resolve, 50)))
    if (!alive(group)) return true
  return !alive(group)
}

describe('closing the PDF browser', () => {
  it('stops the browser with every helper process and removes its profile, however often', async () => {
    const executable = findChromium()
    expect(executable, 'the tests need Chromium (.ci/setup.sh installs it)').toBeDefined()
    for (let round = 0; round < 3; round++) {
      const pipe = await launchDevToolsPipe(executable!, ['--no-sandbox', '--disable-gpu'])
      const { targetId } = await pipe.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' })
      await pipe.send('Target.attachToTarget', { targetId, flatten: true })
      expect(existsSync(pipe.profile)).toBe(true)
      await pipe.close()
      expect(existsSync(pipe.profile)).toBe(false)
      if (process.platform !== 'win32') expect(await goneWithin(pipe.pid!, 3000)).toBe(true)
    }
  }, 120_000)
})
