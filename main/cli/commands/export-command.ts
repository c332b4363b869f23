import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describeRuleSwitches, gateExport, type GateResult } from '../../../core/checks/export-gate'
import type { Finding } from '../../../core/checks/finding'
import { draftLabels, type DraftLabel, type ExportRequest } from '../../../core/ipc/export-api'
import { recordSends, versionToSend } from '../../../core/review/record-send'
import type { RoundSend } from '../../../core/review/review-data'
import { newReviewId } from '../../../core/review/suggestion-attrs'
import { installedFontFamilies } from '../../export/installed-fonts'
import { launchPdfPrinter, type PdfPrinter } from '../../export/pdf-printer'
import { setPdfRenderer } from '../../services/export-pdf-service'
import { exportToPath } from '../../services/export-service'
import { writeReportFile } from '../../services/file-service'
import { writeErrorMessage } from '../../services/write-error-message'
import type { CliCommand, CliIo, ExitCode } from '../cli-command'
import { fixCommandFor, formatRuleGroups } from '../format-rule-groups'
import { parseArguments } from '../parse-arguments'
import { readReportArgument } from '../read-report-argument'

/**
 * Output formats: `--<flag> <file>` for one report, `--<flag>-dir <folder>` for any number of them; a further format
 * is one more entry here and in export-service.ts.
 */
const formats: Array<{ flag: string; format: ExportRequest['format']; name: string; extension: string }> = [
  { flag: '--docx', format: 'docx', name: 'Word 文档', extension: '.docx' },
  { flag: '--pdf', format: 'pdf', name: 'PDF 文档', extension: '.pdf' },
]

const usage = `wrs export <报告.wrs>… ${formats.map(entry => `[${entry.flag} <输出${entry.extension}> | ${entry.flag}-dir <文件夹>]`).join(' ')} [--draft ${draftLabels.join('|')}] [--markup] [--to <发给谁>]`

interface Output {
  format: ExportRequest['format']
  name: string
  extension: string
  /** `--pdf file.pdf` (one report) … */
  file?: string
  /** … or `--pdf-dir folder`: `<folder>/<report name>.pdf` for each report. */
  folder?: string
}

interface ExportArgs {
  inputs: string[]
  outputs: Output[]
  draftLabel: DraftLabel | null
  /** 征求意见稿 DOCX with the comments and pending suggestions as Word markup. */
  markup: boolean
  /** Who the 征求意见稿 goes to (recorded in the report's round). */
  to: string
}

function parseArgs(args: string[], io: CliIo): ExportArgs | string {
  const inputs: string[] = []
  let draftLabel: DraftLabel | null = null
  let markup = false
  let to = ''
  const outputs: Output[] = []
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!
    const format = formats.find(entry => entry.flag === arg || `${entry.flag}-dir` === arg)
    if (format) {
      const folder = arg.endsWith('-dir')
      const target = args[++index]
      if (!target || target.startsWith('--'))
        return folder
          ? `${arg} 后面需要输出文件夹，例如 ${arg} 导出。`
          : `${arg} 后面需要输出文件路径，例如 ${arg} 报告${format.extension}。`
      const where = path.resolve(io.cwd, target)
      outputs.push({
        format: format.format,
        name: format.name,
        extension: format.extension,
        ...(folder ? { folder: where } : { file: where }),
      })
    } else if (arg === '--draft') {
      const label = args[++index]
      if (!draftLabels.includes(label as DraftLabel))
        return `--draft 后面需要草稿标识（稿别）：${draftLabels.join('、')}之一。`
      draftLabel = label as DraftLabel
    } else if (arg === '--markup') {
      markup = true
    } else if (arg === '--to') {
      const recipient = args[++index]
      if (!recipient || recipient.startsWith('--')) return '--to 后面需要写发给的单位或个人，例如 --to 财经委。'
      to = recipient.trim()
    } else if (arg.startsWith('--')) {
      return `不认识的选项“${arg}”。`
    } else {
      const input = path.resolve(io.cwd, arg)
      if (inputs.includes(input)) return `报告“${arg}”写了两次。`
      inputs.push(input)
    }
  }
  if (inputs.length === 0) return '缺少要导出的报告文件（.wrs）。'
  if (outputs.length === 0)
    return `请至少指定一种输出：${formats.map(entry => `${entry.flag} <输出${entry.extension}>`).join('、')}，导出多个报告时用 ${formats.map(entry => `${entry.flag}-dir <文件夹>`).join('、')}。`
  if ((markup || to) && draftLabel !== '征求意见稿')
    return `${markup ? '--markup' : '--to'} 只用于征求意见稿：请同时加 --draft 征求意见稿。`
  if (markup && !outputs.some(output => output.format === 'docx'))
    return '--markup 只用于 Word 文档（--docx）：PDF 不带批注和修订。'
  const single = outputs.find(output => output.file)
  if (inputs.length > 1 && single)
    return `一次导出 ${inputs.length} 个报告时不能用 ${formats.find(entry => entry.format === single.format)!.flag} 指定一个文件，请用 ${formats.find(entry => entry.format === single.format)!.flag}-dir <文件夹>，每个报告写成文件夹中的同名文件。`
  const targets = new Map<string, string>()
  for (const input of inputs)
    for (const output of outputs) {
      const target = targetFor(input, output)
      const other = targets.get(target)
      if (other)
        return `报告“${path.basename(other)}”和“${path.basename(input)}”会写到同一个文件“${target}”。请改名后再导出。`
      targets.set(target, input)
    }
  return { inputs, outputs, draftLabel, markup, to }
}

