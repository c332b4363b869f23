import { createHash, randomBytes } from 'node:crypto'
import { deflateRawSync, inflateRawSync } from 'node:zlib'
import type { Hocuspocus } from '@hocuspocus/server'
import * as Y from 'yjs'
import {
  isIsoDate,
  isOverdue,
  partLabel,
  partStatusNames,
  readAssignment,
  statusChangeRefusal,
  type Member,
  type PartAssignment,
  type PartStatus,
} from '../../../core/collab/part-workflow'
import { CollabRoot, memberCommentKey, partIdOfRoot } from '../../../core/collab/report-roots'
import { parseReportFile, type ReportFile } from '../../../core/report-file'
import { analyzeUpdate } from '../analyze-update'
import { joinReportDoc } from '../../../core/collab/split-report'
import { mergeCopyIntoBase, readReportFromYDoc, templateOf, writeReportToYDoc } from '../report-ydoc'
import { readReview, seedReview } from '../shared-review'
import type { CollabStore } from '../storage/collab-store'
import { refusalFor } from './report-access'
import type { SharedPart } from '../../../core/ipc/collab-api'

/** A refusal the HTTP layer turns into a status code and a zh-CN sentence. */
export class RequestRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

/** A level-1 part as the server reports it: the shape the editor's `window.api` receives. */
export type PartSummary = SharedPart

