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
  // Pages printing side by side in a batch are all "visible": none is slowed down as a background tab.
  '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
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

/**
 * A page of the browser with JavaScript off, as a print surface: its document is replaced for each print. Each page
 * has a browser context of its own, so pages that print side by side run in renderer processes of their own.
 */
async function openPrintPage(pipe: DevToolsPipe): Promise<PrintSurface> {
  const { browserContextId } = await pipe.send<{ browserContextId: string }>('Target.createBrowserContext')
  const { targetId } = await pipe.send<{ targetId: string }>('Target.createTarget', {
    url: 'about:blank',
    browserContextId,
  })
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
    async run(script) {
      const { result, exceptionDetails } = await pipe.send<{
        result: { value?: unknown }
        exceptionDetails?: { text: string; exception?: { description?: string } }
      }>('Runtime.evaluate', { expression: script, awaitPromise: true, returnByValue: true }, sessionId)
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text)
      return result.value
    },
    async printToPdf() {
      const { data } = await pipe.send<{ data: string }>('Page.printToPDF', printParameters, sessionId)
      const pdf = Buffer.from(data, 'base64')
      return fixA4MediaBox(new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength))
    },
    destroy() {
      void pipe.send('Target.disposeBrowserContext', { browserContextId }).catch(() => undefined)
    },
  }
}

/**
 * A headless Chromium driven over its DevTools pipe (CLI, tests, loopback host): measured 0.3–1 s faster per
 * export than playwright-core, which the CLI had to load (3.6 MB) before starting the browser
 * (bench/pdf-driver.bench.ts). One browser serves many prints; each of its `pages` (default 1) prints one document
 * at a time (warm-pdf-renderer.ts, the same warm page the app can keep with its print window), and a print goes to
 * the page with the fewest waiting, so a batch on a machine with several cores prints several reports at once.
 */
export async function launchPdfPrinter(
  executablePath: string | undefined = findChromium(),
  options: { pages?: number } = {},
): Promise<PdfPrinter> {
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
  // The page made with the browser serves the first page's first print; the others are made when first needed,
  // and any page again after a failed print.
  let handedOut = false
  const pages = Array.from({ length: Math.max(1, options.pages ?? 1) }, (_, index) => ({
    waiting: 0,
    render: warmPdfRenderer(() => (index === 0 && !handedOut ? ((handedOut = true), first) : openPrintPage(pipe))),
  }))
  return {
    async print(html) {
      const page = pages.reduce((best, candidate) => (candidate.waiting < best.waiting ? candidate : best))
      page.waiting++
      try {
        return await page.render(html)
      } finally {
        page.waiting--
      }
    },
    async close() {
      await Promise.all(pages.map(page => page.render.dispose()))
      await pipe.close()
    },
  }
}
