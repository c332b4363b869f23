import { readFileSync, writeFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { findChromium } from '../main/export/find-chromium'

/**
 * One PDF print in a fresh process by one driver (bench/pdf-driver.bench.ts runs it): `pipe` (ours) or
 * `playwright` (playwright-core, as the CLI had it). Prints the phases as JSON on stdout.
 */
const [driver, htmlFile, pdfFile] = process.argv.slice(2) as ['pipe' | 'playwright', string, string]
const html = readFileSync(htmlFile, 'utf8')
const executablePath = findChromium()!
const phases: Record<string, number> = {}
let last = performance.now()
const lap = (name: string) => {
  const now = performance.now()
  phases[name] = now - last
  last = now
}

if (driver === 'pipe') {
  const { launchPdfPrinter } = await import('../main/export/pdf-printer')
  lap('load driver')
  const printer = await launchPdfPrinter(executablePath)
  lap('start browser and page')
  writeFileSync(pdfFile, await printer.print(html))
  lap('print')
  await printer.close()
  lap('close')
} else {
  const { chromium } = await import('playwright-core')
  lap('load driver')
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-extensions',
    ],
  })
  const context = await browser.newContext({ javaScriptEnabled: false, offline: true })
  const page = await context.newPage()
  lap('start browser and page')
  await page.setContent(html, { waitUntil: 'load' })
  writeFileSync(
    pdfFile,
    await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: true }),
  )
  lap('print')
  await browser.close()
  lap('close')
}
console.log(JSON.stringify(phases))
