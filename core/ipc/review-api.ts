import { z } from 'zod'
import type { FeedbackCopy } from '../review/feedback/feedback-copy'
import type { RoundSend } from '../review/review-data'
import type { IpcResult } from './ipc-result'
import { reportArg } from './files-api'
import type { ReportFile } from '../report-file'

export interface SendRequest {
  report: ReportFile
  /** One copy per recipient ('' = one copy for nobody in particular). */
  recipients: string[]
  /** Carry the comments and pending suggestions as Word comments and revisions. */
  markup: boolean
  /** Id of the sent version the renderer keeps in the report (written into each copy's send records). */
  version: string
  /** Path of the (first) copy; null asks with the save dialog. Further copies go beside it, named after their recipient. */
  path: string | null
}

export interface ReviewApi {
  /** The name comments and suggestions are signed with ('' until the user has given one). */
  reviewerName(): Promise<string>
  setReviewerName(name: string): Promise<IpcResult<string>>
  /** Reads returned copies (.docx); paths null asks with the open dialog (several files); value null = cancelled. */
  readFeedbackCopies(paths: string[] | null): Promise<IpcResult<FeedbackCopy[] | null>>
  /** Writes the 征求意见稿 copies (draft label 征求意见稿 on every page); value null = cancelled. */
  sendForComments(request: SendRequest): Promise<IpcResult<{ sends: RoundSend[] } | null>>
  /** Writes 意见汇总表 as a DOCX; path null asks with the save dialog; value null = cancelled. */
  exportReviewTable(request: { report: ReportFile; path: string | null }): Promise<IpcResult<{ path: string } | null>>
}

export const reviewApiArgs = {
  reviewerName: z.tuple([]),
  setReviewerName: z.tuple([z.string().max(100)]),
  readFeedbackCopies: z.tuple([z.array(z.string().max(4096)).max(100).nullable()]),
  sendForComments: z.tuple([
    z.object({
      report: reportArg,
      recipients: z.array(z.string().max(100)).min(1).max(100),
      markup: z.boolean(),
      version: z.string().min(1).max(100),
      path: z.string().max(4096).nullable(),
    }),
  ]),
  exportReviewTable: z.tuple([z.object({ report: reportArg, path: z.string().max(4096).nullable() })]),
} satisfies Record<keyof ReviewApi, z.ZodTuple>
