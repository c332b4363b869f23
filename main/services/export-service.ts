import path from 'node:path'
import { gateExport, type GateResult } from '../../core/checks/export-gate'
import type { ExportApi, ExportOutcome, ExportRequest } from '../../core/ipc/export-api'
import { fail, ok, type IpcResult } from '../../core/ipc/ipc-result'
import type { Dialogs } from './dialogs'
import { exportDocx } from './export-docx-service'
import { exportPdf } from './export-pdf-service'
import { writeErrorMessage } from './write-error-message'

/** One exporter per format: build and write once the gate has allowed it; each lives in its own service file. */
type Exporter = (request: ExportRequest & { path: string }, gate: GateResult) => Promise<ExportOutcome>

const exporters: Partial<Record<ExportRequest['format'], Exporter>> = {
  docx: (request, gate) => exportDocx(request, gate),
  pdf: (request, gate) => exportPdf(request, undefined, gate),
}

const formatNames: Record<ExportRequest['format'], string> = { docx: 'Word 文档', pdf: 'PDF 文档' }

/**
 * Runs an export to a known path. `gate` is the decision already made for this export (the CLI checks once
 * for all the files it writes); without it the gate runs here, once.
 */
export async function exportToPath(
  request: ExportRequest & { path: string },
  gate?: GateResult,
): Promise<IpcResult<ExportOutcome>> {
  const exporter = exporters[request.format]
  if (!exporter)
    return fail(
      'unavailable',
      `导出${formatNames[request.format]}的功能尚未安装在这个版本中。请升级工作报告编写器；当前文档未受影响。`,
    )
  try {
    return ok(await exporter(request, gate ?? gateExport(request.report, request.draftLabel)))
  } catch (error) {
    // An exporter that failed before writing (e.g. no Chromium for the PDF) says so in its own zh-CN sentence.
    const userMessage = (error as { userMessage?: unknown } | undefined)?.userMessage
    if (typeof userMessage === 'string') return fail('export-failed', userMessage)
    return fail('write-failed', writeErrorMessage(error, request.path))
  }
}

function defaultFileName(request: ExportRequest): string {
  const base = request.report.meta.title.trim() || '工作报告'
  return `${base}${request.draftLabel ? `（${request.draftLabel}）` : ''}.${request.format}`
}

/** `exportReport` of the Api: asks for the path with the save dialog when none is given. */
export function createExportService(options: {
  dialogs: Dialogs
  defaultDirectory?: string
}): Pick<ExportApi, 'exportReport'> {
  return {
    async exportReport(request) {
      const target =
        request.path ??
        (await options.dialogs.saveFile({
          title: request.draftLabel ? `导出${request.draftLabel}` : '导出正式稿',
          defaultPath: path.join(options.defaultDirectory ?? '', defaultFileName(request)),
          filters: [{ name: formatNames[request.format], extensions: [request.format] }],
        }))
      if (!target) return ok({ kind: 'cancelled' })
      return exportToPath({ ...request, path: target })
    },
  }
}
