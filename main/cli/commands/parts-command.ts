import type { PartSummary } from '../../collab/server/report-service'
import type { CliCommand, ExitCode } from '../cli-command'
import { callServer } from '../collab-arguments'
import { formatParts } from '../format-parts'
import { parseArguments } from '../parse-arguments'
import { parsePartRequest } from '../part-request'

const usage = 'wrs parts --server <服务器地址> --token <个人令牌> --report <报告编号>'

/** `wrs parts`: who holds which part, by when, how far along, and what is overdue. */
export const partsCommand: CliCommand = {
  name: 'parts',
  usage,
  summary: '列出共享报告的各部分：分配给哪个处室、期限（标出已逾期的）和进度（起草中、已提交、已审定）。',
  async run(args, io): Promise<ExitCode> {
    const parsed = parseArguments(parsePartRequest(args, [], false), usage, io)
    if (!parsed) return 2
    const answer = await callServer(parsed.target, 'GET', `/api/reports/${encodeURIComponent(parsed.report)}/parts`, io)
    if (typeof answer === 'number') return answer
    io.out(formatParts(answer.parts as PartSummary[]))
    return 0
  },
}
