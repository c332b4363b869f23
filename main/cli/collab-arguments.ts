import type { CliIo } from './cli-command'
import { ServerUnreachable, serverRequest, type ServerAnswer } from '../collab/client/server-request'

export interface ParsedOptions {
  values: Map<string, string[]>
  flags: Set<string>
  positionals: string[]
}

/**
 * `--name value` options (`valueOptions`, repeatable), `--flag` switches and positional arguments; a zh-CN sentence
 * when something is off.
 */
export function parseOptions(
  args: string[],
  valueOptions: readonly string[],
  flagOptions: readonly string[] = [],
): ParsedOptions | string {
  const parsed: ParsedOptions = { values: new Map(), flags: new Set(), positionals: [] }
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!
    if (valueOptions.includes(arg)) {
      const value = args[++index]
      if (value === undefined || (value.startsWith('--') && value.length > 2)) return `“${arg}”后面要写值。`
      parsed.values.set(arg, [...(parsed.values.get(arg) ?? []), value])
    } else if (flagOptions.includes(arg)) parsed.flags.add(arg)
    else if (arg.startsWith('-') && arg.length > 1) return `不认识的选项“${arg}”。`
    else parsed.positionals.push(arg)
  }
  return parsed
}

/** The single value of an option (the last one given). */
export function optionValue(parsed: ParsedOptions, name: string): string | undefined {
  return parsed.values.get(name)?.at(-1)
}

export interface ServerTarget {
  server: string
  token: string
}

/** `--server` (http:// or https://) and `--token` (or the environment variable WRS_TOKEN, which `ps` does not show). */
export function serverTarget(parsed: ParsedOptions): ServerTarget | string {
  const server = optionValue(parsed, '--server')
  if (!server) return '缺少“--server”：协作服务器的地址，例如 --server https://wrs.example.gov.cn:1234。'
  let url: URL
  try {
    url = new URL(server)
  } catch {
    return `服务器地址“${server}”不是有效的网址，应写成 http://主机:端口 或 https://主机:端口。`
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return `服务器地址“${server}”应以 http:// 或 https:// 开头。`
  }
  const token = optionValue(parsed, '--token') ?? process.env.WRS_TOKEN
  if (!token)
    return '缺少“--token”：您的个人令牌（由管理员用 wrs team add-user 生成），也可以放在环境变量 WRS_TOKEN 中。'
  return { server: url.origin, token }
}

export interface ServerOptions {
  options: ParsedOptions
  target: ServerTarget
}

/** `--server` and `--token` (see serverTarget) besides the command's own options. */
export function parseServerOptions(
  args: string[],
  valueOptions: readonly string[],
  flagOptions: readonly string[] = [],
): ServerOptions | string {
  const options = parseOptions(args, ['--server', '--token', ...valueOptions], flagOptions)
  if (typeof options === 'string') return options
  const target = serverTarget(options)
  if (typeof target === 'string') return target
  return { options, target }
}

export const MISSING_REPORT = '缺少“--report”：报告编号（wrs share 输出的最后一行）。'

export interface SharedReportOptions extends ServerOptions {
  report: string
}

/** `--server --token --report <id>` and no positional argument: a command acting on a report on the server. */
export function parseSharedReportOptions(
  args: string[],
  valueOptions: readonly string[],
  flagOptions: readonly string[] = [],
): SharedReportOptions | string {
  const parsed = parseServerOptions(args, ['--report', ...valueOptions], flagOptions)
  if (typeof parsed === 'string') return parsed
  const { options } = parsed
  if (options.positionals.length) return `多余的参数“${options.positionals[0]}”。`
  const report = optionValue(options, '--report')
  if (!report) return MISSING_REPORT
  return { ...parsed, report }
}

/** `--part N` counted from 1. */
export function partNumber(parsed: ParsedOptions): number | string {
  const text = optionValue(parsed, '--part')
  if (!text) return '缺少“--part”：第几部分（一级标题从 1 数起），例如 --part 2。'
  const n = Number(text)
  if (!Number.isInteger(n) || n < 1) return `“--part”应是从 1 起的整数，而不是“${text}”。`
  return n
}

/**
 * Sends a request and prints the server's refusal or the connection problem. Returns the answer's body on success;
 * otherwise the exit code (1 when the server refused on rights, 2 for everything else).
 */
export async function callServer(
  target: ServerTarget,
  method: 'GET' | 'POST',
  path: string,
  io: CliIo,
  body?: string,
): Promise<Record<string, unknown> | 1 | 2> {
  let answer: ServerAnswer
  try {
    answer = await serverRequest(target.server, target.token, method, path, body)
  } catch (error) {
    if (error instanceof ServerUnreachable) {
      io.err(`${error.message}\n`)
      return 2
    }
    throw error
  }
  if (answer.status >= 200 && answer.status < 300) return answer.body
  const message =
    typeof answer.body.error === 'string' ? answer.body.error : `服务器拒绝了请求（HTTP ${answer.status}）。`
  io.err(`${message}\n`)
  return answer.status === 403 ? 1 : 2
}
