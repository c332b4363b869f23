import { createServer as createHttpServer, type IncomingMessage, type Server } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { Hocuspocus, type Extension } from '@hocuspocus/server'
import { Redis } from '@hocuspocus/extension-redis'
import { WebSocketServer, type RawData, type WebSocket } from 'ws'
import { CollabStore } from '../storage/collab-store'
import { createHttpApi } from './http-api'
import { ReportAccess } from './report-access'
import { ReportService } from './report-service'

export interface CollabServerOptions {
  dataDir: string
  port: number
  host: string
  /** `redis://host:port[/db]`: keep several server processes on this Redis in step. */
  redisUrl?: string
  tls?: { cert: Buffer; key: Buffer }
  /** Largest WebSocket message; a larger one closes that client's connection (1009), nobody else's. */
  maxMessageBytes?: number
  /** Storage: how long after the last change a document's log is folded into its state. */
  storeDebounceMs?: number
}

export interface RunningCollabServer {
  url: string
  port: number
  store: CollabStore
  /** Stops taking connections, stores every loaded document, closes storage and Redis. */
  close(): Promise<void>
}

export const DEFAULT_MAX_MESSAGE_BYTES = 16 * 1024 * 1024

function redisExtension(url: string): Redis {
  const parsed = new URL(url)
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new Error(`Redis 地址“${url}”应以 redis:// 开头，例如 redis://127.0.0.1:6379。`)
  }
  const db = Number(parsed.pathname.slice(1) || 0)
  return new Redis({
    host: parsed.hostname || '127.0.0.1',
    port: Number(parsed.port || 6379),
    prefix: 'wrs',
    options: {
      db,
      ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}),
      ...(parsed.username ? { username: decodeURIComponent(parsed.username) } : {}),
      ...(parsed.protocol === 'rediss:' ? { tls: {} } : {}),
      // Keep trying while Redis restarts; updates still reach storage and this process's own clients meanwhile.
      maxRetriesPerRequest: null,
    },
  })
}

/** The Fetch API request Hocuspocus expects, built from Node's upgrade request. */
function webRequest(request: IncomingMessage): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string') headers.set(name, value)
    else if (Array.isArray(value)) for (const item of value) headers.append(name, item)
  }
  return new Request(new URL(request.url ?? '/', 'http://server'), { headers })
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}

/**
 * `wrs serve`: Hocuspocus behind our own HTTP(S) server. WebSocket upgrades on `/` go to Hocuspocus through `ws` (with
 * a message size limit); plain requests go to the JSON API (`/health`, `/api/…`). TLS when a certificate is given.
 */
export async function startCollabServer(options: CollabServerOptions): Promise<RunningCollabServer> {
  const store = await CollabStore.open(options.dataDir)
  const access = new ReportAccess(store)
  const extensions: Extension[] = [access]
  const redis = options.redisUrl ? redisExtension(options.redisUrl) : undefined
  if (redis) extensions.unshift(redis)
  const hocuspocus = new Hocuspocus({
    name: 'wrs',
    quiet: true,
    extensions,
    debounce: options.storeDebounceMs ?? 2000,
    maxDebounce: 10_000,
    unloadImmediately: true,
  })
  const service = new ReportService(hocuspocus, store)
  const api = createHttpApi({ hocuspocus, store, service, redis: Boolean(redis) })
  const server: Server = options.tls
    ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, api)
    : createHttpServer(api)
  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
  })

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const pathname = new URL(request.url ?? '/', 'http://server').pathname
    if (pathname !== '/' && pathname !== '/collab') {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n')
      return
    }
    sockets.handleUpgrade(request, socket, head, (websocket: WebSocket) => {
      const connection = hocuspocus.handleConnection(websocket, webRequest(request))
      websocket.on('message', (data: RawData) => connection.handleMessage(toBytes(data)))
      websocket.on('close', (code: number, reason: Buffer) =>
        connection.handleClose({ code, reason: reason.toString() }),
      )
      // An oversized or broken frame ends this socket only; ws has already closed it with 1009/1002.
      websocket.on('error', () => websocket.terminate())
    })
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const address = server.address() as AddressInfo
  const scheme = options.tls ? 'https' : 'http'
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address

  let closing: Promise<void> | undefined
  const close = () =>
    (closing ??= (async () => {
      server.close()
      hocuspocus.closeConnections()
      for (const client of sockets.clients) client.close(1001, 'server shutting down')
      // Run the debounced stores now and wait for them (Redis takes its lock in them), then fold what is left.
      const storing = (name: string) =>
        hocuspocus.debouncer.isDebounced(`onStoreDocument-${name}`) ||
        hocuspocus.debouncer.isCurrentlyExecuting(`onStoreDocument-${name}`)
      const deadline = Date.now() + 10_000
      while ([...hocuspocus.documents.keys()].some(storing) && Date.now() < deadline) {
        hocuspocus.flushPendingStores()
        await new Promise(resolve => setTimeout(resolve, 20))
      }
      for (const [name, document] of hocuspocus.documents) access.compact(name, document)
      access.close()
      await hocuspocus.hooks('onDestroy', { instance: hocuspocus })
      sockets.close()
      server.closeAllConnections?.()
      store.close()
    })())

  return { url: `${scheme}://${host}:${address.port}`, port: address.port, store, close }
}
