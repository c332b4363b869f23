import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'

export interface ServerAnswer {
  status: number
  body: Record<string, unknown>
}

/** A request that never reached an answer, with the zh-CN sentence that says why and what to do. */
export class ServerUnreachable extends Error {}

function explain(error: NodeJS.ErrnoException, server: string): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return `连不上协作服务器 ${server}：那里没有服务在运行。请确认 wrs serve 已启动、地址和端口正确。`
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `找不到服务器 ${server}：请检查地址是否写对。`
    case 'ETIMEDOUT':
    case 'ECONNRESET':
      return `与协作服务器 ${server} 的连接中断了。请稍后重试；没有改动被保存的请求可以放心重做。`
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'CERT_HAS_EXPIRED':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `服务器 ${server} 的证书不受信任（${error.code}）。如果单位使用自己签发的证书，请把签发证书的文件路径设为环境变量 NODE_EXTRA_CA_CERTS 后重试。`
    default:
      return `连接协作服务器 ${server} 时出错（${error.code ?? error.message}）。请检查地址后重试。`
  }
}

/** One JSON request to the collaboration server's API, authenticated with a personal token. */
export function serverRequest(
  server: string,
  token: string,
  method: 'GET' | 'POST',
  path: string,
  body?: string,
): Promise<ServerAnswer> {
  const url = new URL(path, server.endsWith('/') ? server : server + '/')
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: 'application/json',
          ...(body !== undefined
            ? { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body) }
            : {}),
        },
        timeout: 120_000,
      },
      response => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          try {
            resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as Record<string, unknown> })
          } catch {
            reject(
              new ServerUnreachable(
                `${server} 的回答不是协作服务器的格式（HTTP ${response.statusCode}）。请确认地址指向 wrs serve。`,
              ),
            )
          }
        })
      },
    )
    request.on('timeout', () => request.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })))
    request.on('error', (error: NodeJS.ErrnoException) => reject(new ServerUnreachable(explain(error, server))))
    request.end(body)
  })
}
