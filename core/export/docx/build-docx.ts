import { Document, DocumentGridType, Packer, Paragraph, TextRun, type Table } from 'docx'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import type { DraftLabel } from '../../ipc/export-api'
import { footnotesOf, nodeText, type DocNode } from '../../document-model'
import type { ReportFile } from '../../report-file'
import { printedDoc, printedTitle } from '../printed-report'
import { wordSafeReport } from '../word-safe-report'
import { encodeMarkup } from '../../review/markup/encode-markup'
import { applyMarkup } from '../../review/markup/markup-xml'
import { stampSendId } from '../../review/stamp-send-id'
import { docxBlocks, type DocxBlock } from './docx-blocks'
import { fontTableXml } from './docx-fonts'
import { docxGeometry, pageGeometry } from './docx-geometry'
import { listNumbering } from './docx-lists'
import { draftHeaders, pageNumberFooters } from './docx-page-furniture'
import { settingsXml } from './docx-settings'
import { styleIds, stylesXml } from './docx-styles'
import { paragraphXml, runXml } from './docx-xml-templates'

export interface BuildDocxOptions {
  /** null = final (正式稿); a label prints it in the header of every page. */
  draftLabel: DraftLabel | null
  /** Carry the comments and pending suggestions as Word comments and revisions (a 征求意见稿 sent for comments). */
  markup?: boolean
  /** Written into docProps/custom.xml so a returned copy can be matched to its send (review round). */
  sendId?: string
  /** How the package's files are zipped (default fflate's zipSync; the Node side passes zlib, see zip-docx.ts). */
  zip?: ZipDocx
}

/** The files of a DOCX package, uncompressed, in the order they are zipped. */
export type DocxFiles = Record<string, Uint8Array>

export type ZipDocx = (files: DocxFiles) => Uint8Array

/**
 * The report as a DOCX in the GB/T 9704-2012 layout (docs/layout.md §A): A4, 37/35/28/26 mm
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
  const bodyDoc = markup ? markup.doc : printedDoc(report.doc)
  // Footnotes are Word's own (word/footnotes.xml), numbered in reading order from 1.
  const notes = footnotesOf(bodyDoc)
  const footnoteIds = new Map<DocNode, number>(notes.map((note, index) => [note, index + 1]))
  const body = withSlots(
    docxBlocks(bodyDoc, {
      scheme,
      linePitch: geometry.linePitch,
      charSpacing: geometry.charSpacing,
      typeAreaWidth: geometry.typeAreaWidth,
      latinTimes: report.layout.latinTimes,
      footnotes: footnoteIds,
    }),
  )
  const document = new Document({
    creator: '工作报告编写器',
    lastModifiedBy: '工作报告编写器',
    title,
    ...(options.draftLabel ? { subject: options.draftLabel } : {}),
    evenAndOddHeaderAndFooters: true,
    numbering: listNumbering,
    ...(notes.length ? { footnotes: footnoteDefinitions(notes) } : {}),
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
        footnotes: notes.length > 0,
      }),
    },
    { path: 'word/settings.xml', data: settingsXml({ mirrorMargins: geometry.mirrorMargins }) },
    { path: 'word/fontTable.xml', data: fontTableXml() },
  ]
  // The docx library writes the document with one slot paragraph per stretch of body paragraphs (a small package);
  // the slots are filled with those paragraphs' XML and the files are zipped once, by `options.zip`. With fflate's
  // zipSync the bytes are those of the library's own second pack (the same fflate, same order and defaults).
  const files = await packageFiles(document, parts)
  files['word/document.xml'] = strToU8(body.fill(strFromU8(files['word/document.xml']!)))
  for (const name of Object.keys(files)) {
    if (isFooter(name)) files[name] = strToU8(withCachedPageNumber(strFromU8(files[name]!)))
  }
  if (markup) applyMarkup(files, markup, report.review)
  if (options.sendId) stampSendId(files, options.sendId)
  return (options.zip ?? zipSync)(files)
}

type Compiled = Map<string, string | Uint8Array>
type PackagePart = { path: string; data: string }

/**
 * The package's files as the docx library would zip them. Its Packer zips with its own fflate, deflating everything
 * only to be inflated here again; its compiler (a static of Packer, not in its typings) gives the same files unzipped.
 * Should a docx release move it, the package is packed and unzipped as the library's public API allows.
 */
async function packageFiles(document: Document, parts: PackagePart[]): Promise<DocxFiles> {
  const compiler = (Packer as unknown as { compiler?: { compile?: (...args: unknown[]) => Compiled } }).compiler
  if (typeof compiler?.compile !== 'function') return unzipSync(await Packer.pack(document, 'uint8array', false, parts))
  const files: DocxFiles = {}
  for (const [path, data] of compiler.compile(document, undefined, parts))
    files[path] = typeof data === 'string' ? strToU8(data) : data
  return files
}

/** The notes' text as Word footnotes (docx adds the note's number before it). */
function footnoteDefinitions(notes: readonly DocNode[]): Record<string, { children: Paragraph[] }> {
  const definitions: Record<string, { children: Paragraph[] }> = {}
  notes.forEach((note, index) => {
    const text = typeof note.attrs?.text === 'string' ? note.attrs.text : nodeText(note)
    definitions[String(index + 1)] = {
      children: [new Paragraph({ style: styleIds.footnoteText, children: [new TextRun({ text: ` ${text}` })] })],
    }
  })
  return definitions
}

const isFooter = (name: string): boolean => /^word\/footer\d+\.xml$/.test(name)

const emptyPageField = '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'

/**
 * The PAGE field with a cached result, so that viewers which do not compute fields (previewers, some mobile
 * apps) print a number rather than `—  —`: 1 in the odd-page footer (right-aligned), 2 in the even-page one.
 * Word, WPS and LibreOffice compute the field and show the real number.
 */
function withCachedPageNumber(footerXml: string): string {
  const cached = footerXml.includes('<w:jc w:val="left"/>') ? '2' : '1'
  return footerXml.replace(
    emptyPageField,
    `<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>${cached}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`,
  )
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
