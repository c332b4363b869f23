import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { textNode } from '../../core/document-model'
import { buildDocx } from '../../core/export/docx/build-docx'
import { importText } from '../../core/import/import-text'
import type { ReportFile } from '../../core/report-file'
import { launchPdfPrinter, type PdfPrinter } from '../../main/export/pdf-printer'
import { renderReportPdf } from '../../main/services/export-pdf-service'
import { convertDocxToPdf, pdfText } from './docx-libreoffice'
import { seedSamplePath } from '../fixtures/seed-sample-path'

const seedPath = seedSamplePath
const seedSubtitle = '——2023年2月27日在二七区第十七届人民代表大会第三次会议上'
// Fits the line in the PDF as it is; in LibreOffice only once the DOCX is set tight (space between 汉字 and digits).
const gapSubtitle = '——2023年12月26日在二七区第十七届人民代表大会第三次会议上'
const longSubtitle = '——2023年2月27日在郑州市二七区第十七届人民代表大会第三次会议闭幕会上的讲话'

const directory = mkdtempSync(path.join(os.tmpdir(), 'wrs-subtitle-'))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

function seedReport(subtitle: string): ReportFile {
  const npc = importText(readFileSync(seedPath, 'utf8'), {
    markdown: true,
    fileName: path.basename(seedPath),
  }).reports.find(report => report.meta.kind === 'npc')
  if (!npc) throw new Error('the seed sample no longer yields a 人大 report')
  const content = (npc.doc.content ?? []).map(node =>
    node.type === 'reportSubtitle' ? { ...node, content: [textNode(subtitle)] } : node,
  )
  return { ...npc, doc: { ...npc.doc, content } }
}

/** The w:r elements of the subtitle paragraph in document.xml. */
async function subtitleRuns(report: ReportFile): Promise<string> {
  const document = strFromU8(unzipSync(await buildDocx(report, { draftLabel: null }))['word/document.xml']!)
  const paragraph = document.match(/<w:p>.*?<\/w:p>/g)?.find(xml => xml.includes('<w:pStyle w:val="Subtitle"/>'))
  if (!paragraph) throw new Error('no subtitle paragraph in document.xml')
  return paragraph
}

/** Lines of the first page with their spaces removed (pdftotext puts spaces between scripts). */
async function firstPageLines(pdf: string): Promise<string[]> {
  const text = (await pdfText(pdf, { layout: true })).split('\f')[0]!
  return text
    .split('\n')
    .map(line => line.replace(/\s+/g, ''))
    .filter(Boolean)
}

describe('an over-wide subtitle prints on one line in both the DOCX and the PDF', () => {
  let printer: PdfPrinter
  beforeAll(async () => {
    printer = await launchPdfPrinter()
  })
  afterAll(async () => {
    await printer?.close()
  })

  const printed = async (report: ReportFile, name: string): Promise<{ docx: string[]; pdf: string[] }> => {
    const docxPath = path.join(directory, `${name}.docx`)
    writeFileSync(docxPath, await buildDocx(report, { draftLabel: null }))
    const pdfPath = path.join(directory, `${name}.pdf`)
    writeFileSync(pdfPath, (await renderReportPdf(report, null, html => printer.print(html))).pdf)
    return { docx: await firstPageLines(await convertDocxToPdf(docxPath)), pdf: await firstPageLines(pdfPath) }
  }

  it('sets the seed 人大 subtitle tight in the DOCX (negative w:spacing, off the grid) and both print it on one line', async () => {
    const report = seedReport(seedSubtitle)
    const runs = await subtitleRuns(report)
    const spacing = Number(/<w:rPr>[^]*?<w:spacing w:val="(-\d+)"\/>[^]*?<\/w:rPr>/.exec(runs)?.[1])
    // Tighter than the body's −5 twips (28 characters a line).
    expect(spacing).toBeLessThan(-5)
    expect(runs).toContain('<w:snapToGrid w:val="false"/>')
    const lines = await printed(report, 'seed')
    expect(lines.docx, lines.docx.slice(0, 6).join('\n')).toContain(seedSubtitle)
    expect(lines.pdf, lines.pdf.slice(0, 6).join('\n')).toContain(seedSubtitle)
    for (const side of [lines.docx, lines.pdf])
      expect(side[side.indexOf(seedSubtitle) + 1]).toBe('区人大常委会主任吕安民')
  }, 180_000)

  it('tightens the DOCX of a subtitle that fits the PDF as it is, so LibreOffice does not wrap it either', async () => {
    const report = seedReport(gapSubtitle)
    expect(await subtitleRuns(report)).toMatch(/<w:spacing w:val="-\d+"\/>/)
    const lines = await printed(report, 'gap')
    expect(lines.docx, lines.docx.slice(0, 6).join('\n')).toContain(gapSubtitle)
    expect(lines.pdf, lines.pdf.slice(0, 6).join('\n')).toContain(gapSubtitle)
  }, 180_000)

  it('leaves a subtitle too long to squeeze at the body spacing: it wraps in both', async () => {
    const report = seedReport(longSubtitle)
    expect(await subtitleRuns(report)).not.toContain('<w:spacing')
    const lines = await printed(report, 'long')
    for (const side of [lines.docx, lines.pdf]) {
      expect(side).not.toContain(longSubtitle)
      expect(side.join('')).toContain(longSubtitle)
    }
  }, 180_000)
})
