import { promises as fs } from 'node:fs'
import path from 'node:path'
import { serializeReportFile } from '../../../core/report-file'
import { builtinTemplates, getBuiltinTemplate } from '../../../core/templates/builtin-templates'
import { createReport, type NewReportOptions } from '../../../core/templates/create-report'
import { formatChineseDate } from '../../../core/report-language/chinese-date'
import { writeFileAtomic } from '../../files/write-file-atomic'
import { refuseExistingOutput } from '../refuse-existing-output'
import type { CliCommand, CliIo, ExitCode } from '../cli-command'
import { parseArguments } from '../parse-arguments'

const usage =
  'wrs new --template <npc|cppcc|gov|summary> --year <计划年度> [--org <单位>] [--meeting <会议名称>] [--date <YYYY-MM-DD>] [--speaker-office <职务>] [--speaker <姓名>] [--term-end] -o <文件.wrs> [--force]'

interface NewArgs {
  templateId: string
  output: string
  force: boolean
  options: NewReportOptions
}

const VALUE_OPTIONS: Record<string, string> = {
  '--template': 'template',
  '-t': 'template',
  '--year': 'year',
  '--org': 'org',
  '--meeting': 'meeting',
  '--date': 'date',
  '--speaker-office': 'speakerOffice',
  '--speaker': 'speaker',
  '-o': 'out',
  '--out': 'out',
}

function parseArgs(args: string[], io: CliIo): NewArgs | string {
  const values: Record<string, string> = {}
  let force = false
  let termEnd = false
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined]
    if (flag === '--force' || flag === '-f') force = true
    else if (flag === '--term-end') termEnd = true
    else if (flag in VALUE_OPTIONS) {
      const value = inline ?? args[++index]
      if (value === undefined || (inline === undefined && value.startsWith('-'))) return `选项 ${flag} 后面缺少内容。`
      values[VALUE_OPTIONS[flag]!] = value
    } else if (flag.startsWith('-')) return `不认识的选项“${flag}”。`
    else return `多余的参数“${arg}”。输出文件请用 -o 指定。`
  }
  const ids = builtinTemplates.map(template => `${template.id}（${template.name}）`).join('、')
  if (!values.template) return `缺少 --template。可用的模板：${ids}。`
  if (!getBuiltinTemplate(values.template)) return `没有名为“${values.template}”的模板。可用的模板：${ids}。`
  if (!values.year) return '缺少 --year（计划年度，如 2025）。'
  if (!/^\d{4}$/.test(values.year) || Number(values.year) < 1949 || Number(values.year) > 2200) {
    return `计划年度“${values.year}”无效，请写四位年份，如 --year 2025。`
  }
  if (values.date !== undefined && !formatChineseDate(values.date))
    return `会议日期“${values.date}”无效，请写成 YYYY-MM-DD，如 --date 2025-01-16。`
  if (!values.out) return '缺少输出文件，请用 -o 指定，如 -o 2025年工作报告.wrs。'
  const output = path.resolve(io.cwd, values.out)
  if (path.extname(output).toLowerCase() !== '.wrs') return `输出文件“${values.out}”的扩展名应为 .wrs。`
  const options: NewReportOptions = { planYear: Number(values.year), termEnd }
  if (values.org !== undefined) options.organisation = values.org
  if (values.meeting !== undefined) options.meetingName = values.meeting
  if (values.date !== undefined) options.date = values.date
  if (values.speakerOffice !== undefined) options.speakerOffice = values.speakerOffice
  if (values.speaker !== undefined) options.speakerName = values.speaker
  return { templateId: values.template, output, force, options }
}

async function exists(target: string): Promise<boolean> {
  try {
    await fs.lstat(target)
    return true
  } catch {
    return false
  }
}

/** `wrs new`: a new report from a built-in template. */
export const newCommand: CliCommand = {
  name: 'new',
  usage,
  summary: '按模板新建报告（.wrs），含标题、副题、报告人、称呼、各部分标题和填写提示。',
  async run(args: string[], io: CliIo): Promise<ExitCode> {
    const parsed = parseArguments(parseArgs(args, io), usage, io)
    if (!parsed) return 2
    if (await refuseExistingOutput([parsed.output], parsed.force, io)) return 2
    if (!(await exists(path.dirname(parsed.output)))) {
      io.err(`文件夹“${path.dirname(parsed.output)}”不存在。请先建立文件夹，或换一个输出位置。\n`)
      return 2
    }
    const template = getBuiltinTemplate(parsed.templateId)!
    const report = createReport(template, parsed.options)
    try {
      await writeFileAtomic(parsed.output, serializeReportFile(report))
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      io.err(
        `无法写入“${parsed.output}”${code === 'EACCES' || code === 'EPERM' ? '（没有写入权限）' : ''}。请换一个位置保存。\n`,
      )
      return 2
    }
    io.out(
      `已新建${template.name}：${parsed.output}\n计划年度 ${report.meta.planYear} 年；灰色提示和“×”处需要填写，运行 wrs check 查看待完成的内容。\n`,
    )
    return 0
  },
}
