import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { invokeMethods } from '../../../core/ipc/api'
import type { LaunchedApp } from './launch-app'
import { launchApp } from './launch-app'

// “security checklist N”: the items of docs/security-checklist.md.

let launched: LaunchedApp

beforeAll(async () => {
  launched = await launchApp()
})
afterAll(async () => {
  await launched?.app.close()
})

describe('Electron shell security (security checklist 2, 3, 4, 13, 14, 18, 20)', () => {
  it('loads the renderer from app://bundle with contextIsolation and sandbox on', async () => {
    expect(launched.page.url()).toMatch(/^app:\/\/bundle\//)
    const prefs = await launched.app.evaluate(({ BrowserWindow }) => {
      // Internal but long-standing (used by Electron's own security docs); not in the typings.
      const contents = BrowserWindow.getAllWindows()[0]!.webContents as unknown as {
        getLastWebPreferences(): Record<string, unknown> | null
      }
      const preferences = contents.getLastWebPreferences()
      return {
        contextIsolation: preferences?.contextIsolation,
        sandbox: preferences?.sandbox,
        nodeIntegration: preferences?.nodeIntegration,
        webviewTag: preferences?.webviewTag,
      }
    })
    expect(prefs).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false })
  })

  it('exposes exactly window.api with the Api keys and no Node globals', async () => {
    const keys = await launched.page.evaluate(() => Object.keys((window as unknown as { api: object }).api).sort())
    expect(keys).toEqual([...invokeMethods, 'onEvent'].sort())
    expect(
      await launched.page.evaluate(
        () =>
          typeof (globalThis as { require?: unknown }).require + typeof (globalThis as { process?: unknown }).process,
      ),
    ).toBe('undefinedundefined')
  })

  it('refuses navigation away from the bundle', async () => {
    const before = launched.page.url()
    await launched.page.evaluate(() => {
      location.href = 'https://example.com/'
    })
    await launched.page.waitForTimeout(1000)
    expect(launched.page.url()).toBe(before)
  })

  it('refuses new windows', async () => {
    const opened = await launched.page.evaluate(() => window.open('https://example.com/') === null)
    expect(opened).toBe(true)
    expect(launched.app.windows()).toHaveLength(1)
  })

  it('does not run an injected inline script (CSP)', async () => {
    const ran = await launched.page.evaluate(async () => {
      const script = document.createElement('script')
      script.textContent = 'window.__inlineRan = true'
      document.body.append(script)
      await new Promise(resolve => setTimeout(resolve, 100))
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true
    })
    expect(ran).toBe(false)
  })
})
