import { isIsoDate } from '../../../core/collab/part-workflow'
import type { CliCommand, ExitCode } from '../cli-command'
import { optionValue } from '../collab-arguments'
import { parseArguments } from '../parse-arguments'
import { parsePartRequest, sendPartRequest, type PartRequestArgs } from '../part-request'

const usage =
  'wrs assign --server <服务器地址> --token <个人令牌> --report <报告编号> --part <N> --office <处室> [--due 2024-12-20]'

function parseArgs(args: string[]): (PartRequestArgs & { office: string; due: string | null }) | string {
  const request = parsePartRequest(args, ['--office', '--due'], true)
  if (typeof request === 'string') return request
  const office = optionValue(request.options, '--office')?.trim()
  if (!office) return '缺少“--office”：分配给哪个处室，例如 --office 财经工委。'
  const due = optionValue(request.options, '--due') ?? null
  if (due !== null && !isIsoDate(due)) return `期限“${due}”不是有效日期，请写成 2024-12-20 的形式。`
  return { ...request, office, due }
}

/** `wrs assign`: the owner gives part N (level-1 parts counted from 1) to an office, with an optional due date. */
export const assignCommand: CliCommand = {
  name: 'assign',
  usage,
  summary: '负责人把第 N 部分（一级标题从 1 数起）分配给处室起草，可设期限；该处室的编辑从此可以修改这一部分。',
  async run(args, io): Promise<ExitCode> {
    const parsed = parseArguments(parseArgs(args), usage, io)
    if (!parsed) return 2
    const { office, due } = parsed
    return sendPartRequest(parsed, 'assign', { office, due }, `已把第 ${parsed.part} 部分分配给${office}。`, io)
  },
}
