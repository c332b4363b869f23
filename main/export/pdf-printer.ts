import { launchDevToolsPipe, type DevToolsPipe } from './devtools-pipe'
import { fixA4MediaBox } from './fix-a4-media-box'
import { chromiumMissingMessage, findChromium } from './find-chromium'
import { warmPdfRenderer, type PrintSurface } from './warm-pdf-renderer'

/** Turns a print-HTML document into PDF bytes. */
export interface PdfPrinter {
  print(html: string): Promise<Uint8Array>
  close(): Promise<void>
}

export class ChromiumMissingError extends Error {
  readonly code = 'chromium-missing'
  constructor() {
    super(chromiumMissingMessage)
  }
}

const launchArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-default-apps',
  '--no-first-run',
  '--no-default-browser-check',
  '--mute-audio',
  '--hide-scrollbars',
  '--force-color-profile=srgb',
  // Offline: no name resolves (the print document's CSP already allows no fetch at all).
  '--host-resolver-rules=MAP * ~NOTFOUND',
]

/** Page.printToPDF as playwright's page.pdf sends it: paper and margins from the document's CSS @page. */
const printParameters = {
  landscape: false,
  displayHeaderFooter: false,
  printBackground: true,
  scale: 1,
  paperWidth: 8.5,
  paperHeight: 11,
  marginTop: 0,
  marginBottom: 0,
  marginLeft: 0,
  marginRight: 0,
  pageRanges: '',
  preferCSSPageSize: true,
  generateTaggedPDF: true,
  generateDocumentOutline: true,
}

/** A page of the browser with JavaScript off, as a print surface: its document is replaced for each print. */
async function openPrintPage(pipe: DevToolsPipe): Promise<PrintSurface> {
  const { targetId } = await pipe.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank' })
  const { sessionId } = await pipe.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true })
  await Promise.all([
    pipe.send('Page.enable', {}, sessionId),
    pipe.send('Emulation.setScriptExecutionDisabled', { value: true }, sessionId),
  ])
  const { frameTree } = await pipe.send<{ frameTree: { frame: { id: string } } }>('Page.getFrameTree', {}, sessionId)
  return {
    async load(html) {
      const loaded = pipe.once('Page.loadEventFired', sessionId)
      await pipe.send('Page.setDocumentContent', { frameId: frameTree.frame.id, html }, sessionId)
      await loaded
    },
    async printToPdf() {
      const { data } = await pipe.send<{ data: string }>('Page.printToPDF', printParameters, sessionId)
      const pdf = Buffer.from(data, 'base64')
      return fixA4MediaBox(new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength))
    },
    destroy() {
      void pipe.send('Target.closeTarget', { targetId }).catch(() => undefined)
    },
  }
}

/**
 * A headless Chromium driven over its DevTools pipe (CLI, tests, loopback host): measured 0.3–1 s faster per
 * export than playwright-core, which the CLI had to load (3.6 MB) before starting the browser
 * (bench/pdf-driver.bench.ts). One browser and one page serve many prints, one at a time (warm-pdf-renderer.ts,
 * the same warm page the app can keep with its print window).
 */
export async function launchPdfPrinter(executablePath: string | undefined = findChromium()): Promise<PdfPrinter> {
  if (!executablePath) throw new ChromiumMissingError()
  let pipe: DevToolsPipe
  try {
    pipe = await launchDevToolsPipe(executablePath, launchArgs)
  } catch (error) {
    throw new Error(
      `无法启动 Chromium（${executablePath}）：${error instanceof Error ? error.message.split('\n')[0] : String(error)}。请确认浏览器能正常运行，或用环境变量 WRS_CHROMIUM 指定另一个浏览器。`,
    )
  }
  let first: PrintSurface
  try {
    first = await openPrintPage(pipe)
  } catch (error) {
    await pipe.close()
    throw error
  }
  // The page made with the browser serves the first print; another is made only after a failed print.
  let handedOut = false
  const render = warmPdfRenderer(() => (handedOut ? openPrintPage(pipe) : ((handedOut = true), first)))
  return {
    print: render,
    async close() {
      await render.dispose()
      await pipe.close()
    },
  }
}
