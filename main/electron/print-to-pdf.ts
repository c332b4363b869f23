import type { BrowserWindowConstructorOptions, WebContentsPrintOptions } from 'electron'
import { BrowserWindow } from 'electron'
import { fixA4MediaBox } from '../export/fix-a4-media-box'
import type { PdfRenderer } from '../services/export-pdf-service'
import type { PdfPrinterDialog } from '../services/print-service'

/** The part of a BrowserWindow that printing uses (tests pass a fake). */
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
    print(options: WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void
  }
}

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
  /** PDF bytes of a print-HTML document via `webContents.printToPDF` (page size and margins from its CSS @page). */
  printToPdf: PdfRenderer
  /** The system print dialog for a print-HTML document; false when the user cancels, an error when printing failed. */
  printWithDialog: PdfPrinterDialog
}

/** PDF export and printing in a hidden window that holds one print-HTML document (a data: URL) and is destroyed after use. */
export function electronPrinting(createWindow: PrintWindowFactory = electronWindow): ElectronPrinting {
  async function withPrintWindow<T>(html: string, use: (window: PrintWindow) => Promise<T>): Promise<T> {
    const window = createWindow(printWindowOptions)
    try {
      await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`)
      return await use(window)
    } finally {
      window.destroy()
    }
  }
  return {
    printToPdf: html =>
      withPrintWindow(html, async window => {
        const data = await window.webContents.printToPDF({
          preferCSSPageSize: true,
          printBackground: true,
          generateTaggedPDF: true,
          generateDocumentOutline: true,
        })
        return fixA4MediaBox(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
      }),
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
