import type { PartSummary } from '../collab/server/report-service'
import type { CliIo, ExitCode } from './cli-command'
import { callServer, parseSharedReportOptions, partNumber, type SharedReportOptions } from './collab-arguments'
import { formatParts } from './format-parts'

export interface PartRequestArgs extends SharedReportOptions {
  /** Set when the command names a part (`--part N`). */
  part?: number
}

/** `--server --token --report [--part N]` and the command's own options; a zh-CN sentence when something is off. */
export function parsePartRequest(
  args: string[],
  extraOptions: readonly string[],
  needsPart: boolean,
): PartRequestArgs | string {
  const request = parseSharedReportOptions(args, ['--part', ...extraOptions])
  if (typeof request === 'string' || !needsPart) return request
  const part = partNumber(request.options)
  if (typeof part === 'string') return part
  return { ...request, part }
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
