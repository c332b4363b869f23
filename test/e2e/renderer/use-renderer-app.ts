import type { Browser, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest'
import {
  createReport,
  ensureRendererBuilt,
  launchChromium,
  newAppPage,
  startHostProcess,
  type HostProcess,
} from './renderer-harness'

export interface RendererApp {
  browser: Browser
  host: HostProcess
  /** Only with `template`: the app page showing a new report from that template. */
  page: Page
}

export interface RendererAppOptions {
  /** 'test' (default): a fresh host, with its own user data folder, for every test; 'file': one host for the file. */
  hostPer?: 'test' | 'file'
  /** Open an app page and create a report from this template along with each host. */
  template?: string
}

/**
 * The hooks every renderer e2e file needs: the renderer built and Chromium launched once per file, a
 * loopback host per test (or per file), optionally an app page with a new report, all closed afterwards.
 * `opened` receives them whenever they change, before the tests and hooks registered after this call.
 */
export function useRendererApp(options: RendererAppOptions, opened: (app: RendererApp) => void): void {
  const app = {} as RendererApp
  const open = async (): Promise<void> => {
    app.host = await startHostProcess()
    if (options.template) {
      app.page = await newAppPage(app.browser, app.host.url)
      await createReport(app.page, options.template)
    }
    opened(app)
  }
  const close = async (): Promise<void> => {
    await app.page?.close()
    await app.host?.stop()
  }
  beforeAll(async () => {
    ensureRendererBuilt()
    app.browser = await launchChromium()
    opened(app)
    if (options.hostPer === 'file') await open()
  })
  afterAll(async () => {
    if (options.hostPer === 'file') await close()
    await app.browser?.close()
  })
  if (options.hostPer !== 'file') {
    beforeEach(open)
    afterEach(close)
  }
}

/** POSTs JSON to a test-host route (menu commands, dialog answers, clipboard…) and expects it accepted. */
export async function postToHost(url: string, route: string, body?: unknown): Promise<void> {
  const init: RequestInit =
    body === undefined
      ? { method: 'POST' }
      : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }
  const response = await fetch(new URL(route, url), init)
  expect(response.ok).toBe(true)
}
