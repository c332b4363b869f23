import { gateExport } from '../../core/checks/export-gate'
import type { ExportApi, ExportOutcome } from '../../core/ipc/export-api'
import { fail, ok, type IpcResult } from '../../core/ipc/ipc-result'
import type { ReportFile } from '../../core/report-file'
import { printHtmlFor, renderReportPdf, type PdfRenderer } from './export-pdf-service'

/** Opens the system print dialog for a print-HTML document; resolves false when the user cancels. */
export type PdfPrinterDialog = (html: string) => Promise<boolean>

export interface PrintServiceOptions {
  render?: PdfRenderer
  /** Supplied by the Electron shell; without it printReport answers 'unavailable'. */
  printDialog?: PdfPrinterDialog
}

function failure(error: unknown): IpcResult<never> {
  const message = error instanceof Error ? error.message : String(error)
  return fail(
    'pdf-failed',
    /[。！]$/.test(message) ? message : `生成 PDF 失败（${message}）。请重试；若仍失败，请改为导出 Word 文档后打印。`,
  )
}

/** `previewPdf` (no gate: a preview is always allowed) and `printReport` (same gate as a final export). */
export function createPrintService(options: PrintServiceOptions = {}): Pick<ExportApi, 'previewPdf' | 'printReport'> {
  return {
    async previewPdf(request) {
      try {
        return ok(await renderReportPdf(request.report as ReportFile, request.draftLabel, options.render))
      } catch (error) {
        return failure(error)
      }
    },
    async printReport(request) {
      const report = request.report as ReportFile
      const gate = gateExport(report, request.draftLabel)
      if (!gate.allowed) return ok<ExportOutcome>({ kind: 'refused', blocking: gate.blocking })
      if (!options.printDialog) return fail('unavailable', '这个版本不能直接打印。请先导出 PDF，再用 PDF 阅读器打印。')
      try {
        const { html, substitutions, missingGlyphs } = await printHtmlFor(report, request.draftLabel)
        const printed = await options.printDialog(html)
        return ok<ExportOutcome>(
          printed
            ? {
                kind: 'written',
                path: '',
                bytes: 0,
                substitutions,
                ...(missingGlyphs.length ? { missingGlyphs } : {}),
              }
            : { kind: 'cancelled' },
        )
      } catch (error) {
        return failure(error)
      }
    },
  }
}
