/**
 * Loopback test host: the built renderer in Chromium against the REAL main-side services.
 *
 * Usage (renderer e2e tests):
 *   npx electron-vite build            # or: npx vite build … → out/renderer
 *   const host = await startTestHost() // in-process, or spawn start-host.ts (see there) to SIGKILL it
 *   await page.goto(host.url)          // window.api is defined by /test/api-shim.js before the app runs
 *
 * Routes (127.0.0.1, random port):
 *   GET  /…                    files of out/renderer (index.html gets <script src="/test/api-shim.js">), with the app's CSP header
 *   POST /api/<method>         body = JSON array of arguments → { result } (arguments validated with core/ipc apiArgs, like handle())
 *   GET  /test/events          server-sent events carrying AppEvent JSON (window.api.onEvent listens here)
 *   POST /test/menu/<command>  emits { type: 'menu', command } (MenuCommand), as the app menu would
 *   POST /test/event           emits the AppEvent in the body (e.g. { type: 'open-file', path })
 *   POST /test/dialogs         queues scripted native dialog answers { open?: [path|null], openMany?: [[path…]|null], save?: [path|null], confirmClose?: ['save'|'discard'|'cancel'] }
 *   GET  /test/dialogs         dialogs shown so far [{ kind, options, answer }]; DELETE resets the queue and log
 *   POST /test/close           runs the app's close flow (main/services/close-flow.ts) → { decision: 'close'|'cancel'|'save-then-close', close: boolean };
 *                              after 保存 it emits the menu 'save' event and answers once the page's saveReport finished
 *   GET  /test/state           { userDataDir, documents: DocumentState[], window: WindowState | null, desktop: [{ how, path }] }
 *                              (desktop: files the page asked to open or show in their folder; the desktop is faked)
 * The user data folder is a temp dir unless given; native dialogs are the only substitution.
 */
import { promises as fs } from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type { AppEvent, MenuCommand } from '../../../core/ipc/api'
import { apiArgs, invokeMethods } from '../../../core/ipc/api'
import { contentSecurityPolicy } from '../../../main/content-security-policy'
import { mimeTypeOf, resolveBundlePath } from '../../../main/resolve-bundle-path'
import { runCloseFlow } from '../../../main/services/close-flow'
import type { Services } from '../../../main/services/create-services'
import { createServices } from '../../../main/services/create-services'
import { apiShimSource } from './api-shim'
import { ScriptedDialogs } from './scripted-dialogs'

export interface TestHostOptions {
  /** Built renderer folder (default: <repo>/out/renderer). */
  rendererDir?: string
  /** User data folder (default: a fresh temp dir, kept so a restarted host can reuse it). */
  userDataDir?: string
  port?: number
}

export interface TestHost {
  url: string
  userDataDir: string
  services: Services
  dialogs: ScriptedDialogs
  emit(event: AppEvent): void
  close(): Promise<void>
}

function encodeBytes(value: unknown): unknown {
  if (value instanceof Uint8Array) return { __wrsBytes: Buffer.from(value).toString('base64') }
  if (Array.isArray(value)) return value.map(encodeBytes)
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, encodeBytes(inner)]))
  return value
}

async function readBody(request: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  const text = Buffer.concat(chunks).toString('utf8')
  return text ? JSON.parse(text) : undefined
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  response.end(JSON.stringify(body))
}

