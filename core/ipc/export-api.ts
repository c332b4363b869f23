import { z } from 'zod'
import type { Finding } from '../checks/finding'
import type { MissingGlyph } from '../export/missing-glyphs'
import type { ReportFile } from '../report-file'
import { statusLabels, type StatusLabel } from '../report-language/status-suffix'
import type { IpcResult } from './ipc-result'
import { reportArg } from './files-api'

/** Draft labels an export may print (the report's status labels, `core/report-language/status-suffix.ts`). */
export const draftLabels = statusLabels
export type DraftLabel = StatusLabel

export interface FontSubstitution {
  /** Official font asked for, e.g. 仿宋_GB2312. */
  wanted: string
  /** Font actually used, e.g. FandolFang. */
  used: string
}

/** What the export gate decided (it runs once per export; core/checks/export-gate.ts). */
export interface GateSummary {
  allowed: boolean
  /** Errors that stop a final export (empty for a draft). */
  blocking: Finding[]
  /** Rules switched off for this report: not checked by this export (the dialog, preview and CLI list them). */
  rulesOff: string[]
  /** Rules the report lists as switched off that guard the structure: checked all the same. */
  rulesKept: string[]
}

export type ExportOutcome =
  | {
      kind: 'written'
      path: string
      bytes: number
      pages?: number
      substitutions: FontSubstitution[]
      /** Characters no installed face covers (printed as empty boxes), found before the PDF was written. */
      missingGlyphs?: MissingGlyph[]
      /** Rules switched off for this report, which this export did not check. */
      rulesOff?: string[]
    }
  /** The gate refused a final export: nothing was written. */
  | { kind: 'refused'; blocking: Finding[]; rulesOff?: string[]; rulesKept?: string[] }
  | { kind: 'cancelled' }

export interface ExportRequest {
  report: ReportFile
  format: 'docx' | 'pdf'
  /** null = final (正式稿); a label = draft export with the label on every page. */
  draftLabel: DraftLabel | null
  /** Target path; null asks with the native save dialog. */
  path: string | null
  /** A 征求意见稿 DOCX carrying the comments and pending suggestions as Word comments and revisions. */
  markup?: boolean
  /** The send this copy is (review round): written into the DOCX as the custom property wrs-send-id. */
  sendId?: string
}

export interface ExportApi {
  /**
   * Runs the export gate for the report as it is (the dialog shows what it decided); the export of the same
   * report that follows uses this decision instead of checking again.
   */
  checkExport(request: { report: ReportFile; draftLabel: DraftLabel | null }): Promise<GateSummary>
  exportReport(request: ExportRequest): Promise<IpcResult<ExportOutcome>>
  /** PDF bytes of the report for the print preview (no gate: previews are always allowed). */
  previewPdf(request: {
    report: ReportFile
    draftLabel: DraftLabel | null
  }): Promise<IpcResult<{ pdf: Uint8Array; pages: number; substitutions: FontSubstitution[] }>>
  /** Sends the report to the system print dialog (same gate as a final export). */
  printReport(request: { report: ReportFile; draftLabel: DraftLabel | null }): Promise<IpcResult<ExportOutcome>>
  /** Which of `chars` no installed face the PDF may use covers (printed as empty boxes); [] when not known here. */
  uncoveredCharacters(request: { chars: string }): Promise<string[]>
}

export const exportApiArgs = {
  checkExport: z.tuple([z.object({ report: reportArg, draftLabel: z.enum(draftLabels).nullable() })]),
  exportReport: z.tuple([
    z.object({
      report: reportArg,
      format: z.enum(['docx', 'pdf']),
      draftLabel: z.enum(draftLabels).nullable(),
      path: z.string().max(4096).nullable(),
      markup: z.boolean().optional(),
      sendId: z.string().min(1).max(100).optional(),
    }),
  ]),
  previewPdf: z.tuple([z.object({ report: reportArg, draftLabel: z.enum(draftLabels).nullable() })]),
  printReport: z.tuple([z.object({ report: reportArg, draftLabel: z.enum(draftLabels).nullable() })]),
  uncoveredCharacters: z.tuple([z.object({ chars: z.string().max(200_000) })]),
} satisfies Record<keyof ExportApi, z.ZodTuple>
