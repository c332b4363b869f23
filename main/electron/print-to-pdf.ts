import { BrowserWindow } from 'electron'
import { fixA4MediaBox } from '../export/fix-a4-media-box'

/**
 * A hidden, sandboxed window with JavaScript off that holds one print-HTML document (a data: URL;
 * the document has no script and its CSP allows no network). Destroyed after use.
 */
async function withPrintWindow<T>(html: string, use: (window: BrowserWindow) => Promise<T>): Promise<T> {
  const window = new BrowserWindow({
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
  })
  try {
    await window.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`)
    return await use(window)
  } finally {
    window.destroy()
  }
}

/** PDF bytes of a print-HTML document via `webContents.printToPDF` (page size and margins from its CSS @page). */
export function printToPdf(html: string): Promise<Uint8Array> {
  return withPrintWindow(html, async window => {
    const data = await window.webContents.printToPDF({
      preferCSSPageSize: true,
      printBackground: true,
      generateTaggedPDF: true,
      generateDocumentOutline: true,
    })
    return fixA4MediaBox(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
  })
}

/** The system print dialog for a print-HTML document; resolves false when the user cancels. */
export function printWithDialog(html: string): Promise<boolean> {
  return withPrintWindow(
    html,
    window =>
      new Promise<boolean>(resolve => {
        window.webContents.print({ silent: false, printBackground: true }, success => resolve(success))
      }),
  )
}