export async function startTestHost(options: TestHostOptions = {}): Promise<TestHost> {
  const rendererDir = path.resolve(options.rendererDir ?? path.join(process.cwd(), 'out', 'renderer'))
  const userDataDir = options.userDataDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'wrs-host-')))
  await fs.mkdir(userDataDir, { recursive: true })
  const dialogs = new ScriptedDialogs()
  // The desktop is faked: what the page asked to open is recorded (GET /test/state) instead of opened.
  const desktopCalls: Array<{ how: 'file' | 'folder'; path: string }> = []
  const services = createServices({
    userDataDir,
    dialogs,
    desktop: {
      openPath: async filePath => {
        desktopCalls.push({ how: 'file', path: filePath })
        return ''
      },
      showItemInFolder: filePath => void desktopCalls.push({ how: 'folder', path: filePath }),
    },
  })
  await services.sweepTempFiles()
  const subscribers = new Set<http.ServerResponse>()
  const shim = apiShimSource()

  const emit = (event: AppEvent): void => {
    for (const subscriber of subscribers) subscriber.write(`data: ${JSON.stringify(event)}\n\n`)
  }

  async function serveFile(pathname: string, response: http.ServerResponse): Promise<void> {
    const file = resolveBundlePath(rendererDir, pathname)
    if (!file) return sendJson(response, 404, { error: 'not found' })
    let body: Buffer
    try {
      body = await fs.readFile(file)
    } catch {
      return sendJson(response, 404, { error: 'not found' })
    }
    if (path.basename(file) === 'index.html' && path.dirname(file) === rendererDir) {
      const html = body.toString('utf8')
      const tag = '<script src="/test/api-shim.js"></script>'
      body = Buffer.from(
        html.includes('</title>')
          ? html.replace('</title>', `</title>\n    ${tag}`)
          : html.replace('<head>', `<head>\n    ${tag}`),
      )
    }
    response.writeHead(200, {
      'content-type': mimeTypeOf(file),
      'content-security-policy': contentSecurityPolicy,
      'cache-control': 'no-store',
    })
    response.end(body)
  }

  async function route(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const { pathname } = url
    const method = request.method ?? 'GET'

    if (method === 'POST' && pathname.startsWith('/api/')) {
      const name = pathname.slice('/api/'.length)
      if (!(invokeMethods as string[]).includes(name))
        return sendJson(response, 404, { error: `unknown method ${name}` })
      const parsed = apiArgs[name as keyof typeof apiArgs].safeParse(await readBody(request))
      if (!parsed.success)
        return sendJson(response, 400, { error: `invalid arguments for ${name}: ${parsed.error.message}` })
      const implementation = services[name as keyof typeof apiArgs] as (...args: unknown[]) => Promise<unknown>
      const result = await implementation(...(parsed.data as unknown[]))
      return sendJson(response, 200, { result: encodeBytes(result) ?? null })
    }
    if (method === 'GET' && pathname === '/test/api-shim.js') {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' })
      return void response.end(shim)
    }
    if (method === 'GET' && pathname === '/test/events') {
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      })
      response.write(': connected\n\n')
      subscribers.add(response)
      request.on('close', () => subscribers.delete(response))
      return
    }
    if (method === 'POST' && pathname.startsWith('/test/menu/')) {
      emit({ type: 'menu', command: pathname.slice('/test/menu/'.length) as MenuCommand })
      return sendJson(response, 200, { listeners: subscribers.size })
    }
    if (method === 'POST' && pathname === '/test/event') {
      emit((await readBody(request)) as AppEvent)
      return sendJson(response, 200, { listeners: subscribers.size })
    }
    if (pathname === '/test/dialogs') {
      if (method === 'POST')
        dialogs.enqueue(((await readBody(request)) ?? {}) as Parameters<ScriptedDialogs['enqueue']>[0])
      if (method === 'DELETE') dialogs.reset()
      return sendJson(response, 200, dialogs.shown)
    }
    if (method === 'POST' && pathname === '/test/close') {
      // Answers when the flow ends: after 保存 that is once the page has saved (or cancelled its save).
      return sendJson(
        response,
        200,
        await runCloseFlow(services, dialogs, () => emit({ type: 'menu', command: 'save' })),
      )
    }
    if (method === 'GET' && pathname === '/test/state') {
      return sendJson(response, 200, {
        userDataDir,
        documents: services.documentStates(),
        window: services.windowState(),
        desktop: desktopCalls,
      })
    }
    if (method === 'GET' || method === 'HEAD') return serveFile(pathname, response)
    return sendJson(response, 405, { error: 'method not allowed' })
  }

  const server = http.createServer((request, response) => {
    route(request, response).catch(error => {
      if (!response.headersSent)
        sendJson(response, 500, { error: error instanceof Error ? (error.stack ?? error.message) : String(error) })
      else response.end()
    })
  })
  await new Promise<void>(resolve => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}/`,
    userDataDir,
    services,
    dialogs,
    emit,
    async close() {
      for (const subscriber of subscribers) subscriber.end()
      server.closeAllConnections()
      await new Promise<void>(resolve => server.close(() => resolve()))
    },
  }
}
