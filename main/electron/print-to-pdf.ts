import type { BrowserWindowConstructorOptions } from 'electron'
import { BrowserWindow } from 'electron'
import { footnotePagesScript, hasFootnotes } from '../export/footnote-pages'
import { printHtmlUrl, runInWindow, windowPdfRenderer, type PrintWindow } from '../export/window-printing'
import type { PdfRenderer } from '../services/export-pdf-service'
import type { PdfPrinterDialog } from '../services/print-service'

export type { PrintWindow }

export type PrintWindowFactory = (options: BrowserWindowConstructorOptions) => PrintWindow

/** A hidden, sandboxed window with JavaScript off: the document has no script and its CSP allows no network. */
export const printWindowOptions: BrowserWindowConstructorOptions = {
  show: false,
  webPreferences: {
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    webSecurity: true,
    javascript: false,
    webviewTag: false,
    spellcheck: false,
    disableBlinkFeatures: 'Auxclick',
  },
}

// The hardening is repeated literally where the window is built: scanners (electronegativity) read only this literal.
const electronWindow: PrintWindowFactory = options =>
  new BrowserWindow({
    ...options,
    webPreferences: {
      ...options.webPreferences,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      javascript: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    },
  })

export interface ElectronPrinting {
  /**
   * PDF bytes of a print-HTML document via `webContents.printToPDF` (page size and margins from its CSS @page), in
   * a hidden window kept warm between exports (main/export/window-printing.ts).
   */
  printToPdf: PdfRenderer
  /** The system print dialog for a print-HTML document; false when the user cancels, an error when printing failed. */
  printWithDialog: PdfPrinterDialog
  /** Makes the export window now (once the app's window is up), so the first export does not wait for one. */
  warm(): Promise<void>
  /** Destroys the export window (the app quits). */
  dispose(): Promise<void>
}

/**
 * PDF export in a warm hidden window; printing with the dialog in a window that holds one print-HTML document (a
 * data: URL) and is destroyed after use.
 */
export function electronPrinting(createWindow: PrintWindowFactory = electronWindow): ElectronPrinting {
  async function withPrintWindow<T>(html: string, use: (window: PrintWindow) => Promise<T>): Promise<T> {
    const window = createWindow(printWindowOptions)
    try {
      await window.loadURL(printHtmlUrl(html))
      // Notes to the foot of their pages, as in the exported PDF (footnote-pages.ts); else they print after the body.
      if (hasFootnotes(html) && window.webContents.debugger)
        await runInWindow(window, footnotePagesScript).catch(() => window.loadURL(printHtmlUrl(html)))
      return await use(window)
    } finally {
      window.destroy()
    }
  }
  const exportWindow = windowPdfRenderer(() => createWindow(printWindowOptions))
  return {
    printToPdf: html => exportWindow(html),
    warm: () => exportWindow.warm(),
    dispose: () => exportWindow.dispose(),
    printWithDialog: html =>
      withPrintWindow(
        html,
        window =>
          new Promise<boolean>((resolve, reject) => {
            window.webContents.print({ silent: false, printBackground: true }, (success, failureReason) => {
              if (success) resolve(true)
              else if (!failureReason || failureReason === 'cancelled') resolve(false)
              else
                reject(
                  new Error(
                    `没有打印（${failureReason}）。请检查打印机是否连接并可用，然后重试；也可以先导出 PDF，再用 PDF 阅读器打印。`,
                  ),
                )
            })
          }),
      ),
  }
}
