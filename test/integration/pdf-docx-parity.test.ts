import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildDocx } from '../../core/export/docx/build-docx'
import { launchPdfPrinter } from '../../main/export/pdf-printer'
import { renderReportPdf } from '../../main/services/export-pdf-service'
import { generateReport } from '../../bench/generate-report'
import { convertDocxToPdf } from './docx-libreoffice'
import { pageText, pdfInfo } from './helpers/pdf-tools'

const directory = mkdtempSync(path.join(os.tmpdir(), 'wrs-pdf-parity-'))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

describe('PDF and DOCX paginate alike', () => {
  it('gives the generated 100-page report the same page count (±1) as its DOCX rendered by LibreOffice', async () => {
    const report = generateReport(100)
    const printer = await launchPdfPrinter()
    let pdfPages: number
    try {
      const rendered = await renderReportPdf(report, null, html => printer.print(html))
      writeFileSync(path.join(directory, 'report.pdf'), rendered.pdf)
      pdfPages = pdfInfo(path.join(directory, 'report.pdf')).pages
      expect(rendered.pages).toBe(pdfPages)
    } finally {
      await printer.close()
    }
    const docxPath = path.join(directory, 'report.docx')
    writeFileSync(docxPath, await buildDocx(report, { draftLabel: null }))
    const libreOfficePdf = await convertDocxToPdf(docxPath)
    const libreOfficePages = pdfInfo(libreOfficePdf).pages
    rmSync(path.dirname(path.dirname(libreOfficePdf)), { recursive: true, force: true })
    console.log(`generated 100-page report: PDF ${pdfPages} pages, DOCX via LibreOffice ${libreOfficePages} pages`)
    expect(pdfPages).toBeGreaterThan(100)
    expect(Math.abs(pdfPages - libreOfficePages)).toBeLessThanOrEqual(1)
    // The last page carries its own number: the count above is the real page count.
    expect(pageText(path.join(directory, 'report.pdf'), pdfPages)).toMatch(new RegExp(`—\\s*${pdfPages}\\s*—`))
  }, 240_000)
})
