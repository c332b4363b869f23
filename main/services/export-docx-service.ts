import { gateExport, refusedOutcome, type GateResult } from '../../core/checks/export-gate'
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
 * `gate` is the decision already made for this export (the gate runs once per export), else it runs here.
 */
export async function exportDocx(
  request: ExportDocxRequest,
  gate: GateResult = gateExport(request.report, request.draftLabel),
): Promise<ExportOutcome> {
  if (!gate.allowed) return refusedOutcome(gate)
  const bytes = await buildDocx(request.report, { draftLabel: request.draftLabel })
  await writeFileAtomic(request.path, bytes, { backup: false })
  return { kind: 'written', path: request.path, bytes: bytes.byteLength, substitutions: [], rulesOff: gate.rulesOff }
}
