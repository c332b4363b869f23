import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Hocuspocus } from '@hocuspocus/server'
import { partStatuses, type Member, type PartStatus } from '../../../core/collab/part-workflow'
import { REPORT_ID_PATTERN } from '../../../core/collab/report-roots'
import { serializeReportFile } from '../../../core/report-file'
import type { CollabStore } from '../storage/collab-store'
import { RequestRefused, type ReportService } from './report-service'

/** Largest request body: a 400-page report is a few megabytes of JSON. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024

export interface HttpApiOptions {
  hocuspocus: Hocuspocus
  store: CollabStore
  service: ReportService
  redis: boolean
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  })
  response.end(text)
}

async function readBody(request: IncomingMessage): Promise<string> {
  const declared = Number(request.headers['content-length'] ?? 0)
  if (declared > MAX_BODY_BYTES) throw new RequestRefused(413, '文件太大（超过 32 MB），服务器不接收。')
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) throw new RequestRefused(413, '文件太大（超过 32 MB），服务器不接收。')
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks).toString('utf8')
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  try {
    const value = JSON.parse(await readBody(request)) as unknown
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>
  } catch (error) {
    if (error instanceof RequestRefused) throw error
  }
  throw new RequestRefused(400, '请求内容不是有效的 JSON。')
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    throw new RequestRefused(404, '没有这个地址。')
  }
}

/**
 * The server's HTTP side: `GET /health` for monitoring, and the JSON requests of `wrs share/pull/push/assign/…` under
 * `/api/`, each authenticated by `Authorization: Bearer <personal token>`. Nothing else is answered — in particular no
 * file is ever served, so no path can reach outside the data folder.
 */
export function createHttpApi(options: HttpApiOptions) {
  const { hocuspocus, store, service } = options
  const started = Date.now()

  const authenticate = (request: IncomingMessage): Member => {
    const header = request.headers.authorization ?? ''
    const token = /^Bearer\s+(\S+)$/.exec(header)?.[1]
    const member = token ? store.memberByToken(token) : undefined
    if (!member) throw new RequestRefused(401, '令牌无效或已被收回。请检查 --token，或向报告负责人索取新的个人令牌。')
    return member
  }

  const reportId = (value: string): string => {
    if (!REPORT_ID_PATTERN.test(value)) throw new RequestRefused(404, `报告编号“${value.slice(0, 64)}”格式不对。`)
    return value
  }

  const route = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://server')
    const method = request.method ?? 'GET'
    const segments = url.pathname.split('/').filter(Boolean).map(decodeSegment)
    if (method === 'GET' && url.pathname === '/health') {
      return send(response, 200, {
        status: 'ok',
        service: 'wrs-collab',
        storage: store.driver,
        redis: options.redis,
        documents: hocuspocus.getDocumentsCount(),
        connections: hocuspocus.getConnectionsCount(),
        uptimeSeconds: Math.round((Date.now() - started) / 1000),
      })
    }
    if (segments[0] !== 'api') throw new RequestRefused(404, '没有这个地址。')
    const member = authenticate(request)
    const [, collection, idText, sub, nText, action] = segments
    if (collection === 'me' && segments.length === 2 && method === 'GET') return send(response, 200, member)
    if (collection !== 'reports') throw new RequestRefused(404, '没有这个地址。')
    if (segments.length === 2) {
      if (method === 'GET') return send(response, 200, { reports: store.listReports() })
      if (method === 'POST') return send(response, 201, service.share(member, await readBody(request)))
    }
    const id = reportId(idText ?? '')
    if (segments.length === 3 && method === 'GET') {
      return send(response, 200, { file: serializeReportFile(await service.pull(member, id)) })
    }
    if (segments.length === 4 && sub === 'push' && method === 'POST') {
      const result = await service.push(member, id, await readBody(request))
      return send(response, 200, { ...result, file: serializeReportFile(result.file) })
    }
    if (sub === 'parts') {
      if (segments.length === 4 && method === 'GET')
        return send(response, 200, { parts: await service.parts(member, id) })
      const n = Number(nText)
      if (segments.length === 6 && method === 'POST' && action === 'assign') {
        const body = await readJson(request)
        const due = typeof body.due === 'string' && body.due ? body.due : null
        const office = typeof body.office === 'string' ? body.office : ''
        return send(response, 200, { parts: await service.assign(member, id, n, office, due) })
      }
      if (segments.length === 6 && method === 'POST' && action === 'status') {
        const body = await readJson(request)
        const status = body.status as PartStatus
        if (!partStatuses.includes(status))
          throw new RequestRefused(400, '进度只能是 drafting、submitted 或 approved。')
        return send(response, 200, { parts: await service.setStatus(member, id, n, status) })
      }
    }
    throw new RequestRefused(404, '没有这个地址。')
  }

  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    try {
      await route(request, response)
    } catch (error) {
      if (error instanceof RequestRefused) return send(response, error.status, { error: error.message })
      console.error('[wrs serve]', error)
      send(response, 500, {
        error: '服务器处理请求时出错，没有保存任何改动。请稍后重试；若一再出现，请把服务器日志交给管理员。',
      })
    }
  }
}