/** Today on the server's clock, `YYYY-MM-DD` in local time (due dates are office days). */
export function localToday(date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

function newReportId(): string {
  return 'r-' + randomBytes(9).toString('hex')
}

export function encodeBase(state: Uint8Array): string {
  return deflateRawSync(state).toString('base64')
}

function decodeBase(base: string): Uint8Array {
  try {
    return new Uint8Array(inflateRawSync(Buffer.from(base, 'base64')))
  } catch {
    throw new RequestRefused(
      400,
      '文件中记录的服务器基准版本已损坏，无法合并。请重新 wrs pull 一份，把改动抄过去后再推送。',
    )
  }
}

/**
 * Share, pull, push, assign and status changes: the requests the `wrs` commands (and later the editor) send. Every
 * change goes through the live document (so connected editors see it at once) and is logged before it is applied,
 * like an update from an editor.
 */
export class ReportService {
  constructor(
    private readonly hocuspocus: Hocuspocus,
    private readonly store: CollabStore,
  ) {}

  private requireReport(id: string): void {
    if (!this.store.report(id))
      throw new RequestRefused(404, `服务器上没有编号为“${id}”的共享报告。请检查报告编号（wrs share 输出的最后一行）。`)
  }

  private async withDocument<T>(id: string, member: Member, work: (document: Y.Doc) => Promise<T> | T): Promise<T> {
    this.requireReport(id)
    const connection = await this.hocuspocus.openDirectConnection(id, { member })
    try {
      return await work(connection.document!)
    } finally {
      await connection.disconnect({ unloadImmediately: false })
    }
  }

  /** Logs an update, then applies it to the live document (broadcast to editors and other server processes). */
  private async commit(id: string, document: Y.Doc, member: Member, update: Uint8Array): Promise<void> {
    await this.store.appendUpdate(id, update, member.name)
    Y.applyUpdate(document, update, { source: 'local', context: { member } })
  }

  share(member: Member, fileText: string): { id: string; title: string; parts: string[] } {
    if (member.role !== 'owner') {
      throw new RequestRefused(
        403,
        `只有报告负责人可以共享报告；${member.name}是${member.role === 'editor' ? '编辑' : '只读成员'}。`,
      )
    }
    const report = this.parseFile(fileText)
    const ydoc = new Y.Doc()
    const partIds = writeReportToYDoc(ydoc, { ...report, collab: undefined })
    // The file's comments and decisions, in their authors' maps: written here, at creation, for the owner only.
    // A name that is an active member's goes to his own map; any other name (王五 who reviewed the file) to a map
    // keyed by the name alone, which no member can change (core/collab/report-roots.ts, memberCommentKey).
    const members = new Map(
      this.store
        .listMembers()
        .filter(record => record.revokedAt === null)
        .map(record => [record.name, memberCommentKey(record)]),
    )
    seedReview(ydoc, report, templateOf(report), partIds, name => members.get(name) ?? name, member.name)
    const shared = readReportFromYDoc(ydoc)
    const id = newReportId()
    const title = report.meta.title || shared.partIds.map(part => shared.titles.get(part)).join('、') || '（无标题）'
    this.store.createReport(
      { id, title, createdBy: member.name, createdAt: new Date().toISOString() },
      Y.encodeStateAsUpdate(ydoc),
    )
    ydoc.destroy()
    return {
      id,
      title,
      parts: shared.partIds.map((part, index) => partLabel(index + 1, shared.titles.get(part) ?? '')),
    }
  }

  /** The shared report as a `.wrs` file carrying its base (the state it was read at) for a later push. */
  async pull(member: Member, id: string): Promise<ReportFile> {
    return this.withDocument(id, member, document => this.fileOf(id, document))
  }

  private fileOf(id: string, document: Y.Doc): ReportFile {
    const { report, sections, partIds, titles } = readReportFromYDoc(document)
    const review = readReview(document, sections, partIds, titles)
    return {
      ...report,
      doc: joinReportDoc(review.sections),
      review: { ...report.review, comments: review.comments, decided: review.decided },
      collab: {
        reportId: id,
        server: '',
        base: encodeBase(Y.encodeStateAsUpdate(document)),
        pulledAt: new Date().toISOString(),
      },
    }
  }

  async parts(member: Member, id: string): Promise<PartSummary[]> {
    return this.withDocument(id, member, document => this.summaries(document))
  }

  private summaries(document: Y.Doc): PartSummary[] {
    const { partIds, titles } = readReportFromYDoc(document)
    const workflow = document.getMap<unknown>(CollabRoot.workflow)
    const today = localToday()
    return partIds.map((id, index) => {
      const assignment = readAssignment(workflow.get(id))
      return {
        n: index + 1,
        id,
        title: titles.get(id) ?? '',
        office: assignment.office,
        due: assignment.due,
        status: assignment.status,
        statusName: partStatusNames[assignment.status],
        overdue: isOverdue(assignment, today),
      }
    })
  }

  private partAt(document: Y.Doc, n: number): PartSummary {
    const parts = this.summaries(document)
    const part = parts[n - 1]
    if (!Number.isInteger(n) || !part) {
      throw new RequestRefused(400, `报告只有 ${parts.length} 个部分，没有第 ${n} 部分（部分从 1 数起）。`)
    }
    return part
  }

  /** Writes a part's workflow entry through a copy of the document, so it is logged before it is applied. */
  private async setAssignment(
    id: string,
    document: Y.Doc,
    member: Member,
    partId: string,
    next: PartAssignment,
  ): Promise<void> {
    const scratch = new Y.Doc()
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(document))
    const updates: Uint8Array[] = []
    scratch.on('update', (update: Uint8Array) => updates.push(update))
    scratch
      .getMap<unknown>(CollabRoot.workflow)
      .set(partId, { ...next, updatedBy: member.name, updatedAt: new Date().toISOString() })
    scratch.destroy()
    await this.commit(id, document, member, Y.mergeUpdates(updates))
  }

  async assign(member: Member, id: string, n: number, office: string, due: string | null): Promise<PartSummary[]> {
    if (member.role !== 'owner') throw new RequestRefused(403, '只有报告负责人可以分配部分。')
    if (!office.trim()) throw new RequestRefused(400, '请写明分配给哪个处室（--office）。')
    if (due !== null && !isIsoDate(due))
      throw new RequestRefused(400, `期限“${due}”不是有效日期，请写成 2024-12-20 的形式。`)
    return this.withDocument(id, member, async document => {
      const part = this.partAt(document, n)
      const current = readAssignment(document.getMap<unknown>(CollabRoot.workflow).get(part.id))
      // A part handed to another office starts its drafting again.
      const status = current.office === office ? current.status : 'drafting'
      await this.setAssignment(id, document, member, part.id, { ...current, office, due, status })
      return this.summaries(document)
    })
  }

  async setStatus(member: Member, id: string, n: number, status: PartStatus): Promise<PartSummary[]> {
    return this.withDocument(id, member, async document => {
      const part = this.partAt(document, n)
      const current = readAssignment(document.getMap<unknown>(CollabRoot.workflow).get(part.id))
      const refusal = statusChangeRefusal(member, current, status, partLabel(n, part.title))
      if (refusal) throw new RequestRefused(403, refusal)
      await this.setAssignment(id, document, member, part.id, { ...current, status })
      return this.summaries(document)
    })
  }

  /**
   * Merges an edited copy: the Yjs update between the copy's base and the copy, refused as a whole (nothing stored)
   * when it touches a part the member may not write. Returns the merged report with a new base, and what changed.
   */
  async push(
    member: Member,
    id: string,
    fileText: string,
  ): Promise<{ file: ReportFile; changed: string[]; baseless: boolean }> {
    const copy = this.parseFile(fileText)
    if (copy.collab && copy.collab.reportId !== id) {
      throw new RequestRefused(
        409,
        `这个文件是从共享报告“${copy.collab.reportId}”拉取的，不是“${id}”。请检查 --report。`,
      )
    }
    return this.withDocument(id, member, async document => {
      const baseless = !copy.collab
      const base = copy.collab ? decodeBase(copy.collab.base) : Y.encodeStateAsUpdate(document)
      const clientId = pushClientId(id, base, fileText)
      const merged = mergeCopyIntoBase(base, { ...copy, collab: undefined }, clientId)
      if (!merged.update) return { file: this.fileOf(id, document), changed: [], baseless }
      const analysis = analyzeUpdate(document, merged.update)
      if (analysis.missing) {
        throw new RequestRefused(
          409,
          '文件中记录的基准版本与服务器上的报告对不上（可能来自另一台服务器）。请重新 wrs pull 一份，把改动抄过去后再推送。',
        )
      }
      const refusal = refusalFor(member, document, analysis)
      if (refusal)
        throw new RequestRefused(403, `${refusal}服务器没有保存这个文件的任何改动；请撤销这一部分的改动后再推送。`)
      const before = readReportFromYDoc(document)
      await this.commit(id, document, member, merged.update)
      const changed = [...analysis.roots].map(root => describeRoot(root, before.partIds, merged.partIds, before.titles))
      return { file: this.fileOf(id, document), changed, baseless }
    })
  }

  private parseFile(text: string): ReportFile {
    const parsed = parseReportFile(text)
    if (!parsed.ok) throw new RequestRefused(400, parsed.message)
    return parsed.value
  }
}

/**
 * The same copy pushed twice from the same base gets the same Yjs client id, so the second push repeats operations
 * the server already has instead of inserting the text again.
 */
function pushClientId(id: string, base: Uint8Array, fileText: string): number {
  const digest = createHash('sha256').update(id).update(base).update(fileText).digest()
  const clientId = digest.readUInt32BE(0)
  const known = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(base))
  return known.has(clientId) ? Math.floor(Math.random() * 0xffffffff) : clientId
}

function describeRoot(root: string, before: string[], after: string[], titles: Map<string, string>): string {
  const names: Record<string, string> = {
    [CollabRoot.meta]: '报告信息',
    [CollabRoot.parts]: '部分的增删和顺序',
    [CollabRoot.front]: '标题、副标题、报告人和开头',
    [CollabRoot.closing]: '结束语',
  }
  if (names[root]) return names[root]!
  const partId = partIdOfRoot(root) ?? root
  const index = after.indexOf(partId) >= 0 ? after.indexOf(partId) : before.indexOf(partId)
  return partLabel(index + 1, titles.get(partId) ?? '（新部分）')
}
