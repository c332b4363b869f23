import { z } from 'zod'
import type { ReportFile } from '../report-file'
import type { ReportKind } from '../report-kind'
import type { Template } from '../templates/template-schema'
import type { IpcResult } from './ipc-result'

export interface TemplateSummary {
  id: string
  name: string
  kind: ReportKind
  description: string
  builtin: boolean
}

export interface NewReportOptions {
  templateId: string
  planYear: number
  organisation: string
  meetingName: string
  /** ISO `YYYY-MM-DD` or ''. */
  date: string
  speakerOffice: string
  speakerName: string
  termEnd: boolean
}

export interface OpenedReport {
  /** Stable id of this open document (keys its recovery snapshot). */
  docId: string
  /** null for a report never saved. */
  path: string | null
  report: ReportFile
}

export interface RecentFile {
  path: string
  title: string
  openedAt: string
}

export interface RecoverySnapshot {
  docId: string
  path: string | null
  title: string
  savedAt: string
  report: ReportFile
}

export interface FilesApi {
  /** Built-in and user templates. */
  listTemplates(): Promise<TemplateSummary[]>
  getTemplate(id: string): Promise<IpcResult<Template>>
  newReport(options: NewReportOptions): Promise<IpcResult<OpenedReport>>
  /** Opens `path`, or asks with the native dialog when path is null; value null = cancelled. */
  openReport(path: string | null): Promise<IpcResult<OpenedReport | null>>
  /** Atomic save with backup; asks for a path when `path` is null or `saveAs`; value null = cancelled. */
  saveReport(request: {
    docId: string
    path: string | null
    report: ReportFile
    saveAs: boolean
  }): Promise<IpcResult<{ path: string; savedAt: string } | null>>
  recentFiles(): Promise<RecentFile[]>
  /**
   * Recovery snapshot of unsaved work (the renderer calls this ~1 s after each change). The editor sends the report
   * as its JSON text: a string crosses the context bridge and IPC as one copy, an object tree node by node.
   */
  writeRecovery(snapshot: { docId: string; path: string | null; report: ReportFile | string }): Promise<IpcResult<true>>
  pendingRecoveries(): Promise<RecoverySnapshot[]>
  discardRecovery(docId: string): Promise<IpcResult<true>>
  /** Tells main whether the open document has unsaved changes (asked about on close). */
  setDocumentState(state: { docId: string; dirty: boolean; title: string }): Promise<void>
  /** Saves the current report as a user template. */
  saveAsTemplate(request: { report: ReportFile; name: string }): Promise<IpcResult<TemplateSummary>>
}

const reportArg = z
  .object({
    format: z.string(),
    version: z.number(),
    meta: z.object({}).passthrough(),
    doc: z.object({}).passthrough(),
  })
  .passthrough()

/** Runtime argument schemas (validated in main's handle() wrapper; full report validation happens in the service). */
export const filesApiArgs = {
  listTemplates: z.tuple([]),
  getTemplate: z.tuple([z.string().min(1).max(100)]),
  newReport: z.tuple([
    z.object({
      templateId: z.string().min(1).max(100),
      planYear: z.number().int().min(1949).max(2200),
      organisation: z.string().max(200),
      meetingName: z.string().max(200),
      date: z.string().max(20),
      speakerOffice: z.string().max(200),
      speakerName: z.string().max(100),
      termEnd: z.boolean(),
    }),
  ]),
  openReport: z.tuple([z.string().max(4096).nullable()]),
  saveReport: z.tuple([
    z.object({
      docId: z.string().min(1).max(100),
      path: z.string().max(4096).nullable(),
      report: reportArg,
      saveAs: z.boolean(),
    }),
  ]),
  recentFiles: z.tuple([]),
  writeRecovery: z.tuple([
    z.object({
      docId: z.string().min(1).max(100),
      path: z.string().max(4096).nullable(),
      report: z.union([reportArg, z.string().max(256 * 1024 * 1024)]),
    }),
  ]),
  pendingRecoveries: z.tuple([]),
  discardRecovery: z.tuple([z.string().min(1).max(100)]),
  setDocumentState: z.tuple([
    z.object({ docId: z.string().min(1).max(100), dirty: z.boolean(), title: z.string().max(500) }),
  ]),
  saveAsTemplate: z.tuple([z.object({ report: reportArg, name: z.string().min(1).max(100) })]),
} satisfies Record<keyof FilesApi, z.ZodTuple>

export { reportArg }
