import { gateExport, refusedOutcome, type GateResult } from '../../core/checks/export-gate'
import { missingGlyphs, uncoveredCharacters, type MissingGlyph } from '../../core/export/missing-glyphs'
import { buildPrintHtml } from '../../core/export/print-html/build-print-html'
import { planFonts } from '../../core/export/print-html/font-plan'
import type { DraftLabel, ExportOutcome, FontSubstitution } from '../../core/ipc/export-api'
import type { ReportFile } from '../../core/report-file'
import { countPdfPages } from '../export/count-pdf-pages'
import { installedFontCoverage } from '../export/font-coverage'
import { installedFontFamilies } from '../export/installed-fonts'
import { ChromiumMissingError, launchPdfPrinter } from '../export/pdf-printer'
import { writeFileAtomic } from '../files/write-file-atomic'

/** Print HTML → PDF bytes. */
export type PdfRenderer = (html: string) => Promise<Uint8Array>

/** A headless Chromium per call (CLI, tests); the Electron shell installs webContents.printToPDF instead. */
const chromiumRenderer: PdfRenderer = async html => {
  const printer = await launchPdfPrinter()
  try {
    return await printer.print(html)
  } finally {
    await printer.close()
  }
}

let defaultRenderer: PdfRenderer = chromiumRenderer

/** Lets the Electron shell render with a hidden window's `webContents.printToPDF` (main/electron/print-to-pdf.ts). */
export function setPdfRenderer(renderer: PdfRenderer | null): void {
  defaultRenderer = renderer ?? chromiumRenderer
}

export interface RenderedPdf {
  pdf: Uint8Array
  pages: number
  substitutions: FontSubstitution[]
  missingGlyphs: MissingGlyph[]
}

/** The print HTML with the fonts this machine has (official ones where installed, else the documented fallbacks). */
export async function printHtmlFor(
  report: ReportFile,
  draftLabel: DraftLabel | null,
): Promise<{ html: string; substitutions: FontSubstitution[]; missingGlyphs: MissingGlyph[] }> {
  const fonts = planFonts(await installedFontFamilies())
  return {
    html: buildPrintHtml(report, { draftLabel, fonts }),
    substitutions: fonts.substitutions,
    // before anything is printed: characters that would come out as empty boxes
    missingGlyphs: missingGlyphs(report.doc, fonts, await installedFontCoverage()),
  }
}

/** Which of `chars` the faces the PDF may use on this machine lack (the editor's TXT-GLYPH check). */
export async function uncoveredPrintCharacters(chars: string): Promise<string[]> {
  return uncoveredCharacters(chars, planFonts(await installedFontFamilies()), await installedFontCoverage())
}

/** The report as PDF bytes, its page count and the font substitutions made. */
export async function renderReportPdf(
  report: ReportFile,
  draftLabel: DraftLabel | null,
  render: PdfRenderer = defaultRenderer,
): Promise<RenderedPdf> {
  const { html, substitutions, missingGlyphs: missing } = await printHtmlFor(report, draftLabel)
  const pdf = await render(html)
  return { pdf, pages: countPdfPages(pdf), substitutions, missingGlyphs: missing }
}

export interface ExportPdfRequest {
  report: ReportFile
  /** null = final (正式稿): refused while any finding is an error. */
  draftLabel: DraftLabel | null
  path: string
}

/** A PDF that could not be rendered (nothing was written); `userMessage` says what to do. */
export class PdfRenderError extends Error {
  constructor(readonly userMessage: string) {
    super(userMessage)
  }
}

function renderFailure(error: unknown): PdfRenderError {
  const message = error instanceof Error ? error.message : String(error)
  if (error instanceof ChromiumMissingError || /[。！]$/.test(message)) return new PdfRenderError(message)
  return new PdfRenderError(
    `生成 PDF 失败（${message.split('\n')[0]}）。没有写入文件。请重试；若仍失败，请先导出 Word 文档。`,
  )
}

/**
 * Same gate as the DOCX export; a refused export renders and writes nothing. The file is written atomically.
 * `gate` is the decision already made for this export (the gate runs once per export), else it runs here.
 */
export async function exportPdf(
  request: ExportPdfRequest,
  render?: PdfRenderer,
  gate: GateResult = gateExport(request.report, request.draftLabel),
): Promise<ExportOutcome> {
  if (!gate.allowed) return refusedOutcome(gate)
  let rendered: RenderedPdf
  try {
    rendered = await renderReportPdf(request.report, request.draftLabel, render)
  } catch (error) {
    throw renderFailure(error)
  }
  await writeFileAtomic(request.path, rendered.pdf, { backup: false })
  return {
    kind: 'written',
    path: request.path,
    bytes: rendered.pdf.byteLength,
    pages: rendered.pages,
    substitutions: rendered.substitutions,
    ...(rendered.missingGlyphs.length ? { missingGlyphs: rendered.missingGlyphs } : {}),
    rulesOff: gate.rulesOff,
  }
}