function targetFor(input: string, output: Output): string {
  return output.file ?? path.join(output.folder!, `${path.basename(input, path.extname(input))}${output.extension}`)
}

/** The blocking errors grouped by rule, at most a few places each. */
function describeBlocking(blocking: Finding[], input: string, io: CliIo): string {
  return formatRuleGroups(blocking, fixCommandFor(input, io.cwd)).join('\n')
}

/**
 * PDFs of one run go through one browser, started as soon as the command knows it will print (while the reports
 * are read and checked) and closed at the end; a run without PDF output starts none. It has one page for each
 * report printed at the same time.
 */
function sharedPrinter(pages: number): { render(html: string): Promise<Uint8Array>; close(): Promise<void> } {
  const launched: Promise<PdfPrinter> = launchPdfPrinter(undefined, { pages })
  // Failing to start is reported by the export that needed the browser; nothing to do here.
  launched.catch(() => undefined)
  return {
    render: async html => (await launched).print(html),
    close: () =>
      launched.then(
        printer => printer.close(),
        () => undefined,
      ),
  }
}

/**
 * Reports exported at the same time when printing: Chromium prints each in a renderer process of its own, so a
 * batch uses every core (at most 4); without PDF output the work is this process's alone, one report at a time.
 */
function concurrency(reports: number, printsPdf: boolean): number {
  return printsPdf ? Math.max(1, Math.min(reports, os.availableParallelism(), 4)) : 1
}

type ReportStatus = 'exported' | 'unreadable' | 'refused' | 'failed'

/** One report: read, gate once, every requested file; its messages go to `io`. */
async function exportReport(input: string, parsed: ExportArgs, batch: boolean, io: CliIo): Promise<ReportStatus> {
  const report = await readReportArgument(input, io)
  if (!report) return 'unreadable'
  // The gate runs once per report, for all its files, so a refusal writes none of them.
  const gate: GateResult = gateExport(report, parsed.draftLabel)
  // Rules the report switched off are named: the gate did not check them (structure guards it checks anyway).
  const switches = describeRuleSwitches(gate)
  if (!gate.allowed) {
    io.err(
      `${batch ? `“${path.basename(input)}”` : ''}未导出：正式稿要求检查没有错误，目前有 ${gate.blocking.length} 个错误需要先改正：\n` +
        describeBlocking(gate.blocking, input, io) +
        `\n${switches.map(line => `${line}\n`).join('')}` +
        `请改正后再导出，或加 --draft 征求意见稿 导出带标识的草稿。没有写入${batch ? '这份报告的' : ''}任何文件。\n`,
    )
    return 'refused'
  }
  for (const line of switches) io.out(`${line}\n`)
  // A 征求意见稿 DOCX is a copy sent for comments: it carries its send id, and the send is recorded in the report.
  const sending = parsed.draftLabel === '征求意见稿'
  const at = new Date().toISOString()
  const version = sending ? versionToSend(report.review, report.doc, at) : null
  const sends: RoundSend[] = []
  for (const output of parsed.outputs) {
    const target = targetFor(input, output)
    const send: RoundSend | null =
      version && output.format === 'docx'
        ? {
            id: newReviewId('r'),
            to: parsed.to,
            file: path.basename(target),
            at,
            version: version.id,
            markup: parsed.markup,
          }
        : null
    const result = await exportToPath(
      {
        report,
        format: output.format,
        draftLabel: parsed.draftLabel,
        path: target,
        ...(send ? { markup: parsed.markup, sendId: send.id } : {}),
      },
      gate,
      'cli',
    )
    if (!result.ok) {
      io.err(`${result.message}\n`)
      return 'failed'
    }
    const outcome = result.value
    if (outcome.kind === 'written') {
      const label = parsed.draftLabel ? `（${parsed.draftLabel}）` : '（正式稿）'
      io.out(
        `已导出${output.name}${label}：${outcome.path}（${outcome.bytes} 字节${outcome.pages ? `，${outcome.pages} 页` : ''}）\n`,
      )
      for (const substitution of outcome.substitutions)
        io.out(`  字体“${substitution.wanted}”不可用，已用“${substitution.used}”代替。\n`)
      if (send) sends.push(send)
    }
  }
  if (version && sends.length) {
    const recorded = { ...report, review: { ...report.review, ...recordSends(report.review, version, sends) } }
    const saved = await writeReportFile(input, recorded, 'cli')
    if (saved.ok)
      io.out(
        `已在报告中记下这次发出${parsed.to ? `（发给${parsed.to}）` : ''}并保存发出的版本，收回的反馈稿可用 wrs review merge 合并：${input}\n`,
      )
    else io.err(`导出的文件已写好，但没能在报告中记下这次发出：${saved.message}\n`)
  }
  return 'exported'
}

