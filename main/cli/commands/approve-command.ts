import type { CliCommand, ExitCode } from '../cli-command'
import { parseArguments } from '../parse-arguments'
import { parsePartRequest, sendPartRequest } from '../part-request'

const usage = 'wrs approve --server <服务器地址> --token <个人令牌> --report <报告编号> --part <N>'

/** `wrs approve`: part N → approved. */
export const approveCommand: CliCommand = {
  name: 'approve',
  usage,
  summary: '负责人审定已提交的第 N 部分（审定后处室不能再改）。',
  async run(args, io): Promise<ExitCode> {
    const parsed = parseArguments(parsePartRequest(args, [], true), usage, io)
    if (!parsed) return 2
    return sendPartRequest(parsed, 'status', { status: 'approved' }, `已审定第 ${parsed.part} 部分。`, io)
  },
}
