import type { CliCommand, ExitCode } from '../cli-command'
import { parseArguments } from '../parse-arguments'
import { parsePartRequest, sendPartRequest } from '../part-request'

const usage = 'wrs submit --server <服务器地址> --token <个人令牌> --report <报告编号> --part <N>'

/** `wrs submit`: part N → submitted. */
export const submitCommand: CliCommand = {
  name: 'submit',
  usage,
  summary: '处室把起草完的第 N 部分提交给负责人审定（提交后本处室不能再改，除非撤回）。',
  async run(args, io): Promise<ExitCode> {
    const parsed = parseArguments(parsePartRequest(args, [], true), usage, io)
    if (!parsed) return 2
    return sendPartRequest(
      parsed,
      'status',
      { status: 'submitted' },
      `已提交第 ${parsed.part} 部分，等待负责人审定。`,
      io,
    )
  },
}
