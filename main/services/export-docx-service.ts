import { gateExport } from '../../core/checks/export-gate'
import { buildDocx } from '../../core/export/docx/build-docx'
import type { DraftLabel, ExportOutcome } from '../../core/ipc/export-api'
import type { ReportFile } from '../../core/report-file'
import { writeFileAtomic } from '../files/write-file-atomic'

export interface ExportDocxRequest {
  report: ReportFile
  /** null = final (正式稿): refused while any finding is an error. */
  draftLabel: DraftLabel | null
  path: string
}

/**
 * The export gate on the Node side: a final export with blocking findings writes nothing and
 * returns them; otherwise the DOCX is written atomically (write errors are thrown to the caller).
 */
export async function exportDocx(request: ExportDocxRequest): Promise<ExportOutcome> {
  const gate = gateExport(request.report, request.draftLabel)
  if (!gate.allowed) return { kind: 'refused', blocking: gate.blocking }
  const bytes = await buildDocx(request.report, { draftLabel: request.draftLabel })
  await writeFileAtomic(request.path, bytes, { backup: false })
  return { kind: 'written', path: request.path, bytes: bytes.byteLength, substitutions: [] }
}
