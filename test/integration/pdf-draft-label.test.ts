import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { textNode } from '../../core/document-model'
import type { ReportFile } from '../../core/report-file'
import { launchPdfPrinter, type PdfPrinter } from '../../main/export/pdf-printer'
import { renderReportPdf } from '../../main/services/export-pdf-service'
import { npcReportFixture } from '../fixtures/docx-npc-report'
import { pageText, pdfInfo, pdfTitles } from './helpers/pdf-tools'

const TITLE = '金水区人民代表大会常务委员会工作报告'
const directory = mkdtempSync(path.join(os.tmpdir(), 'wrs-pdf-label-'))

/** A report whose title node still carries `（征求意见稿）` (saved before the status became metadata). */
function reportWithSuffix(): ReportFile {
  const report = npcReportFixture()
  const content = report.doc.content!.map(node =>
    node.type === 'reportTitle' ? { ...node, content: [textNode(`${TITLE}（征求意见稿）`)] } : node,
  )
  return { ...report, meta: { ...report.meta, draftLabel: '征求意见稿' }, doc: { ...report.doc, content } }
}

const count = (text: string, word: string) => text.split(word).length - 1

// One Chromium for this file: a final and a draft print of the same report.
let printer: PdfPrinter
beforeAll(async () => {
  printer = await launchPdfPrinter()
})
afterAll(async () => {
  await printer.close()
  rmSync(directory, { recursive: true, force: true })
})

async function render(label: '征求意见稿' | null): Promise<{ file: string; pdf: Uint8Array }> {
  const { pdf } = await renderReportPdf(reportWithSuffix(), label, html => printer.print(html))
  const file = path.join(directory, `${label ?? 'final'}.pdf`)
  writeFileSync(file, pdf)
  return { file, pdf }
}

describe('the status is printed only as the draft label', () => {
  it('a 正式稿 PDF has no draft word: not on any page, not in the title metadata', async () => {
    const { file, pdf } = await render(null)
    expect(pdfTitles(pdf)[0]).toBe(TITLE)
    for (const title of pdfTitles(pdf)) expect(title).not.toContain('征求意见稿')
    for (let page = 1; page <= pdfInfo(file).pages; page++) expect(pageText(file, page)).not.toContain('征求意见稿')
  })

  it('a draft PDF has the label once per page and once in its title', async () => {
    const { file, pdf } = await render('征求意见稿')
    expect(pdfTitles(pdf)[0]).toBe(`${TITLE}（征求意见稿）`)
    for (let page = 1; page <= pdfInfo(file).pages; page++) expect(count(pageText(file, page), '征求意见稿')).toBe(1)
  })
})
