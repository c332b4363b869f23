import { z } from 'zod'
import type { DocNode } from '../document-model'
import type { ReportFile } from '../report-file'
import type { ExcerptPiece } from '../reuse/section-index'
import type { IpcResult } from './ipc-result'

export interface ImportOutcome {
  /** Source file (never modified). */
  source: string
  /** One report per report found (a newspaper page may hold several). */
  reports: ReportFile[]
  /** zh-CN notes about what import could not recognise. */
  notes: string[]
}

export interface LibraryEntry {
  id: string
  title: string
  planYear?: number
  kind?: string
  /** The organisation the report is of (`二七区`), '' when unknown. */
  organisation?: string
  source: string
  addedAt: string
}

export interface LibraryHit {
  entryId: string
  entryTitle: string
  planYear?: number
  kind?: string
  organisation?: string
  /** Path of the section heading in the entry's doc. */
  sectionPath: number[]
  sectionTitle: string
  level: number
  /** Text around the matches, every search word marked. */
  excerpt: ExcerptPiece[]
}

export interface ReuseApi {
  /** Imports `.docx`, `.md`, `.txt` or `.wrs`; path null asks with the native dialog; null = cancelled. */
  importReport(path: string | null): Promise<IpcResult<ImportOutcome | null>>
  libraryList(): Promise<LibraryEntry[]>
  librarySearch(query: string): Promise<LibraryHit[]>
  /** The section (heading and everything under it) as doc nodes, figures marked needs-review. */
  librarySection(request: {
    entryId: string
    sectionPath: number[]
  }): Promise<IpcResult<{ nodes: DocNode[]; sourceTitle: string; sourceYear?: number }>>
  libraryEntry(entryId: string): Promise<IpcResult<ReportFile>>
  /** Adds an opened or imported report to the library. */
  libraryAdd(request: { report: ReportFile; source: string }): Promise<IpcResult<LibraryEntry>>
}

export const reuseApiArgs = {
  importReport: z.tuple([z.string().max(4096).nullable()]),
  libraryList: z.tuple([]),
  librarySearch: z.tuple([z.string().max(200)]),
  librarySection: z.tuple([
    z.object({ entryId: z.string().min(1).max(200), sectionPath: z.array(z.number().int().min(0)).max(10) }),
  ]),
  libraryEntry: z.tuple([z.string().min(1).max(200)]),
  libraryAdd: z.tuple([z.object({ report: z.object({}).passthrough(), source: z.string().max(4096) })]),
} satisfies Record<keyof ReuseApi, z.ZodTuple>
