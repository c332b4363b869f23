import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'
import { readAssignment, type Member, type PartAssignment } from '../../core/collab/part-workflow'
import { CollabRoot } from '../../core/collab/report-roots'
import type { CollabConnection } from '../../core/ipc/collab-api'
import { failoverWebSocket, webSocketUrl } from './failover-websocket'
import { cursorField } from './root-awareness'

export type ConnectionStatus = 'connecting' | 'connected' | 'synced' | 'offline' | 'refused-auth'

/** Someone in the shared report now: name, offices, and the roots his cursor is in. */
export interface Presence {
  clientId: number
  name: string
  offices: string[]
  roots: string[]
  self: boolean
}

export interface SessionSnapshot {
  /** Grows each time the session starts over with a fresh Y.Doc (after a refusal): editors are rebuilt. */
  generation: number
  status: ConnectionStatus
  /** The first sync with the server is done (editors bind only then: an empty root must not be filled locally). */
  ready: boolean
  partIds: string[]
  workflow: Map<string, PartAssignment>
  presence: Presence[]
}

/** The IndexedDB database holding a member's local copy of a shared report (per first server address). */
export function localCopyName(connection: CollabConnection, reportId: string, memberName: string): string {
  return `wrs-collab:${connection.servers[0] ?? ''}:${reportId}:${memberName}`
}

/** Which of these shared reports have a local copy on this computer (opened here before). */
export async function reportsWithLocalCopy(
  connection: CollabConnection,
  reportIds: readonly string[],
  memberName: string,
): Promise<Set<string>> {
  const names = new Set((await indexedDB.databases()).map(each => each.name))
  const held = await Promise.all(
    reportIds.map(async id => {
      const name = localCopyName(connection, id, memberName)
      return names.has(name) && (await storedUpdates(name)) > 0 ? [id] : []
    }),
  )
  return new Set(held.flat())
}

/** Yjs updates in one y-indexeddb database (0 when it cannot be read). */
function storedUpdates(name: string): Promise<number> {
  return new Promise(resolve => {
    const open = indexedDB.open(name)
    open.onerror = () => resolve(0)
    open.onsuccess = () => {
      const db = open.result
      try {
        const count = db.transaction('updates').objectStore('updates').count()
        count.onsuccess = () => {
          db.close()
          resolve(count.result)
        }
        count.onerror = () => {
          db.close()
          resolve(0)
        }
      } catch {
        db.close()
        resolve(0)
      }
    }
  })
}

/** Close code of a refused update (main/collab/server/report-access.ts). */
const CLOSE_FORBIDDEN = 4403

/**
 * One shared report on the office's server: the Y.Doc, its HocuspocusProvider (token, server addresses with
 * failover), and what the screen shows of it (parts, workflow, presence, connection). After a refusal (close 4403)
 * it starts over with a fresh Y.Doc: the old one holds operations the server will never accept.
 */
export class CollabSession {
  doc!: Y.Doc
  provider!: HocuspocusProvider
  private socket!: HocuspocusProviderWebsocket
  /** The local copy (IndexedDB): the report opens and takes edits while the server is unreachable. */
  private local!: IndexeddbPersistence
  private snapshot: SessionSnapshot
  private readonly listeners = new Set<() => void>()
  private destroyed = false
  private pendingRefusal: string | null = null

  constructor(
    readonly connection: CollabConnection,
    readonly reportId: string,
    readonly member: Member,
    private readonly events: { onRefused(message: string): void; onAuthFailed(message: string): void },
  ) {
    this.snapshot = {
      generation: 0,
      status: 'connecting',
      ready: false,
      partIds: [],
      workflow: new Map(),
      presence: [],
    }
    this.start()
  }

