import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { paragraph } from '../../core/document-model'
import { buildDocx } from '../../core/export/docx/build-docx'
import type { ReportFile } from '../../core/report-file'
import { launchPdfPrinter, type PdfPrinter } from '../../main/export/pdf-printer'
import { renderReportPdf } from '../../main/services/export-pdf-service'
import { generateReport } from '../../bench/generate-report'
import { parityReports } from '../fixtures/parity-reports'
import { asWordReadsLineRules, convertDocxToPdf } from './docx-libreoffice'
import { pageText, pdfInfo } from './helpers/pdf-tools'
import { differingLines, pageLines, pageParity, type PageParity } from './helpers/page-parity'

const directory = mkdtempSync(path.join(os.tmpdir(), 'wrs-pdf-parity-'))
let printer: PdfPrinter
beforeAll(async () => {
  printer = await launchPdfPrinter()
}, 60_000)
afterAll(async () => {
  await printer?.close()
  rmSync(directory, { recursive: true, force: true })
})

let renderCount = 0

interface Renderings {
  pdf: string
  libreOffice: string
  parity: PageParity
  detail: string
}

/** Our PDF and LibreOffice's rendering of our DOCX (its line switches read as Word reads them), compared page by page. */
async function render(name: string, report: ReportFile): Promise<Renderings> {
  const file = `report-${renderCount++}`
  const pdf = path.join(directory, `${file}.pdf`)
  const rendered = await renderReportPdf(report, null, html => printer.print(html))
  writeFileSync(pdf, rendered.pdf)
  const docx = path.join(directory, `${file}.docx`)
  writeFileSync(docx, asWordReadsLineRules(await buildDocx(report, { draftLabel: null })))
  const libreOffice = await convertDocxToPdf(docx)
  const a = pageLines(pdf)
  const b = pageLines(libreOffice)
  const parity = pageParity(a, b)
  const figures = `${parity.pages[0]} pages (LibreOffice ${parity.pages[1]}), page starts ${(parity.pageStarts * 100).toFixed(1)} %, lines ${(parity.lines * 100).toFixed(1)} %`
  console.log(`${name}: ${figures}`)
  return { pdf, libreOffice, parity, detail: `${figures}\n${differingLines(a, b).join('\n')}` }
}

describe('PDF and DOCX paginate alike (issue 12)', () => {
  // The 95 %, except the 人大 seed report's lines (93.5 % today): LibreOffice sets one line with digits
  // a little wider than Chromium and moves two characters of one paragraph end to the next line; after an ASCII
  // comma it sets “ ” in the Latin face (it ignores w:hint), and Chromium will not break between ” and “.
  // Without asWordReadsLineRules (the DOCX as shipped, LibreOffice 7.4) lines agree 72.8 / 88.5 / 56.2 / 49.5 %
  // (人大 / 政协 / 政府 / 总结): LibreOffice hangs ，。 past the margin (w:overflowPunct read inverted; val="1"
  // alone would give 82.6 / 89.7 / 94.9 / 92.9 %, but Word would then hang them) and spaces 汉字 from digits.
  const floors: Record<string, { starts: number; lines: number }> = {
    '人大 (seed)': { starts: 0.95, lines: 0.93 },
    '政协 (seed)': { starts: 0.95, lines: 0.95 },
    '政府 (filled)': { starts: 0.95, lines: 0.95 },
    '总结 (filled)': { starts: 0.95, lines: 0.95 },
  }
  for (const { name, report } of parityReports()) {
    it(`${name}: same page count, page starts and lines as LibreOffice's rendering of the DOCX`, async () => {
      const { parity, detail } = await render(name, report)
      expect(parity.pages[0], detail).toBe(parity.pages[1])
      expect(parity.pageStarts, detail).toBeGreaterThanOrEqual(floors[name]!.starts)
      expect(parity.lines, detail).toBeGreaterThanOrEqual(floors[name]!.lines)
    }, 240_000)
  }

  it('gives the generated 100-page report the same page count as its DOCX rendered by LibreOffice', async () => {
    const { pdf, parity, detail } = await render('generated 100-page report', generateReport(100))
    const pages = pdfInfo(pdf).pages
    expect(pages).toBeGreaterThan(100)
    expect(parity.pages[0], detail).toBe(parity.pages[1])
    expect(parity.pageStarts, detail).toBeGreaterThanOrEqual(0.95)
    expect(parity.lines, detail).toBeGreaterThanOrEqual(0.95)
    // The last page carries its own number: the count above is the real page count.
    expect(pageText(pdf, pages)).toMatch(new RegExp(`—\\s*${pages}\\s*—`))
  }, 300_000)

  it('never splits —— or …… across lines in the PDF or in LibreOffice, wherever they fall on the line', async () => {
    // Each run shifted one character at a time so that it falls across the end of a line somewhere.
    const prefix = (length: number): string => '推进改革发展'.repeat(6).slice(0, length)
    const lines = Array.from({ length: 10 }, (_, shift) => [
      paragraph(`${prefix(20 + shift)}——完善体制机制，持续推进各项工作，取得新成效。`),
      paragraph(`${prefix(20 + shift)}……一件接着一件办，一年接着一年干，取得新成效。`),
    ]).flat()
    const base = parityReports()[2]!.report
    const report = { ...base, doc: { ...base.doc, content: [...(base.doc.content ?? []).slice(0, 4), ...lines] } }
    const { libreOffice, pdf } = await render('—— and …… stress text', report)
    const splits = (file: string): string[] =>
      pageLines(file)
        .flat()
        .filter(line => /(^|[^—])—$|(^|[^…])…$|^—[^—]|^…[^…]/.test(line))
    const atLineEnds = (file: string): number =>
      pageLines(file)
        .flat()
        .filter(line => /^(——|……)|(——|……)$/.test(line)).length
    expect(splits(pdf), pageLines(pdf).flat().join('\n')).toEqual([])
    // The DOCX puts —— and …… in en-US runs (docx-runs.ts), which LibreOffice breaks by the Unicode rules.
    expect(splits(libreOffice), pageLines(libreOffice).flat().join('\n')).toEqual([])
    // The stress text does put them at line ends and starts: the test can fail.
    expect(atLineEnds(libreOffice)).toBeGreaterThan(0)
  }, 240_000)
})
