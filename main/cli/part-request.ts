import type { PartSummary } from '../collab/server/report-service'
import type { CliIo, ExitCode } from './cli-command'
import {
  callServer,
  optionValue,
  parseOptions,
  partNumber,
  serverTarget,
  type ParsedOptions,
  type ServerTarget,
} from './collab-arguments'
import { formatParts } from './format-parts'

export interface PartRequestArgs {
  target: ServerTarget
  report: string
  /** Set when the command names a part (`--part N`). */
  part?: number
  options: ParsedOptions
}

/** `--server --token --report [--part N]` and the command's own options; a zh-CN sentence when something is off. */
export function parsePartRequest(
  args: string[],
  extraOptions: readonly string[],
  needsPart: boolean,
): PartRequestArgs | string {
  const options = parseOptions(args, ['--server', '--token', '--report', '--part', ...extraOptions])
  if (typeof options === 'string') return options
  const target = serverTarget(options)
  if (typeof target === 'string') return target
  if (options.positionals.length) return `多余的参数“${options.positionals[0]}”。`
  const report = optionValue(options, '--report')
  if (!report) return '缺少“--report”：报告编号（wrs share 输出的最后一行）。'
  if (!needsPart) return { target, report, options }
  const part = partNumber(options)
  if (typeof part === 'string') return part
  return { target, report, part, options }
}

/** Sends a part request and prints the parts as they are afterwards. */
export async function sendPartRequest(
  args: PartRequestArgs,
  action: 'assign' | 'status',
  body: Record<string, unknown>,
  done: string,
  io: CliIo,
): Promise<ExitCode> {
  const answer = await callServer(
    args.target,
    'POST',
    `/api/reports/${encodeURIComponent(args.report)}/parts/${args.part}/${action}`,
    io,
    JSON.stringify(body),
  )
  if (typeof answer === 'number') return answer
  io.out(`${done}\n${formatParts(answer.parts as PartSummary[])}`)
  return 0
}
