import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Readable, Writable } from 'node:stream'

type Listener = (params: Record<string, unknown>, sessionId: string | undefined) => void

/** One Chromium over its DevTools pipe: commands to the browser or, with a session id, to one of its pages. */
export interface DevToolsPipe {
  send<T = Record<string, unknown>>(method: string, params?: object, sessionId?: string): Promise<T>
  /** The next event of this name (for this session, when given). */
  once(method: string, sessionId?: string): Promise<Record<string, unknown>>
  /** Stops the browser and its helpers and removes its throwaway profile. */
  close(): Promise<void>
  /** The browser's process id (its process group on Linux and macOS) and its profile folder. */
  readonly pid: number | undefined
  readonly profile: string
}

/**
 * Starts Chromium headless with `--remote-debugging-pipe` (the protocol on file descriptors 3 and 4, one JSON
 * message per NUL-terminated chunk) and nothing else in between: no driver library to load, no WebSocket.
 * `args` are added to the switches that keep it quiet and offline.
 */
export async function launchDevToolsPipe(executablePath: string, args: readonly string[] = []): Promise<DevToolsPipe> {
  // A throwaway profile; in memory where Linux offers it (Chromium writes ~150 small files there).
  const folder = existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir()
  sweepProfiles(folder)
  const profile = mkdtempSync(path.join(folder, 'wrs-chromium-'))
  const child: ChildProcess = spawn(
    executablePath,
    ['--headless', '--remote-debugging-pipe', `--user-data-dir=${profile}`, '--no-startup-window', ...args],
    // Its own process group, so that closing stops the browser and its helpers at once. Should this process die
    // first, the browser sees its pipe close and exits by itself.
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'], detached: process.platform !== 'win32' },
  )
  const toBrowser = child.stdio[3] as Writable
  const fromBrowser = child.stdio[4] as Readable
  // A browser that could not start or has gone closes the pipe: that is reported by 'error'/'exit' below.
  toBrowser.on('error', () => undefined)
  fromBrowser.on('error', () => undefined)
  let stderr = ''
  child.stderr?.on('data', chunk => {
    if (stderr.length < 4000) stderr += String(chunk)
  })

  let nextId = 1
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void; method: string }>()
  const waiters: Array<{ method: string; sessionId?: string; resolve: Listener }> = []
  let exited: Error | undefined

  const failAll = (error: Error) => {
    exited = error
    for (const call of pending.values()) call.reject(error)
    pending.clear()
  }
  child.once('error', error => failAll(error))
  child.once('exit', (code, signal) =>
    failAll(new Error(`Chromium exited (${signal ?? code})${stderr ? `: ${stderr.split('\n')[0]}` : ''}`)),
  )

  let buffered: Buffer[] = []
  fromBrowser.on('data', (chunk: Buffer) => {
    let start = 0
    for (let end = chunk.indexOf(0); end >= 0; end = chunk.indexOf(0, start)) {
      buffered.push(chunk.subarray(start, end))
      const message = JSON.parse(Buffer.concat(buffered).toString('utf8')) as {
        id?: number
        method?: string
        params?: Record<string, unknown>
        sessionId?: string
        result?: unknown
        error?: { message: string }
      }
      buffered = []
      start = end + 1
      if (message.id !== undefined) {
        const call = pending.get(message.id)
        pending.delete(message.id)
        if (message.error) call?.reject(new Error(`${call.method}: ${message.error.message}`))
        else call?.resolve(message.result)
      } else if (message.method) {
        const index = waiters.findIndex(
          waiter =>
            waiter.method === message.method &&
            (waiter.sessionId === undefined || waiter.sessionId === message.sessionId),
        )
        if (index >= 0) waiters.splice(index, 1)[0]!.resolve(message.params ?? {}, message.sessionId)
      }
    }
    if (start < chunk.length) buffered.push(chunk.subarray(start))
  })

  const pipe: DevToolsPipe = {
    pid: child.pid,
    profile,
    send<T>(method: string, params: object = {}, sessionId?: string): Promise<T> {
      if (exited) return Promise.reject(exited)
      const id = nextId++
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject, method })
        toBrowser.write(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }) + '\0')
      })
    },
    once(method, sessionId) {
      return new Promise(resolve => waiters.push({ method, sessionId, resolve: params => resolve(params) }))
    },
    async close() {
      // Nothing of the throwaway profile is kept, so the browser is stopped rather than shut down (a graceful
      // Browser.close takes 0.3-0.5 s): its whole process group, so no helper is left writing into the profile.
      if (!exited) {
        const gone = new Promise<void>(resolve => child.once('exit', () => resolve()))
        try {
          process.kill(-child.pid!, 'SIGKILL')
        } catch {
          child.kill('SIGKILL')
        }
        await gone
      }
      removeProfile(profile)
    },
  }
  // The browser answers once it is up; a binary that is not a Chromium fails here, and leaves nothing behind.
  let timer: ReturnType<typeof setTimeout> | undefined
  try {
    await Promise.race([
      pipe.send('Browser.getVersion'),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('Chromium did not answer within 30 s')), 30_000)
      }),
    ])
    clearTimeout(timer)
  } catch (error) {
    clearTimeout(timer)
    await pipe.close()
    throw error
  }
  return pipe
}

/** Removes a throwaway profile; one that cannot be removed now is left to the sweep of the next launch. */
function removeProfile(profile: string): void {
  try {
    rmSync(profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 })
  } catch {
    // Never fails an export whose PDF is already written.
  }
}

/** Profiles of browsers that ended without their cleanup (a killed run) older than an hour are removed. */
function sweepProfiles(folder: string): void {
  try {
    for (const name of readdirSync(folder)) {
      if (!name.startsWith('wrs-chromium-')) continue
      const profile = path.join(folder, name)
      if (Date.now() - statSync(profile).mtimeMs > 3_600_000) removeProfile(profile)
    }
  } catch {
    // A folder that cannot be listed has nothing of ours to sweep.
  }
}
