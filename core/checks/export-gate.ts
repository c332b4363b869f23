import type { DraftLabel } from '../ipc/export-api'
import type { ReportFile } from '../report-file'
import type { Finding } from './finding'
import { runChecks } from './run-checks'

export interface GateResult {
  allowed: boolean
  /** Errors that stop a final (正式稿) export; empty for a draft export. */
  blocking: Finding[]
  /** Every error found (a draft export is allowed with them; the UI may still list them). */
  errors: Finding[]
}

/** The export gate: a final export needs zero error findings; a draft (征求意见稿/讨论稿) is always allowed. */
export function gateExport(report: ReportFile, draftLabel: DraftLabel | null): GateResult {
  const errors = runChecks(report).filter(finding => finding.severity === 'error')
  if (draftLabel !== null) return { allowed: true, blocking: [], errors }
  return { allowed: errors.length === 0, blocking: errors, errors }
}
