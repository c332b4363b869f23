import path from 'node:path'
import { serializeReportFile } from '../../../core/report-file'
import type { CliCommand, ExitCode } from '../cli-command'
import { callServer, parseServerOptions, type ServerTarget } from '../collab-arguments'
import { parseArguments } from '../parse-arguments'
import { readReportArgument } from '../read-report-argument'

const usage = 'wrs share <报告.wrs> --server <服务器地址> --token <个人令牌>'

function parseArgs(args: string[], cwd: string): { file: string; target: ServerTarget } | string {
  const parsed = parseServerOptions(args, [])
  if (typeof parsed === 'string') return parsed
  const { options, target } = parsed
  const [file, extra] = options.positionals
  if (!file) return '缺少要共享的报告文件（.wrs）。'
  if (extra) return `多余的参数“${extra}”：一次只能共享一个报告。`
  return { file: path.resolve(cwd, file), target }
}

/** `wrs share`: puts a report on the office's server; prints the new report id alone on the last line. */
export const shareCommand: CliCommand = {
  name: 'share',
  usage,
  summary: '把报告共享到协作服务器（只有负责人可以），最后一行输出报告编号。',
  async run(args, io): Promise<ExitCode> {
    const parsed = parseArguments(parseArgs(args, io.cwd), usage, io)
    if (!parsed) return 2
    const report = await readReportArgument(parsed.file, io)
    if (!report) return 2
    const answer = await callServer(parsed.target, 'POST', '/api/reports', io, serializeReportFile(report))
    if (typeof answer === 'number') return answer
    const parts = (answer.parts as string[]) ?? []
    io.out(
      `已共享“${String(answer.title)}”，共 ${parts.length} 个部分：\n` +
        parts.map(part => `  ${part}\n`).join('') +
        '用 wrs assign 把各部分分配给处室；其他人用下面的报告编号 wrs pull 或在编辑器中打开。\n' +
        `${String(answer.id)}\n`,
    )
    return 0
  },
}
