import path from 'node:path'
import { parseReportFile } from '../../../core/report-file'
import { writeReportFile } from '../../services/file-service'
import type { CliCommand, ExitCode } from '../cli-command'
import { callServer, optionValue, parseSharedReportOptions, type SharedReportOptions } from '../collab-arguments'
import { parseArguments } from '../parse-arguments'
import { refuseExistingOutput } from '../refuse-existing-output'

const usage = 'wrs pull --server <服务器地址> --token <个人令牌> --report <报告编号> -o <报告.wrs> [--force]'

interface PullArgs extends SharedReportOptions {
  output: string
  force: boolean
}

function parseArgs(args: string[], cwd: string): PullArgs | string {
  const request = parseSharedReportOptions(args, ['-o'], ['--force'])
  if (typeof request === 'string') return request
  const output = optionValue(request.options, '-o')
  if (!output) return '缺少“-o”：保存到哪个 .wrs 文件。'
  return { ...request, output: path.resolve(cwd, output), force: request.options.flags.has('--force') }
}

/** `wrs pull`: writes the shared report's current state to a `.wrs` file that remembers it, for wrs push. */
export const pullCommand: CliCommand = {
  name: 'pull',
  usage,
  summary: '把协作服务器上的报告当前内容保存为 .wrs 文件（可离线编辑、检查、导出，之后用 wrs push 合并回去）。',
  async run(args, io): Promise<ExitCode> {
    const parsed = parseArguments(parseArgs(args, io.cwd), usage, io)
    if (!parsed) return 2
    if (await refuseExistingOutput([parsed.output], parsed.force, io)) return 2
    const answer = await callServer(parsed.target, 'GET', `/api/reports/${encodeURIComponent(parsed.report)}`, io)
    if (typeof answer === 'number') return answer
    const file = parseReportFile(String(answer.file))
    if (!file.ok) {
      io.err(`服务器发来的报告无法读取：${file.message}\n`)
      return 2
    }
    const report = { ...file.value, collab: { ...file.value.collab!, server: parsed.target.server } }
    const written = await writeReportFile(parsed.output, report, 'cli')
    if (!written.ok) {
      io.err(`${written.message}\n`)
      return 2
    }
    const threads = report.review.comments
    const open = threads.filter(thread => !thread.resolved).length
    io.out(
      `已把共享报告 ${parsed.report} 保存到 ${parsed.output}。\n` +
        (threads.length
          ? `其中有批注 ${threads.length} 条（未解决 ${open} 条）${open ? '；未解决的批注会挡住正式稿导出' : ''}。批注请在共享报告里回复和解决，推送文件不会改动批注。\n`
          : '') +
        '可以离线编辑、wrs check、wrs export；改完用 wrs push 合并回服务器（只能改分配给您处室的部分）。\n',
    )
    return 0
  },
}
