import { Document, DocumentGridType, Packer, Paragraph, TextRun, type Table } from 'docx'
import { strFromU8, unzipSync } from 'fflate'
import type { DraftLabel } from '../../ipc/export-api'
import type { ReportFile } from '../../report-file'
import { printedDoc, printedTitle } from '../printed-report'
import { wordSafeReport } from '../word-safe-report'
import { encodeMarkup } from '../../review/markup/encode-markup'
import { applyMarkup } from '../../review/markup/markup-xml'
import { docxBlocks, type DocxBlock } from './docx-blocks'
import { fontTableXml } from './docx-fonts'
import { docxGeometry, pageGeometry } from './docx-geometry'
import { listNumbering } from './docx-lists'
import { draftHeaders, pageNumberFooters } from './docx-page-furniture'
import { settingsXml } from './docx-settings'
import { stylesXml } from './docx-styles'
import { paragraphXml, runXml } from './docx-xml-templates'

export interface BuildDocxOptions {
  /** null = final (正式稿); a label prints it in the header of every page. */
  draftLabel: DraftLabel | null
  /** Carry the comments and pending suggestions as Word comments and revisions (a 征求意见稿 sent for comments). */
  markup?: boolean
}

/**
 * The report as a DOCX in the GB/T 9704-2012 layout (layout-and-rules.md §A): A4, 37/35/28/26 mm
 * margins, 22 × 28 grid, 仿宋_GB2312 body, 方正小标宋简体 title, Heading1–4 styles, `— N —` page numbers.
 * Pure: no gate here — the caller (main/services/export-docx-service.ts) refuses final exports with errors.
 */
export async function buildDocx(source: ReportFile, options: BuildDocxOptions): Promise<Uint8Array> {
  const report = wordSafeReport(source)
  const geometry = docxGeometry(report.layout)
  const scheme = report.meta.numbering
  const title = printedTitle(report, null)
  const headers = draftHeaders(options.draftLabel)
  // Review markup rides through the builder as marked text and becomes Word's own in the built package.
  const markup = options.markup ? encodeMarkup(printedDoc(report.doc, { markup: true })) : null
  const body = withSlots(
    docxBlocks(markup ? markup.doc : printedDoc(report.doc), {
      scheme,
      linePitch: geometry.linePitch,
      charSpacing: geometry.charSpacing,
      typeAreaWidth: geometry.typeAreaWidth,
      latinTimes: report.layout.latinTimes,
    }),
  )
  const document = new Document({
    creator: '工作报告编写器',
    lastModifiedBy: '工作报告编写器',
    title,
    ...(options.draftLabel ? { subject: options.draftLabel } : {}),
    evenAndOddHeaderAndFooters: true,
    numbering: listNumbering,
    sections: [
      {
        properties: {
          page: {
            size: { width: pageGeometry.width, height: pageGeometry.height },
            margin: {
              top: pageGeometry.top,
              right: pageGeometry.right,
              bottom: pageGeometry.bottom,
              left: pageGeometry.left,
              header: pageGeometry.header,
              footer: pageGeometry.footer,
              gutter: 0,
            },
          },
          grid: { type: DocumentGridType.LINES, linePitch: geometry.linePitch },
        },
        ...(headers ? { headers } : {}),
        footers: pageNumberFooters(),
        children: body.children,
      },
    ],
  })
  const parts = [
    {
      path: 'word/styles.xml',
      data: stylesXml({
        layout: report.layout,
        scheme,
        linePitch: geometry.linePitch,
        charSpacing: geometry.charSpacing,
      }),
    },
    { path: 'word/settings.xml', data: settingsXml({ mirrorMargins: geometry.mirrorMargins }) },
    { path: 'word/fontTable.xml', data: fontTableXml() },
  ]
  // The docx library writes the document with one slot paragraph per stretch of body paragraphs; the slots are
  // filled with those paragraphs' XML and the library packs the same document again with that document.xml (its
  // own zip code, warm from the first pack; only the small slot document.xml is inflated here).
  const packed = await Packer.pack(document, 'uint8array', false, parts)
  const shell = unzipSync(packed, { filter: file => file.name === 'word/document.xml' })['word/document.xml']!
  const documentXml = body.fill(strFromU8(shell))
  const bytes = await Packer.pack(document, 'uint8array', false, [
    ...parts,
    { path: 'word/document.xml', data: documentXml },
  ])
  return markup ? applyMarkup(bytes, markup, report.review) : bytes
}

const slotText = (index: number): string => `\uE001${index}\uE001`

/**
 * The body for the docx library: list paragraphs and tables as they are, each stretch of paragraph XML as one
 * slot paragraph; `fill` puts the stretches into the library's document.xml in place of their slots.
 */
function withSlots(blocks: DocxBlock[]): { children: Array<Paragraph | Table>; fill(documentXml: string): string } {
  const children: Array<Paragraph | Table> = []
  const stretches: string[][] = []
  let open = false
  for (const block of blocks) {
    if (typeof block !== 'string') {
      children.push(block)
      open = false
    } else if (open) {
      stretches.at(-1)!.push(block)
    } else {
      children.push(new Paragraph({ children: [new TextRun({ text: slotText(stretches.length) })] }))
      stretches.push([block])
      open = true
    }
  }
  return {
    children,
    fill(documentXml) {
      const pieces: string[] = []
      let from = 0
      stretches.forEach((stretch, index) => {
        const slot = paragraphXml({}, runXml({ text: slotText(index) }))
        const at = documentXml.indexOf(slot, from)
        if (at < 0) throw new Error(`DOCX body slot ${index} not found`)
        pieces.push(documentXml.slice(from, at))
        for (const paragraph of stretch) pieces.push(paragraph)
        from = at + slot.length
      })
      pieces.push(documentXml.slice(from))
      return pieces.join('')
    },
  }
}
