import { z } from 'zod'
import type { Member, PartStatus } from '../collab/part-workflow'
import { partStatuses } from '../collab/part-workflow'
import type { ReportFile } from '../report-file'
import type { IpcResult } from './ipc-result'
import { reportArg } from './files-api'

/** Where a shared report lives: the office's server addresses (tried in order) and the member's personal token. */
export interface CollabConnection {
  /** `http(s)://host:port` of each `wrs serve` process sharing one data folder or one Redis. */
  servers: string[]
  token: string
}

/** A level-1 part of a shared report as the server sees it (n counts from 1). */
export interface SharedPart {
  n: number
  id: string
  title: string
  office: string | null
  due: string | null
  status: PartStatus
  statusName: string
  overdue: boolean
}

export interface SharedReportSummary {
  id: string
  title: string
  createdBy: string
  createdAt: string
}

export interface CollabSignInAnswer {
  member: Member
  reports: SharedReportSummary[]
  /** The address that answered ('' when offline). */
  server: string
  /** Null when the server answered; else the zh-CN sentence saying why none did, and when the answer is from. */
  offline: { problem: string; signedInAt: string } | null
}

export interface CollabApi {
  /**
   * Who the token belongs to and the reports on the server (GET /api/me, /api/reports). When no address answers,
   * the last answer to the same token on this computer (remembered at each sign-in) with `offline` set to why the
   * server could not be reached: shared reports with a local copy then open from it. Fails when there is neither.
   */
  collabSignIn(connection: CollabConnection): Promise<IpcResult<CollabSignInAnswer>>
  /** Shares a report (owner): POST /api/reports; answers the new report's id. */
  collabShare(connection: CollabConnection, report: ReportFile): Promise<IpcResult<{ id: string; title: string }>>
  collabParts(connection: CollabConnection, reportId: string): Promise<IpcResult<SharedPart[]>>
  collabAssign(
    connection: CollabConnection,
    reportId: string,
    n: number,
    office: string,
    due: string | null,
  ): Promise<IpcResult<SharedPart[]>>
  collabSetStatus(
    connection: CollabConnection,
    reportId: string,
    n: number,
    status: PartStatus,
  ): Promise<IpcResult<SharedPart[]>>
  /** The last connection used (servers only; the token is not kept on disk). */
  collabLastServers(): Promise<string[]>
}

const connectionArg = z.object({
  servers: z.array(z.string().min(1).max(300)).min(1).max(10),
  token: z.string().min(1).max(200),
})
const reportIdArg = z.string().regex(/^[a-z0-9][a-z0-9-]{5,62}$/)

export const collabApiArgs = {
  collabSignIn: z.tuple([connectionArg]),
  collabShare: z.tuple([connectionArg, reportArg]),
  collabParts: z.tuple([connectionArg, reportIdArg]),
  collabAssign: z.tuple([
    connectionArg,
    reportIdArg,
    z.number().int().min(1).max(1000),
    z.string().min(1).max(100),
    z.string().max(10).nullable(),
  ]),
  collabSetStatus: z.tuple([connectionArg, reportIdArg, z.number().int().min(1).max(1000), z.enum(partStatuses)]),
  collabLastServers: z.tuple([]),
} satisfies Record<keyof CollabApi, z.ZodTuple>
