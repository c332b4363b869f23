import path from 'node:path'
import { parseReportFile, serializeReportFile } from '../../../core/report-file'
import { writeReportFile } from '../../services/file-service'
import type { CliCommand, ExitCode } from '../cli-command'
import { MISSING_REPORT, callServer, optionValue, parseServerOptions, type ServerTarget } from '../collab-arguments'
import { parseArguments } from '../parse-arguments'
import { readReportArgument } from '../read-report-argument'

const usage = 'wrs push <报告.wrs> --server <服务器地址> --token <个人令牌> --report <报告编号>'

interface PushArgs {
  target: ServerTarget
  file: string
  report?: string
}

function parseArgs(args: string[], cwd: string): PushArgs | string {
  const parsed = parseServerOptions(args, ['--report'])
  if (typeof parsed === 'string') return parsed
  const { options, target } = parsed
  const [file, extra] = options.positionals
  if (!file) return '缺少要推送的报告文件（.wrs）。'
  if (extra) return `多余的参数“${extra}”：一次只能推送一个报告。`
  return { target, file: path.resolve(cwd, file), report: optionValue(options, '--report') }
}

/**
 * `wrs push`: merges a copy edited offline into the shared report. The server merges only what changed since the
 * copy was pulled; a change to a part the token may not write refuses the whole push (exit 1, nothing stored). After
 * a merge the file is rewritten with the merged report (its old version kept as .bak), so pushing it again changes
 * nothing.
 */
export const pushCommand: CliCommand = {
  name: 'push',
  usage,
  summary:
    '把离线编辑的 .wrs 合并回协作服务器；只合并自拉取以来的改动。改动了无权修改的部分时全部拒绝（退出码 1，服务器不保存任何内容）。',
  async run(args, io): Promise<ExitCode> {
    const parsed = parseArguments(parseArgs(args, io.cwd), usage, io)
    if (!parsed) return 2
    const copy = await readReportArgument(parsed.file, io)
    if (!copy) return 2
    const report = parsed.report ?? copy.collab?.reportId
    if (!report) {
      io.err(`${MISSING_REPORT}\n用法：${usage}\n`)
      return 2
    }
    const answer = await callServer(
      parsed.target,
      'POST',
      `/api/reports/${encodeURIComponent(report)}/push`,
      io,
      serializeReportFile(copy),
    )
    if (typeof answer === 'number') return answer
    const merged = parseReportFile(String(answer.file))
    if (!merged.ok) {
      io.err(`服务器已合并，但发回的报告无法读取：${merged.message}。请用 wrs pull 重新拉取。\n`)
      return 2
    }
    const changed = (answer.changed as string[]) ?? []
    if (answer.baseless) {
      io.err('提示：这个文件不是用 wrs pull 拉取的，没有记录基准版本；已把它与服务器上的当前内容对比后合并。\n')
    }
    const written = await writeReportFile(
      parsed.file,
      {
        ...merged.value,
        collab: { ...merged.value.collab!, server: parsed.target.server },
      },
      'cli',
    )
    io.out(
      changed.length
        ? `已合并到共享报告 ${report}：${changed.join('、')}。\n`
        : `文件与拉取时相比没有改动，服务器上的报告未变。\n`,
    )
    if (!written.ok) {
      io.err(`${written.message}（合并已在服务器上完成；可用 wrs pull 重新拉取最新版本。）\n`)
      return 2
    }
    io.out(`${parsed.file} 已更新为服务器上的最新版本（含其他人的改动；原文件保留为 .bak）。\n`)
    return 0
  },
}
