import path from 'node:path'
import type { ReportFile } from '../../../core/report-file'
import { proposeRollForward } from '../../../core/reuse/propose-roll-forward'
import { rollForward } from '../../../core/reuse/roll-forward'
import { analyzeStructure } from '../../../core/structure/analyze-structure'
import { getBuiltinTemplate } from '../../../core/templates/builtin-templates'
import { formatChineseDate } from '../../../core/report-language/chinese-date'
import { writeReportFile } from '../../services/file-service'
import { refuseExistingOutput } from '../refuse-existing-output'
import type { CliCommand, CliIo, ExitCode } from '../cli-command'
import { parseArguments } from '../parse-arguments'
import { readReportArgument } from '../read-report-argument'

const usage =
  'wrs rollforward <去年的报告.wrs> -o <今年的报告.wrs> [--year <计划年度>] [--meeting <会议名称>] [--date <YYYY-MM-DD>] [--force]'

interface RollForwardArgs {
  input: string
  output: string
  year?: number
  meeting?: string
  date?: string
  force: boolean
}

/** `2024-01-16`, `2024-1-16` or `2024年1月16日` → ISO. */
function parseDate(text: string): string | undefined {
  const match = /^(\d{4})(?:-|年)(\d{1,2})(?:-|月)(\d{1,2})日?$/u.exec(text.trim())
  if (!match) return undefined
  const iso = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`
  return formatChineseDate(iso) ? iso : undefined
}

function parseArgs(args: string[], io: CliIo): RollForwardArgs | string {
  let input: string | undefined
  let output: string | undefined
  const parsed: Partial<RollForwardArgs> = { force: false }
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!
    const value = (): string | undefined => {
      const next = args[index + 1]
      if (next === undefined || next.startsWith('--')) return undefined
      index++
      return next
    }
    if (arg === '-o' || arg === '--output') {
      const target = value()
      if (!target) return '-o 后面需要输出文件路径，例如 -o 2024年报告.wrs。'
      output = path.resolve(io.cwd, target)
    } else if (arg === '--year') {
      const year = Number(value())
      if (!Number.isInteger(year) || year < 1949 || year > 2200)
        return '--year 后面需要四位数的计划年度，例如 --year 2024。'
      parsed.year = year
    } else if (arg === '--meeting') {
      const meeting = value()?.trim()
      if (!meeting) return '--meeting 后面需要会议名称，例如 --meeting 二七区第十七届人民代表大会第四次会议。'
      parsed.meeting = meeting
    } else if (arg === '--date') {
      const date = parseDate(value() ?? '')
      if (!date) return '--date 后面需要会议日期，例如 --date 2024-02-27。'
      parsed.date = date
    } else if (arg === '--force') {
      parsed.force = true
    } else if (arg.startsWith('-')) {
      return `不认识的选项“${arg}”。`
    } else if (input === undefined) {
      input = path.resolve(io.cwd, arg)
    } else {
      return `多余的参数“${arg}”：一次只能从一份去年的报告生成。`
    }
  }
  if (!input) return '缺少去年的报告文件（.wrs）。'
  if (!output) return '缺少输出文件：请用 -o 指定今年报告的保存位置。'
  if (path.resolve(input) === path.resolve(output))
    return '输出文件不能与去年的报告相同：去年的报告不会被改动，请用 -o 指定另一个文件。'
  return { ...parsed, input, output, force: parsed.force ?? false }
}

function reviewSectionTitles(report: ReportFile): { part: string; sections: string[] } | undefined {
  const structure = analyzeStructure(report, getBuiltinTemplate(report.meta.templateId))
  const review = structure.parts.find(part => part.role === 'review')
  return review ? { part: review.title, sections: review.children.map(child => child.title) } : undefined
}

export const rollforwardCommand: CliCommand = {
  name: 'rollforward',
  usage,
  summary:
    '新建下一年报告：计划年度加一、会次加一，去年的主要任务变为今年工作回顾的待写小节，沿用的数字标为待核对。去年的报告不作改动。',
  async run(args, io): Promise<ExitCode> {
    const parsed = parseArguments(parseArgs(args, io), usage, io)
    if (!parsed) return 2
    const last = await readReportArgument(parsed.input, io)
    if (!last) return 2
    if (await refuseExistingOutput([parsed.output], parsed.force, io)) return 2
    const proposals = proposeRollForward(last)
    const next = rollForward(last, {
      planYear: parsed.year,
      meetingName: parsed.meeting,
      date: parsed.date,
      sourceFile: parsed.input,
      now: new Date().toISOString(),
    })
    const written = await writeReportFile(parsed.output, next, 'cli')
    if (!written.ok) {
      io.err(`${written.message}\n`)
      return 2
    }
    const given = (value: unknown): string => (value === undefined ? '（建议值，已标为待核对，请确认）' : '（按参数）')
    const lines = [`已根据去年的报告生成${next.meta.planYear}年报告：${parsed.output}`]
    lines.push(
      `  计划年度：${proposals.planYear.from} → ${next.meta.planYear}${parsed.year === undefined ? '（建议值）' : '（按参数）'}`,
    )
    lines.push(
      `  会议名称：${proposals.meetingName?.from ?? '（去年未写明）'} → ${next.meta.meetingName || '（请填写）'}${next.meta.meetingName ? given(parsed.meeting) : ''}`,
    )
    const nextDate = formatChineseDate(next.meta.date)
    lines.push(
      `  会议日期：${proposals.date ? formatChineseDate(proposals.date.from) : '（去年未写明）'} → ${nextDate || '（请填写）'}${nextDate ? given(parsed.date) : ''}`,
    )
    const review = reviewSectionTitles(next)
    if (review) {
      lines.push(
        `  “${review.part}”已按去年承诺的 ${review.sections.length} 项任务列出待写小节（每节标题下的提示框引用去年的原话，不会打印）：`,
      )
      for (const title of review.sections) lines.push(`    · ${title}`)
    }
    for (const note of proposals.notes) lines.push(`  提示：${note}`)
    lines.push(
      '请在编辑器中逐节写明完成情况并点提示框中的“已完成”，核对所有标为待核对的数字和日期；这些问题改正前不能导出正式稿。',
    )
    io.out(lines.join('\n') + '\n')
    return 0
  },
}
