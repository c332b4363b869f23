import { spawn } from 'node:child_process'
import { describe, expect, it } from 'vitest'

describe('wrs writing into a pipe whose reader has gone (wrs … | head)', () => {
  it('ends quietly instead of printing an EPIPE stack trace', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/wrs.ts', '--help'], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    // the reader closes before the CLI has written a byte (tsx takes far longer to start)
    child.stdout.destroy()
    let stderr = ''
    child.stderr.on('data', chunk => (stderr += String(chunk)))
    const code = await new Promise<number | null>(resolve => child.once('exit', resolve))
    expect(stderr).not.toMatch(/EPIPE|Unhandled 'error'/)
    expect(code).not.toBeNull()
  }, 30_000)
})