  private start(): void {
    const doc = new Y.Doc()
    this.doc = doc
    const local = new IndexeddbPersistence(this.localName(), doc)
    this.local = local
    void local.whenSynced.then(() => {
      // Opened offline: the local copy is enough to show and edit the report; the provider merges it later.
      if (this.local === local && !this.snapshot.ready && this.read().partIds!.length > 0)
        this.update({ ...this.read(), ready: true })
    })
    const urls = this.connection.servers.map(webSocketUrl)
    this.socket = new HocuspocusProviderWebsocket({
      url: urls[0]!,
      WebSocketPolyfill: failoverWebSocket(urls),
      delay: 200,
      minDelay: 200,
      maxDelay: 3_000,
      factor: 1.5,
      messageReconnectTimeout: 15_000,
    })
    this.provider = new HocuspocusProvider({
      websocketProvider: this.socket,
      name: this.reportId,
      document: doc,
      token: this.connection.token,
      onStatus: ({ status }) => {
        if (status === 'disconnected') this.update({ status: 'offline' })
        else if (status === 'connected' && this.snapshot.status !== 'synced') this.update({ status: 'connected' })
      },
      onSynced: ({ state }) => {
        if (state) this.update({ ...this.read(), status: 'synced', ready: true })
      },
      onStateless: ({ payload }) => {
        try {
          const message = JSON.parse(payload) as { type?: string; message?: string }
          if (message.type === 'refused' && message.message) this.pendingRefusal = message.message
        } catch {
          // not ours
        }
      },
      onClose: ({ event }) => {
        // The server closes the report (a Hocuspocus close message, code 1000 on the client) right after `refused`.
        if ((event.code !== CLOSE_FORBIDDEN && this.pendingRefusal === null) || this.destroyed) return
        const message = this.pendingRefusal ?? event.reason
        this.pendingRefusal = null
        this.events.onRefused(message)
        queueMicrotask(() => void this.restart())
      },
      onAuthenticationFailed: ({ reason }) => {
        this.update({ status: 'refused-auth' })
        this.events.onAuthFailed(reason)
      },
    })
    this.provider.setAwarenessField('user', { name: this.member.name })
    const refresh = () => this.update(this.read())
    doc.getArray(CollabRoot.parts).observe(refresh)
    doc.getMap(CollabRoot.workflow).observe(refresh)
    this.provider.awareness?.on('change', refresh)
    this.provider.attach()
  }

  private localName(): string {
    return localCopyName(this.connection, this.reportId, this.member.name)
  }

  private async restart(): Promise<void> {
    if (this.destroyed) return
    const local = this.local
    this.stop()
    // The local copy holds the refused operations too: it starts over with the server's state.
    await local.clearData().catch(() => undefined)
    if (this.destroyed) return
    this.snapshot = { ...this.snapshot, generation: this.snapshot.generation + 1, status: 'connecting', ready: false }
    this.start()
    this.emit()
  }

  private stop(): void {
    this.provider.destroy()
    this.socket.destroy()
    void this.local.destroy()
    this.doc.destroy()
  }

  destroy(): void {
    this.destroyed = true
    this.stop()
    this.listeners.clear()
  }

  private read(): Partial<SessionSnapshot> {
    const partIds: string[] = []
    for (const value of this.doc.getArray<unknown>(CollabRoot.parts).toArray()) {
      if (typeof value === 'string' && !partIds.includes(value)) partIds.push(value)
    }
    const workflow = new Map<string, PartAssignment>()
    this.doc.getMap<unknown>(CollabRoot.workflow).forEach((value, key) => workflow.set(key, readAssignment(value)))
    const presence: Presence[] = []
    const awareness = this.provider.awareness
    for (const [clientId, state] of awareness?.getStates() ?? []) {
      const user = (state as { user?: { name?: unknown; offices?: unknown } }).user
      if (!user || typeof user.name !== 'string') continue
      const roots = Object.keys(state)
        .filter(key => key.startsWith('cursor:') && (state as Record<string, unknown>)[key] != null)
        .map(key => key.slice('cursor:'.length))
      presence.push({
        clientId,
        name: user.name,
        offices: Array.isArray(user.offices) ? user.offices.map(String) : [],
        roots,
        self: clientId === awareness!.clientID,
      })
    }
    return { partIds, workflow, presence }
  }

  private update(change: Partial<SessionSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...change }
    this.emit()
  }

  private emit(): void {
    for (const listener of [...this.listeners]) listener()
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): SessionSnapshot => this.snapshot

  /** Names of the others whose cursor is in `root` now. */
  peopleIn(root: string): string[] {
    return this.snapshot.presence.filter(each => !each.self && each.roots.includes(root)).map(each => each.name)
  }

  static cursorField = cursorField
}
