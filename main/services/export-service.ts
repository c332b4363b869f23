import { createHash } from 'node:crypto'
import path from 'node:path'
import { gateExport, gateSummary, refusedOutcome, type GateResult } from '../../core/checks/export-gate'
import type { DraftLabel, ExportApi, ExportOutcome, ExportRequest } from '../../core/ipc/export-api'
import { fail, ok, type IpcResult } from '../../core/ipc/ipc-result'
import type { ReportFile } from '../../core/report-file'
import type { Template } from '../../core/templates/template-schema'
import type { Dialogs } from './dialogs'
import { exportDocx } from './export-docx-service'
import { exportPdf } from './export-pdf-service'
import { writeErrorMessage } from './write-error-message'
import { defaultReportName } from '../../core/report-file-name'

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
  from: 'editor' | 'cli' = 'editor',
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
    return fail('write-failed', writeErrorMessage(error, request.path, from))
  }
}

function defaultFileName(request: ExportRequest): string {
  const base = defaultReportName(request.report.meta)
  return `${base}${request.draftLabel ? `（${request.draftLabel}）` : ''}.${request.format}`
}

export interface ExportServiceOptions {
  dialogs: Dialogs
  defaultDirectory?: string
  /** A user template by id (its blocking rules join the gate); built-in templates are known without it. */
  templateFor?: (id: string) => Promise<Template | undefined>
  /** The gate (tests count its runs). */
  gate?: typeof gateExport
}

/** Decisions kept for the reports the dialog asked about last (the dialog asks, then exports the same report). */
const remembered = 4

/**
 * `checkExport` and `exportReport` of the Api. The gate runs once per export: the decision `checkExport` made
 * for a report is reused when exactly that report (same content, same version) is exported next; a refused
 * final export is answered before the save dialog opens.
 */
export function createExportService(options: ExportServiceOptions): Pick<ExportApi, 'checkExport' | 'exportReport'> {
  const gate = options.gate ?? gateExport
  const decisions: Array<{ key: string; gate: GateResult }> = []

  const keyOf = (report: ReportFile, draftLabel: DraftLabel | null): string =>
    createHash('sha256')
      .update(JSON.stringify(report))
      .update(`\u0000${draftLabel ?? ''}`)
      .digest('hex')

  // The gate is a pure function of the report (and its template): the same content always gets the same decision.
  async function decide(report: ReportFile, draftLabel: DraftLabel | null): Promise<GateResult> {
    const key = keyOf(report, draftLabel)
    const known = decisions.findIndex(decision => decision.key === key)
    if (known >= 0) {
      const [decision] = decisions.splice(known, 1)
      decisions.push(decision!)
      return decision!.gate
    }
    const template = await options.templateFor?.(report.meta.templateId)
    const result = gate(report, draftLabel, template ? { template } : {})
    decisions.push({ key, gate: result })
    if (decisions.length > remembered) decisions.shift()
    return result
  }

  return {
    async checkExport(request) {
      return gateSummary(await decide(request.report, request.draftLabel))
    },

    async exportReport(request) {
      const decision = await decide(request.report, request.draftLabel)
      if (!decision.allowed) return ok(refusedOutcome(decision))
      const target =
        request.path ??
        (await options.dialogs.saveFile({
          title: request.draftLabel ? `导出${request.draftLabel}` : '导出正式稿',
          defaultPath: path.join(options.defaultDirectory ?? '', defaultFileName(request)),
          filters: [{ name: formatNames[request.format], extensions: [request.format] }],
        }))
      if (!target) return ok({ kind: 'cancelled' })
      return exportToPath({ ...request, path: target }, decision)
    },
  }
}
