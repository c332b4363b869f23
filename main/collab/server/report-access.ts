import {
  OutgoingMessage,
  type afterHandleMessagePayload,
  type beforeHandleAwarenessPayload,
  type beforeSyncPayload,
  type Connection,
  type Document,
  type Extension,
  type onAuthenticatePayload,
  type onLoadDocumentPayload,
  type onStoreDocumentPayload,
} from '@hocuspocus/server'
import * as Y from 'yjs'
import { partLabel, readAssignment, writeRefusal, type Member } from '../../../core/collab/part-workflow'
import {
  CollabRoot,
  parseCommentsRoot,
  partRootName,
  REPORT_ID_PATTERN,
  targetOfDecidedRoot,
} from '../../../core/collab/report-roots'
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
/** Updates a connection may have waiting for what they build on (the first moments after a reconnect). */
const MAX_HELD_UPDATES = 200
const MAX_HELD_BYTES = 8 * 1024 * 1024

interface Held {
  updates: Uint8Array[]
  bytes: number
  /** The connection's own read-only flag, restored after a held message went by unapplied. */
  readOnly: boolean
  skipping: boolean
}

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
    // Comments and decisions only on text the report holds (no roots made up by the thousand).
    const target = parseCommentsRoot(root)?.target ?? targetOfDecidedRoot(root)
    if (target !== undefined && !document.share.has(target)) {
      return `这次修改的批注或修订记录指向报告中没有的内容（${target.slice(0, 40)}），已拒绝。`
    }
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
  private readonly held = new WeakMap<Connection, Held>()

  constructor(
    private readonly store: CollabStore,
    /** The server log (stderr): refusals and resyncs, so an administrator can tell who was refused what. */
    private readonly log: (line: string) => void = line => console.error(`${new Date().toISOString()} ${line}`),
  ) {}

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
    // Readers may still write their own comments: every update is judged in beforeSync, root by root.
    connectionConfig.readOnly = false
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
      this.log(`${documentName}: ${member.name} 的修改依据尚未收到的内容，暂存等待同步。`)
      this.hold(connection, payload)
      return
    }
    if (refusal) {
      this.log(`${documentName}: 拒绝 ${member.name} 的修改：${refusal}`)
      this.refuse(connection, CloseCode.forbidden, refusal)
    }
    if (analysis.changes) await this.store.appendUpdate(documentName, payload, member.name)
  }

  /**
   * An update that builds on changes the server has not received yet: right after a reconnect the client's first
   * edits can overtake its SyncStep2, which carries what they build on. It is held unapplied (Hocuspocus answers
   * "not saved", as for a read-only connection) and judged again after each following message; once the server has
   * it all, it is acknowledged then. Too much held means the client is out of step: it must resync.
   */
  private hold(connection: Connection, payload: Uint8Array): void {
    const held = this.held.get(connection) ?? { updates: [], bytes: 0, readOnly: connection.readOnly, skipping: false }
    held.updates.push(payload)
    held.bytes += payload.byteLength
    this.held.set(connection, held)
    if (held.updates.length > MAX_HELD_UPDATES || held.bytes > MAX_HELD_BYTES) {
      this.refuse(connection, CloseCode.outOfSync, '这次修改所依据的内容服务器上没有，需要重新同步。')
    }
    if (!held.skipping) held.readOnly = connection.readOnly
    held.skipping = true
    connection.readOnly = true
  }

  async afterHandleMessage({ connection, document, documentName }: afterHandleMessagePayload): Promise<void> {
    const held = this.held.get(connection)
    if (!held) return
    if (held.skipping) {
      connection.readOnly = held.readOnly
      held.skipping = false
      return
    }
    const member = (connection.context as ConnectionContext).member
    const waiting = held.updates.splice(0)
    held.bytes = 0
    for (const update of waiting) {
      const analysis = analyzeUpdate(document, update)
      if (analysis.missing) {
        held.updates.push(update)
        held.bytes += update.byteLength
        continue
      }
      const refusal = refusalFor(member, document, analysis)
      if (refusal) {
        connection.sendStateless(refusalMessage(refusal))
        connection.close({ code: CloseCode.forbidden, reason: refusal })
        this.held.delete(connection)
        return
      }
      if (analysis.changes) {
        await this.store.appendUpdate(documentName, update, member.name)
        Y.applyUpdate(document, update, { source: 'connection', connection })
      }
      connection.send(new OutgoingMessage(connection.messageAddress).writeSyncStatus(true).toUint8Array())
    }
    if (!held.updates.length) this.held.delete(connection)
  }

  private refuse(connection: Connection, code: number, message: string): never {
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
