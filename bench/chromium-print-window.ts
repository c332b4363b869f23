import { launchDevToolsPipe, type DevToolsPipe } from '../main/export/devtools-pipe'
import { findChromium } from '../main/export/find-chromium'
import type { PrintWindow } from '../main/export/window-printing'

/**
 * A stand-in for the app's hidden Electron print window (no Electron binary here): a page of a headless Chromium
 * over its DevTools pipe, with JavaScript off, behind the same PrintWindow interface, so the benchmark times the
 * app's own export path (main/export/window-printing.ts: a warm window, the document loaded as a data: URL).
 */
export async function chromiumPrintWindows(): Promise<{ make: () => PrintWindow; close(): Promise<void> }> {
  const executable = findChromium()
  if (!executable) throw new Error('Chromium is needed for the benchmark (WRS_CHROMIUM)')
  const pipe = await launchDevToolsPipe(executable, ['--no-sandbox', '--disable-gpu', '--hide-scrollbars'])
  return { make: () => pageWindow(pipe), close: () => pipe.close() }
}

function pageWindow(pipe: DevToolsPipe): PrintWindow {
  const session = (async () => {
    const { targetId } = await pipe.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' })
    const { sessionId } = await pipe.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true })
    await pipe.send('Page.enable', {}, sessionId)
    await pipe.send('Emulation.setScriptExecutionDisabled', { value: true }, sessionId)
    return { targetId, sessionId }
  })()
  return {
    async loadURL(url) {
      const { sessionId } = await session
      const loaded = pipe.once('Page.loadEventFired', sessionId)
      await pipe.send('Page.navigate', { url }, sessionId)
      await loaded
    },
    destroy() {
      void session.then(({ targetId }) => pipe.send('Target.closeTarget', { targetId })).catch(() => undefined)
    },
    webContents: {
      async printToPDF(options) {
        const { sessionId } = await session
        const { data } = await pipe.send<{ data: string }>(
          'Page.printToPDF',
          { ...options, marginTop: 0, marginBottom: 0, marginLeft: 0, marginRight: 0 },
          sessionId,
        )
        return Buffer.from(data, 'base64')
      },
      print() {
        throw new Error('the stand-in does not print with a dialog')
      },
    },
  }
}
