import type { Browser } from 'playwright-core'
import { fixA4MediaBox } from './fix-a4-media-box'
import { chromiumMissingMessage, findChromium } from './find-chromium'

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
  '--no-first-run',
  '--disable-extensions',
]

/**
 * A headless Chromium driven by playwright-core (CLI, tests, loopback host). One browser serves
 * many prints; each print gets a fresh page with JavaScript off, offline (the document's own CSP allows no fetch at all).
 */
export async function launchPdfPrinter(executablePath: string | undefined = findChromium()): Promise<PdfPrinter> {
  if (!executablePath) throw new ChromiumMissingError()
  const { chromium } = await import('playwright-core')
  let browser: Browser
  try {
    browser = await chromium.launch({ executablePath, args: launchArgs })
  } catch (error) {
    throw new Error(
      `无法启动 Chromium（${executablePath}）：${error instanceof Error ? error.message.split('\n')[0] : String(error)}。请确认浏览器能正常运行，或用环境变量 WRS_CHROMIUM 指定另一个浏览器。`,
    )
  }
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true })
  return {
    async print(html) {
      const page = await context.newPage()
      try {
        await page.setContent(html, { waitUntil: 'load' })
        const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true })
        return fixA4MediaBox(new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength))
      } finally {
        await page.close()
      }
    },
    async close() {
      await browser.close()
    },
  }
}