/**
 * Runs `task` for every item, `width` at a time, and hands each result to `done` in the items' order (a report's
 * messages are printed together and in the order the reports were named, however the work interleaves).
 */
async function inOrder<T, R>(
  items: readonly T[],
  width: number,
  task: (item: T) => Promise<R>,
  done: (result: R) => void,
): Promise<void> {
  const results: Array<Promise<R>> = []
  let next = 0
  const settled: Array<(result: Promise<R>) => void> = []
  for (let index = 0; index < items.length; index++)
    results.push(new Promise<R>(resolve => settled.push(value => resolve(value))))
  const worker = async () => {
    while (next < items.length) {
      const index = next++
      const running = task(items[index]!)
      settled[index]!(running)
      await running.catch(() => undefined)
    }
  }
  const workers = Array.from({ length: Math.min(width, items.length) }, worker)
  for (const result of results) done(await result)
  await Promise.all(workers)
}

export const exportCommand: CliCommand = {
  name: 'export',
  usage,
  summary:
    '按公文格式（GB/T 9704）导出报告，可一次导出多个（--docx-dir、--pdf-dir）。正式稿要求检查无错误，否则拒绝导出且不写这份报告的文件；加 --draft 导出带标识的草稿。',
  async run(args, io): Promise<ExitCode> {
    const parsed = parseArguments(parseArgs(args, io), usage, io)
    if (!parsed) return 2
    const batch = parsed.inputs.length > 1
    const printsPdf = parsed.outputs.some(output => output.format === 'pdf')
    const width = concurrency(parsed.inputs.length, printsPdf)
    const counts: Record<ReportStatus, number> = { exported: 0, unreadable: 0, refused: 0, failed: 0 }
    for (const folder of new Set(parsed.outputs.flatMap(output => (output.folder ? [output.folder] : [])))) {
      try {
        await fs.mkdir(folder, { recursive: true })
      } catch (error) {
        io.err(`${writeErrorMessage(error, folder, 'cli')}\n`)
        return 2
      }
    }
    const printer = printsPdf ? sharedPrinter(width) : undefined
    if (printer) {
      void installedFontFamilies()
      setPdfRenderer(printer.render)
    }
    try {
      await inOrder(
        parsed.inputs,
        width,
        async input => {
          const messages: Array<[stream: 'out' | 'err', text: string]> = []
          const buffered: CliIo = {
            out: text => messages.push(['out', text]),
            err: text => messages.push(['err', text]),
            cwd: io.cwd,
          }
          const status = await exportReport(input, parsed, batch, buffered).catch(error => {
            buffered.err(
              `“${path.basename(input)}”导出失败：${error instanceof Error ? error.message : String(error)}。请检查这个文件后重试。\n`,
            )
            return 'failed' as const
          })
          return { status, messages }
        },
        ({ status, messages }) => {
          for (const [stream, text] of messages) io[stream](text)
          counts[status]++
        },
      )
    } finally {
      if (printer) {
        setPdfRenderer(null)
        await printer.close()
      }
    }
    if (batch) {
      const failures = counts.unreadable + counts.failed
      io.out(
        `共 ${parsed.inputs.length} 份报告：导出 ${counts.exported} 份${counts.refused ? `，${counts.refused} 份因检查错误未导出` : ''}${failures ? `，${failures} 份失败` : ''}。\n`,
      )
    }
    return counts.unreadable + counts.failed > 0 ? 2 : counts.refused > 0 ? 1 : 0
  },
}
