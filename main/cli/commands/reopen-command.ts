import type { CliCommand, ExitCode } from '../cli-command'
import { parseArguments } from '../parse-arguments'
import { parsePartRequest, sendPartRequest } from '../part-request'

const usage = 'wrs reopen --server <服务器地址> --token <个人令牌> --report <报告编号> --part <N>'

/** `wrs reopen`: part N → drafting. */
export const reopenCommand: CliCommand = {
  name: 'reopen',
  usage,
  summary: '退回第 N 部分，使它回到“起草中”：负责人退回已提交或已审定的部分，处室撤回自己已提交的部分。',
  async run(args, io): Promise<ExitCode> {
    const parsed = parseArguments(parsePartRequest(args, [], true), usage, io)
    if (!parsed) return 2
    return sendPartRequest(parsed, 'status', { status: 'drafting' }, `第 ${parsed.part} 部分已回到“起草中”。`, io)
  },
}
