import { Document, DocumentGridType, Packer } from 'docx'
import type { DraftLabel } from '../../ipc/export-api'
import type { ReportFile } from '../../report-file'
import { printedDoc, printedTitle } from '../printed-report'
import { encodeMarkup } from '../../review/markup/encode-markup'
import { applyMarkup } from '../../review/markup/markup-xml'
import { docxBlocks } from './docx-blocks'
import { fontTableXml } from './docx-fonts'
import { docxGeometry, pageGeometry } from './docx-geometry'
import { listNumbering } from './docx-lists'
import { draftHeaders, pageNumberFooters } from './docx-page-furniture'
import { settingsXml } from './docx-settings'
import { stylesXml } from './docx-styles'

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
export async function buildDocx(report: ReportFile, options: BuildDocxOptions): Promise<Uint8Array> {
  const geometry = docxGeometry(report.layout)
  const scheme = report.meta.numbering
  const title = printedTitle(report, null)
  const headers = draftHeaders(options.draftLabel)
  // Review markup rides through the builder as marked text and becomes Word's own in the built package.
  const markup = options.markup ? encodeMarkup(printedDoc(report.doc, { markup: true })) : null
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
        children: docxBlocks(markup ? markup.doc : printedDoc(report.doc), {
          scheme,
          linePitch: geometry.linePitch,
          charSpacing: geometry.charSpacing,
          typeAreaWidth: geometry.typeAreaWidth,
          latinTimes: report.layout.latinTimes,
        }),
      },
    ],
  })
  const bytes = await Packer.pack(document, 'uint8array', false, [
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
  ])
  return markup ? applyMarkup(bytes, markup, report.review) : bytes
}
