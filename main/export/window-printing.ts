import { fixA4MediaBox } from './fix-a4-media-box'
import { warmPdfRenderer, type PrintSurface, type WarmPdfRenderer } from './warm-pdf-renderer'

/** The part of an Electron BrowserWindow that printing uses (tests pass a fake, the benchmark a Chromium page). */
export interface PrintWindow {
  loadURL(url: string): Promise<void>
  destroy(): void
  webContents: {
    printToPDF(options: {
      preferCSSPageSize: boolean
      printBackground: boolean
      generateTaggedPDF: boolean
      generateDocumentOutline: boolean
    }): Promise<Uint8Array>
    /** Electron's DevTools client of the window (runs a script although the page's JavaScript is off). */
    debugger?: {
      isAttached(): boolean
      attach(protocolVersion?: string): void
      sendCommand(method: string, params?: object): Promise<unknown>
    }
    print(
      options: { silent: boolean; printBackground: boolean },
      callback: (success: boolean, failureReason: string) => void,
    ): void
  }
}

/** Makes a hidden print window (main/electron/print-to-pdf.ts passes Electron's BrowserWindow with its options). */
export type MakePrintWindow = () => PrintWindow

/** A print-HTML document as the URL a window loads (the document has no script and its CSP allows no network). */
export const printHtmlUrl = (html: string): string =>
  `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`

/** Runs a script in the window's document over its DevTools client (footnote-pages.ts), as the CLI's pipe does. */
export async function runInWindow(window: PrintWindow, script: string): Promise<unknown> {
  const client = window.webContents.debugger!
  if (!client.isAttached()) client.attach('1.3')
  const { result, exceptionDetails } = (await client.sendCommand('Runtime.evaluate', {
    expression: script,
    awaitPromise: true,
    returnByValue: true,
  })) as { result: { value?: unknown }; exceptionDetails?: { text: string; exception?: { description?: string } } }
  if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text)
  return result.value
}

/** A window as a print surface: each document is loaded into it, replacing the one before. */
function windowSurface(makeWindow: MakePrintWindow): PrintSurface {
  const window = makeWindow()
  return {
    load: html => window.loadURL(printHtmlUrl(html)),
    run: window.webContents.debugger ? script => runInWindow(window, script) : undefined,
    async printToPdf() {
      const data = await window.webContents.printToPDF({
        preferCSSPageSize: true,
        printBackground: true,
        generateTaggedPDF: true,
        generateDocumentOutline: true,
      })
      return fixA4MediaBox(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
    },
    destroy: () => window.destroy(),
  }
}

/**
 * PDF export and preview through one hidden window kept warm between exports (warm-pdf-renderer.ts: made again after
 * a failed print, destroyed after five idle minutes): an export costs loading the document and printing it, not
 * a window and its renderer process starting. `warm()` makes the window before the first export.
 */
export function windowPdfRenderer(makeWindow: MakePrintWindow): WarmPdfRenderer {
  return warmPdfRenderer(() => windowSurface(makeWindow))
}
