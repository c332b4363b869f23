import { gateExport, refusedOutcome, type GateResult } from '../../core/checks/export-gate'
import { buildDocx } from '../../core/export/docx/build-docx'
import type { DraftLabel, ExportOutcome } from '../../core/ipc/export-api'
import type { ReportFile } from '../../core/report-file'
import { zipDocx } from '../export/zip-docx'
import { writeFileAtomic } from '../files/write-file-atomic'

export interface ExportDocxRequest {
  report: ReportFile
  /** null = final (正式稿): refused while any finding is an error. */
  draftLabel: DraftLabel | null
  path: string
  /** Comments and pending suggestions as Word markup (a 征求意见稿 only; a clean export never carries them). */
  markup?: boolean
  /** Written into the DOCX so a returned copy can be matched to its send (review round). */
  sendId?: string
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
  const markup = request.markup === true && request.draftLabel === '征求意见稿'
  const bytes = await buildDocx(request.report, {
    draftLabel: request.draftLabel,
    markup,
    ...(request.sendId ? { sendId: request.sendId } : {}),
    zip: files => zipDocx(files),
  })
  await writeFileAtomic(request.path, bytes, { backup: false })
  return { kind: 'written', path: request.path, bytes: bytes.byteLength, substitutions: [], rulesOff: gate.rulesOff }
}
