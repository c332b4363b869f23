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
import { asWordSpacesScripts, convertDocxToPdf } from './docx-libreoffice'
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

interface Rendering {
  libreOffice: string
  parity: PageParity
  detail: string
}

interface Renderings {
  pdf: string
  /** LibreOffice's rendering of the DOCX as shipped. */
  shipped: Rendering
  /** LibreOffice's rendering of the DOCX with 汉字 and digits spaced as Word spaces them (asWordSpacesScripts). */
  asWord: Rendering
}

/** Our PDF and LibreOffice's renderings of our DOCX, as shipped and as Word spaces scripts, compared page by page. */
async function render(name: string, report: ReportFile): Promise<Renderings> {
  const file = `report-${renderCount++}`
  const pdf = path.join(directory, `${file}.pdf`)
  const rendered = await renderReportPdf(report, null, html => printer.print(html))
  writeFileSync(pdf, rendered.pdf)
  const a = pageLines(pdf)
  const docx = await buildDocx(report, { draftLabel: null })
  const compare = async (variant: string, bytes: Uint8Array): Promise<Rendering> => {
    const docxPath = path.join(directory, `${file}-${variant.replaceAll(' ', '-')}.docx`)
    writeFileSync(docxPath, bytes)
    const libreOffice = await convertDocxToPdf(docxPath)
    const b = pageLines(libreOffice)
    const parity = pageParity(a, b)
    const figures = `${parity.pages[0]} pages (LibreOffice ${parity.pages[1]}), page starts ${(parity.pageStarts * 100).toFixed(1)} %, lines ${(parity.lines * 100).toFixed(1)} %`
    console.log(`${name}, ${variant}: ${figures}`)
    return { libreOffice, parity, detail: `${variant}: ${figures}\n${differingLines(a, b).join('\n')}` }
  }
  const [shipped, asWord] = await Promise.all([
    compare('as shipped', docx),
    compare('as Word spaces scripts', asWordSpacesScripts(docx)),
  ])
  return { pdf, shipped, asWord }
}

function expectParity(rendering: Rendering, floor: { starts: number; lines: number }): void {
  const { parity, detail } = rendering
  expect(parity.pages[0], detail).toBe(parity.pages[1])
  expect(parity.pageStarts, detail).toBeGreaterThanOrEqual(floor.starts)
  expect(parity.lines, detail).toBeGreaterThanOrEqual(floor.lines)
}

interface Floor {
  starts: number
  lines: number
}

describe('PDF and DOCX paginate alike (issue 12)', () => {
  // As shipped, LibreOffice 7.4 reaches 82.6 / 89.7 / 94.9 / 92.9 % of lines (人大 / 政协 / 政府 / 总结; 72.8 / 88.5 /
  // 56.2 / 49.5 % before docs/layout.md §A.9 gave it its own w:overflowPunct, so it no longer hangs ，。 past the
  // margin) and 47.1 % on the 100-page report: short of the 95 % because LibreOffice adds a space between
  // 汉字 and digits (it ignores w:autoSpaceDE/DN, and no DOCX markup reaches its "spacing between Asian and
  // non-Asian text"), which moves a character of a line full of figures to the next line, and every line after it.
  // As Word spaces scripts (asWordSpacesScripts), the 95 %, except the 人大 seed report's lines (93.5 %):
  // LibreOffice sets one line with digits a little wider than Chromium and moves two characters of one paragraph end
  // to the next line; after an ASCII comma it sets “ ” in the Latin face (it ignores w:hint), and Chromium will not
  // break between ” and “.
  const floors: Record<string, { shipped: Floor; asWord: Floor }> = {
    '人大 (seed)': { shipped: { starts: 0.95, lines: 0.82 }, asWord: { starts: 0.95, lines: 0.93 } },
    '政协 (seed)': { shipped: { starts: 0.75, lines: 0.89 }, asWord: { starts: 0.95, lines: 0.95 } },
    '政府 (filled)': { shipped: { starts: 0.95, lines: 0.94 }, asWord: { starts: 0.95, lines: 0.95 } },
    '总结 (filled)': { shipped: { starts: 0.95, lines: 0.92 }, asWord: { starts: 0.95, lines: 0.95 } },
  }
  for (const { name, report } of parityReports()) {
    it(`${name}: same page count, page starts and lines as LibreOffice's rendering of the DOCX`, async () => {
      const { shipped, asWord } = await render(name, report)
      expectParity(shipped, floors[name]!.shipped)
      expectParity(asWord, floors[name]!.asWord)
    }, 240_000)
  }

  it('gives the generated 100-page report the same page count as its DOCX rendered by LibreOffice', async () => {
    const { pdf, shipped, asWord } = await render('generated 100-page report', generateReport(100))
    const pages = pdfInfo(pdf).pages
    expect(pages).toBeGreaterThan(100)
    expectParity(shipped, { starts: 0.55, lines: 0.45 })
    expectParity(asWord, { starts: 0.95, lines: 0.95 })
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
    const {
      shipped: { libreOffice },
      pdf,
    } = await render('—— and …… stress text', report)
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
