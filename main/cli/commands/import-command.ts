import { promises as fs } from 'node:fs'
import path from 'node:path'
import { nodeText, NodeType, type DocNode } from '../../../core/document-model'
import { reportKindNames } from '../../../core/report-kind'
import { headingLevel } from '../../../core/report-language/heading-level'
import { isPartRole, partRoleNames } from '../../../core/report-language/part-title'
import { serializeReportFile, type ReportFile } from '../../../core/report-file'
import { writeFileAtomic } from '../../files/write-file-atomic'
import { reportTextTooLarge } from '../../services/file-service'
import { writeErrorMessage } from '../../services/write-error-message'
import { importReportFile } from '../../services/import-service'
import { refuseExistingOutput } from '../refuse-existing-output'
import type { CliCommand, CliIo, ExitCode } from '../cli-command'
import { parseArguments } from '../parse-arguments'

const usage = 'wrs import <文件.docx|.md|.txt|.wrs> -o <输出.wrs 或 文件夹> [--force]'

function parseArgs(args: string[], io: CliIo): { input: string; output?: string; force: boolean } | string {
  let input: string | undefined
  let output: string | undefined
  let force = false
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!
    if (arg === '--force' || arg === '-f') {
      force = true
    } else if (arg === '-o' || arg === '--out') {
      const value = args[++index]
      if (!value || value.startsWith('-')) return `${arg} 后面需要输出文件（.wrs）或文件夹的路径。`
      output = path.resolve(io.cwd, value)
    } else if (arg.startsWith('-')) {
      return `不认识的选项“${arg}”。`
    } else if (input === undefined) {
      input = path.resolve(io.cwd, arg)
    } else {
      return `多余的参数“${arg}”：一次只能导入一个文件。`
    }
  }
  if (!input) return '缺少要导入的文件（.docx、.md、.txt 或 .wrs）。'
  return { input, output, force }
}

async function isDirectory(target: string): Promise<boolean> {
  try {
    return (await fs.stat(target)).isDirectory()
  } catch {
    return false
  }
}

/** `-o out.wrs` → out.wrs (one report) or out-1.wrs, out-2.wrs …; `-o dir` (or none) → dir/<source name>[-n].wrs. */
async function outputPaths(input: string, output: string | undefined, count: number): Promise<string[]> {
  const base = path.basename(input, path.extname(input))
  let directory: string
  let stem: string
  if (output && path.extname(output).toLowerCase() === '.wrs' && !(await isDirectory(output))) {
    directory = path.dirname(output)
    stem = path.basename(output, path.extname(output))
  } else {
    directory = output ?? path.dirname(input)
    stem = base
  }
  return Array.from({ length: count }, (_, index) =>
    path.join(directory, count === 1 ? `${stem}.wrs` : `${stem}-${index + 1}.wrs`),
  )
}

function sectionCount(doc: DocNode, partIndex: number): number {
  const nodes = doc.content ?? []
  let count = 0
  for (let index = partIndex + 1; index < nodes.length; index++) {
    const node = nodes[index]!
    if (node.type !== NodeType.heading) continue
    const level = headingLevel(node)
    if (level === 1) break
    if (level === 2) count++
  }
  return count
}

function describe(report: ReportFile, target: string): string {
  const meta = report.meta
  const lines = [
    `${target}`,
    `  类别：${reportKindNames[meta.kind]}　计划年度：${meta.planYear}年　编号方式：${meta.numbering === 'yearParts' ? '年度分部（不编号）' : '一、（一）逐级编号'}`,
  ]
  if (meta.title) lines.push(`  标题：${meta.title}`)
  if (meta.meetingName) lines.push(`  会议：${meta.meetingName}${meta.date ? `（${meta.date}）` : ''}`)
  if (meta.speakerName || meta.speakerOffice)
    lines.push(`  报告人：${[meta.speakerOffice, meta.speakerName].filter(Boolean).join(' ')}`)
  const nodes = report.doc.content ?? []
  nodes.forEach((node, index) => {
    if (node.type !== NodeType.heading || headingLevel(node) !== 1) return
    const role = isPartRole(node.attrs?.role) ? partRoleNames[node.attrs.role] : '未识别'
    lines.push(`  部分：${nodeText(node)}（${role}，${sectionCount(report.doc, index)} 节）`)
  })
  return lines.join('\n')
}

export const importCommand: CliCommand = {
  name: 'import',
  usage,
  summary: '导入 Word、Markdown 或文本中的报告（一页有几份报告时分别导入），每份写成一个 .wrs 文件；原文件不会被改动。',
  async run(args, io): Promise<ExitCode> {
    const parsed = parseArguments(parseArgs(args, io), usage, io)
    if (!parsed) return 2
    const result = await importReportFile(parsed.input)
    if (!result.ok) {
      io.err(`${result.message}\n`)
      return 2
    }
    const { reports, notes } = result.value
    const targets = await outputPaths(parsed.input, parsed.output, reports.length)
    if (targets.some(target => path.resolve(target) === path.resolve(parsed.input))) {
      io.err(`输出文件与源文件相同（${parsed.input}），为保护原文件未写入。请用 -o 指定另一个文件名。\n`)
      return 2
    }
    if (await refuseExistingOutput(targets, parsed.force, io)) return 2
    const texts = reports.map(report => serializeReportFile(report))
    for (let index = 0; index < texts.length; index++) {
      const refused = reportTextTooLarge(texts[index]!, targets[index]!)
      if (refused) {
        io.err(`${refused}\n`)
        return 2
      }
    }
    await fs.mkdir(path.dirname(targets[0]!), { recursive: true })
    for (let index = 0; index < reports.length; index++) {
      try {
        await writeFileAtomic(targets[index]!, texts[index]!)
      } catch (error) {
        io.err(`${writeErrorMessage(error, targets[index]!, 'cli')}\n`)
        return 2
      }
    }
    io.out(`从“${path.basename(parsed.input)}”导入了 ${reports.length} 份报告：\n`)
    reports.forEach((report, index) => io.out(describe(report, targets[index]!) + '\n'))
    if (notes.length) io.out('提示：\n' + notes.map(note => `  · ${note}`).join('\n') + '\n')
    return 0
  },
}
