import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { buildDocx } from '../core/export/docx/build-docx'
import { buildPrintHtml } from '../core/export/print-html/build-print-html'
import { planFonts } from '../core/export/print-html/font-plan'
import { countPdfPages } from '../main/export/count-pdf-pages'
import { installedFontFamilies } from '../main/export/installed-fonts'
import { launchPdfPrinter } from '../main/export/pdf-printer'
import { convertDocxToPdf } from '../test/integration/docx-libreoffice'
import { generateReport } from './generate-report'

const BUDGET_MS = 3000

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/** One PDF export as the CLI does it: fonts plan, print HTML, browser start, print, browser close. */
async function exportOnce(report: ReturnType<typeof generateReport>): Promise<{ ms: number; pdf: Uint8Array }> {
  const start = performance.now()
  const html = buildPrintHtml(report, { draftLabel: null, fonts: planFonts(await installedFontFamilies()) })
  const printer = await launchPdfPrinter()
  try {
    const pdf = await printer.print(html)
    return { ms: performance.now() - start, pdf }
  } finally {
    await printer.close()
  }
}

async function main(): Promise<void> {
  const report = generateReport(100)
  const work = mkdtempSync(path.join(os.tmpdir(), 'wrs-bench-pdf-'))
  try {
    await exportOnce(report)
    const runs: number[] = []
    let pdf: Uint8Array = new Uint8Array()
    for (let run = 0; run < 3; run++) {
      const result = await exportOnce(report)
      runs.push(result.ms)
      pdf = result.pdf
    }
    const docxPath = path.join(work, 'report.docx')
    writeFileSync(docxPath, await buildDocx(report, { draftLabel: null }))
    const loStart = performance.now()
    const loPdf = await convertDocxToPdf(docxPath)
    const loMs = performance.now() - loStart
    const loPages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [loPdf], { encoding: 'utf8' }))?.[1])
    rmSync(path.dirname(path.dirname(loPdf)), { recursive: true, force: true })

    const ours = median(runs)
    console.log(
      `PDF export, generated 100-page report (${countPdfPages(pdf)} PDF pages, ${(pdf.byteLength / 1024).toFixed(0)} KB)`,
    )
    console.log(
      `  Chromium (playwright-core)  median ${ours.toFixed(0)} ms over ${runs.length} runs, browser start included (budget ≤ ${BUDGET_MS} ms)`,
    )
    console.log(
      `  LibreOffice DOCX → PDF      ${loMs.toFixed(0)} ms, one run, process start included (${loPages} pages)`,
    )
    console.log(`  ratio LibreOffice / ours    ${(loMs / ours).toFixed(1)}×`)
    console.log(
      `  load average ${os
        .loadavg()
        .map(value => value.toFixed(2))
        .join(' ')} on ${os.cpus().length} CPUs`,
    )
    const ok = ours <= BUDGET_MS
    console.log(ok ? '  PASS: within budget' : '  FAIL: over budget')
    if (!ok) process.exitCode = 1
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

void main()
