import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { startCollabServer, DEFAULT_MAX_MESSAGE_BYTES } from '../../collab/server/collab-server'
import type { CliCommand, ExitCode } from '../cli-command'
import { optionValue, parseOptions } from '../collab-arguments'
import { parseArguments } from '../parse-arguments'

const usage =
  'wrs serve --data <数据目录> [--port 1234] [--host 127.0.0.1] [--redis redis://主机:端口] [--cert <证书.pem> --key <私钥.pem>]'

interface ServeArgs {
  dataDir: string
  port: number
  host: string
  redisUrl?: string
  cert?: string
  key?: string
  maxMessageBytes: number
}

function parseArgs(args: string[], cwd: string): ServeArgs | string {
  const parsed = parseOptions(args, ['--data', '--port', '--host', '--redis', '--cert', '--key', '--max-message-mb'])
  if (typeof parsed === 'string') return parsed
  if (parsed.positionals.length) return `多余的参数“${parsed.positionals[0]}”。`
  const data = optionValue(parsed, '--data')
  if (!data) return '缺少“--data”：服务器保存成员、报告和编辑记录的目录。'
  const portText = optionValue(parsed, '--port') ?? '1234'
  const port = Number(portText)
  if (!Number.isInteger(port) || port < 0 || port > 65535) return `端口“${portText}”无效，应是 0–65535 的整数。`
  const cert = optionValue(parsed, '--cert')
  const key = optionValue(parsed, '--key')
  if (Boolean(cert) !== Boolean(key)) return '“--cert”和“--key”要一起给出（证书和它的私钥）。'
  const megabytes = Number(optionValue(parsed, '--max-message-mb') ?? DEFAULT_MAX_MESSAGE_BYTES / 1024 / 1024)
  if (!(megabytes > 0)) return '“--max-message-mb”应是正数。'
  return {
    dataDir: path.resolve(cwd, data),
    port,
    host: optionValue(parsed, '--host') ?? '127.0.0.1',
    redisUrl: optionValue(parsed, '--redis'),
    cert: cert && path.resolve(cwd, cert),
    key: key && path.resolve(cwd, key),
    maxMessageBytes: Math.round(megabytes * 1024 * 1024),
  }
}

/** `wrs serve`: runs until SIGTERM or SIGINT, then stores every open document and exits 0. */
export const serveCommand: CliCommand = {
  name: 'serve',
  usage,
  summary:
    '运行本单位的协作服务器（Hocuspocus + SQLite）：多人同时编写一份报告；--redis 让多个服务器进程保持同步；--cert/--key 启用 TLS。收到 SIGTERM 时保存全部文档后退出。',
  async run(args, io): Promise<ExitCode> {
    const parsed = parseArguments(parseArgs(args, io.cwd), usage, io)
    if (!parsed) return 2
    let tls: { cert: Buffer; key: Buffer } | undefined
    if (parsed.cert && parsed.key) {
      try {
        tls = { cert: await readFile(parsed.cert), key: await readFile(parsed.key) }
      } catch (error) {
        io.err(`读不到证书或私钥文件（${(error as Error).message}）。请检查 --cert 和 --key 的路径。\n`)
        return 2
      }
    }
    let server
    try {
      server = await startCollabServer({ ...parsed, tls })
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'EADDRINUSE')
        io.err(`端口 ${parsed.port} 已被占用。请换一个端口（--port），或先停止占用它的程序。\n`)
      else if (code === 'EACCES')
        io.err(`没有权限使用端口 ${parsed.port}（1024 以下的端口需要管理员权限）。请换一个端口。\n`)
      else io.err(`协作服务器无法启动：${(error as Error).message}\n`)
      return 2
    }
    io.out(
      `协作服务器已启动：${server.url}（${tls ? 'TLS' : '未加密，仅适合本机或可信内网'}）\n` +
        `数据目录：${parsed.dataDir}（存储：${server.store.driver}）\n` +
        (parsed.redisUrl ? `通过 Redis ${parsed.redisUrl} 与其他服务器进程同步。\n` : '') +
        `健康检查：${server.url}/health；按 Ctrl+C 或发送 SIGTERM 停止。\n`,
    )
    await new Promise<void>(resolve => {
      const stop = () => resolve()
      process.once('SIGTERM', stop)
      process.once('SIGINT', stop)
    })
    await server.close()
    io.out('协作服务器已停止，所有文档都已保存。\n')
    return 0
  },
}
