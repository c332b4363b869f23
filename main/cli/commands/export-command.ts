import path from 'node:path'
import { describeRuleSwitches, gateExport } from '../../../core/checks/export-gate'
import type { Finding } from '../../../core/checks/finding'
import { draftLabels, type DraftLabel, type ExportRequest } from '../../../core/ipc/export-api'
import { exportToPath } from '../../services/export-service'
import type { CliCommand, CliIo, ExitCode } from '../cli-command'
import { fixCommandFor, formatRuleGroups } from '../format-rule-groups'
import { parseArguments } from '../parse-arguments'
import { readReportArgument } from '../read-report-argument'

/** Output formats: `--<flag> <path>`; a second format is one more entry here and in export-service.ts. */
const formats: Array<{ flag: string; format: ExportRequest['format']; name: string; extension: string }> = [
  { flag: '--docx', format: 'docx', name: 'Word 文档', extension: '.docx' },
  { flag: '--pdf', format: 'pdf', name: 'PDF 文档', extension: '.pdf' },
]

const usage = `wrs export <报告.wrs> ${formats.map(entry => `[${entry.flag} <输出${entry.extension}>]`).join(' ')} [--draft ${draftLabels.join('|')}]`

interface ExportArgs {
  input: string
  outputs: Array<{ format: ExportRequest['format']; name: string; path: string }>
  draftLabel: DraftLabel | null
}

function parseArgs(args: string[], io: CliIo): ExportArgs | string {
  let input: string | undefined
  let draftLabel: DraftLabel | null = null
  const outputs: ExportArgs['outputs'] = []
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!
    const format = formats.find(entry => entry.flag === arg)
    if (format) {
      const target = args[++index]
      if (!target || target.startsWith('--'))
        return `${arg} 后面需要输出文件路径，例如 ${arg} 报告${format.extension}。`
      outputs.push({ format: format.format, name: format.name, path: path.resolve(io.cwd, target) })
    } else if (arg === '--draft') {
      const label = args[++index]
      if (!draftLabels.includes(label as DraftLabel))
        return `--draft 后面需要草稿标识（稿别）：${draftLabels.join('、')}之一。`
      draftLabel = label as DraftLabel
    } else if (arg.startsWith('--')) {
      return `不认识的选项“${arg}”。`
    } else if (input === undefined) {
      input = path.resolve(io.cwd, arg)
    } else {
      return `多余的参数“${arg}”：一次只能导出一个报告文件。`
    }
  }
  if (!input) return '缺少要导出的报告文件（.wrs）。'
  if (outputs.length === 0)
    return `请至少指定一种输出：${formats.map(entry => `${entry.flag} <输出${entry.extension}>`).join('、')}。`
  return { input, outputs, draftLabel }
}

/** The blocking errors grouped by rule, at most a few places each. */
function describeBlocking(blocking: Finding[], input: string, io: CliIo): string {
  return formatRuleGroups(blocking, fixCommandFor(input, io.cwd)).join('\n')
}

export const exportCommand: CliCommand = {
  name: 'export',
  usage,
  summary:
    '按公文格式（GB/T 9704）导出报告。正式稿要求检查无错误，否则拒绝导出且不写文件；加 --draft 导出带标识的草稿。',
  async run(args, io): Promise<ExitCode> {
    const parsed = parseArguments(parseArgs(args, io), usage, io)
    if (!parsed) return 2
    const report = await readReportArgument(parsed.input, io)
    if (!report) return 2
    // The gate runs once for all the requested files, so a refusal writes none of them.
    const gate = gateExport(report, parsed.draftLabel)
    const switches = describeRuleSwitches(gate)
    if (!gate.allowed) {
      io.err(
        `未导出：正式稿要求检查没有错误，目前有 ${gate.blocking.length} 个错误需要先改正：\n` +
          describeBlocking(gate.blocking, parsed.input, io) +
          `\n${switches.map(line => `${line}\n`).join('')}` +
          `请改正后再导出，或加 --draft 征求意见稿 导出带标识的草稿。没有写入任何文件。\n`,
      )
      return 1
    }
    for (const line of switches) io.out(`${line}\n`)
    for (const output of parsed.outputs) {
      const result = await exportToPath(
        { report, format: output.format, draftLabel: parsed.draftLabel, path: output.path },
        gate,
      )
      if (!result.ok) {
        io.err(`${result.message}\n`)
        return 2
      }
      const outcome = result.value
      if (outcome.kind === 'written') {
        const label = parsed.draftLabel ? `（${parsed.draftLabel}）` : '（正式稿）'
        io.out(
          `已导出${output.name}${label}：${outcome.path}（${outcome.bytes} 字节${outcome.pages ? `，${outcome.pages} 页` : ''}）\n`,
        )
        for (const substitution of outcome.substitutions)
          io.out(`  字体“${substitution.wanted}”不可用，已用“${substitution.used}”代替。\n`)
      }
    }
    return 0
  },
}
