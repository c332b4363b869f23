import type {
  beforeHandleAwarenessPayload,
  beforeSyncPayload,
  Document,
  Extension,
  onAuthenticatePayload,
  onLoadDocumentPayload,
  onStoreDocumentPayload,
} from '@hocuspocus/server'
import * as Y from 'yjs'
import { partLabel, readAssignment, writeRefusal, type Member } from '../../../core/collab/part-workflow'
import { CollabRoot, partRootName, REPORT_ID_PATTERN } from '../../../core/collab/report-roots'
import { analyzeUpdate, type UpdateAnalysis } from '../analyze-update'
import { partIdsOf } from '../report-ydoc'
import type { CollabStore } from '../storage/collab-store'

/** What `onAuthenticate` puts on a connection. */
export interface ConnectionContext {
  member: Member
  token: string
}

/** Close codes a client can act on (4401/4403 as Hocuspocus uses them; 4409: resync needed). */
export const CloseCode = { unauthorized: 4401, forbidden: 4403, outOfSync: 4409 } as const

/** Origin of changes the server makes itself (catching up from storage): no store hooks, no rights check. */
export const storageOrigin = { source: 'local' as const, skipStoreHooks: true }

const SYNC_STEP_1 = 0

/** The message a refused client hears (a Hocuspocus stateless message before its connection to the report closes). */
export function refusalMessage(message: string): string {
  return JSON.stringify({ type: 'refused', message })
}

/** `第二部分“……”` for a part id of a live document. */
export function describePartOf(document: Y.Doc): (partId: string) => string {
  const ids = partIdsOf(document)
  return partId => {
    const index = ids.indexOf(partId)
    const heading = document.getXmlFragment(partRootName(partId)).get(0)
    let title = ''
    if (heading instanceof Y.XmlElement) {
      for (const child of heading.toArray()) {
        if (child instanceof Y.XmlText)
          title += child
            .toDelta()
            .map((op: { insert?: unknown }) => op.insert ?? '')
            .join('')
      }
    }
    return index >= 0 ? partLabel(index + 1, title) : `已删除的部分“${title}”`
  }
}

/** The first reason `member` may not make this change, or null. */
export function refusalFor(member: Member, document: Y.Doc, analysis: UpdateAnalysis): string | null {
  if (analysis.foreign) return '这次修改包含报告不支持的内容（子文档），已拒绝。'
  const workflow = document.getMap<unknown>(CollabRoot.workflow)
  const describe = describePartOf(document)
  for (const root of analysis.roots) {
    const refusal = writeRefusal(member, root, partId => readAssignment(workflow.get(partId)), describe)
    if (refusal) return refusal
  }
  return null
}

/** Applies what storage holds and the document lacks (updates another server process acknowledged). */
export function catchUpFromStorage(store: CollabStore, name: string, document: Y.Doc): void {
  const stored = store.loadDocument(name)
  if (stored.state) Y.applyUpdate(document, stored.state, storageOrigin)
  for (const update of stored.updates) Y.applyUpdate(document, update, storageOrigin)
}

/**
 * The server's side of rights and durability, as one Hocuspocus extension:
 * - `onAuthenticate`: the token must belong to an active member and the document must be a shared report;
 * - `beforeSync`: every update is analysed before it is applied (main/collab/analyze-update.ts); one that touches a
 *   root type the member may not write is refused — the connection to the report is closed with the reason, nothing
 *   is applied or stored; an allowed one is logged in SQLite before Hocuspocus applies and acknowledges it;
 * - `beforeHandleAwareness`: presence carries the authenticated name, whatever the client claims;
 * - `onLoadDocument` / `onStoreDocument`: state plus log in, compacted state out.
 */
export class ReportAccess implements Extension {
  extensionName = 'ReportAccess'
  // After Redis (1000), which takes its lock in onStoreDocument first.
  priority = 500

  private closed = false

  constructor(private readonly store: CollabStore) {}

  /** After shutdown has stored everything: refuse further updates, skip late store hooks. */
  close(): void {
    this.closed = true
  }

  async onAuthenticate({ token, documentName, connectionConfig }: onAuthenticatePayload): Promise<ConnectionContext> {
    const member = token ? this.store.memberByToken(token) : undefined
    if (!member) throw { reason: '令牌无效或已被收回。请向报告负责人索取新的个人令牌。' }
    if (!REPORT_ID_PATTERN.test(documentName) || !this.store.report(documentName)) {
      throw { reason: `服务器上没有编号为“${documentName.slice(0, 64)}”的共享报告。` }
    }
    connectionConfig.readOnly = member.role === 'reader'
    return { member, token }
  }

  async beforeSync({ type, payload, document, documentName, connection, context }: beforeSyncPayload): Promise<void> {
    if (type === SYNC_STEP_1) return
    if (this.closed) throw { code: 1001, reason: 'server shutting down' }
    const { token } = context as ConnectionContext
    // A token revoked while its holder is connected stops writing at once.
    const member = this.store.memberByToken(token)
    if (!member) this.refuse(connection, CloseCode.unauthorized, '令牌已被收回，不能再修改报告。')
    let analysis = analyzeUpdate(document, payload)
    let refusal = analysis.missing ? 'missing' : refusalFor(member, document, analysis)
    if (refusal) {
      // Another server process may have acknowledged what this update builds on: catch up, then judge again.
      catchUpFromStorage(this.store, documentName, document)
      analysis = analyzeUpdate(document, payload)
      refusal = analysis.missing ? 'missing' : refusalFor(member, document, analysis)
    }
    if (refusal === 'missing') {
      this.refuse(connection, CloseCode.outOfSync, '这次修改所依据的内容服务器上没有，需要重新同步。')
    }
    if (refusal) this.refuse(connection, CloseCode.forbidden, refusal)
    if (analysis.changes) await this.store.appendUpdate(documentName, payload, member.name)
  }

  private refuse(connection: beforeSyncPayload['connection'], code: number, message: string): never {
    connection.sendStateless(refusalMessage(message))
    throw { code, reason: message }
  }

  async beforeHandleAwareness({ states, context }: beforeHandleAwarenessPayload): Promise<void> {
    const member = (context as ConnectionContext | undefined)?.member
    if (!member) return
    for (const state of states.values()) {
      if (state && typeof state === 'object') {
        ;(state as Record<string, unknown>).user = { name: member.name, offices: member.offices, role: member.role }
      }
    }
  }

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload): Promise<void> {
    if (!this.store.report(documentName)) throw { reason: `服务器上没有编号为“${documentName}”的共享报告。` }
    catchUpFromStorage(this.store, documentName, document)
  }

  async onStoreDocument({ documentName, document }: onStoreDocumentPayload): Promise<void> {
    if (!this.closed) this.compact(documentName, document)
  }

  /** Folds the log into the stored state (after applying what other processes logged, so nothing is dropped). */
  compact(name: string, document: Document): void {
    this.store.compact(name, stored => {
      if (stored.state) Y.applyUpdate(document, stored.state, storageOrigin)
      for (const update of stored.updates) Y.applyUpdate(document, update, storageOrigin)
      return Y.encodeStateAsUpdate(document)
    })
  }
}
