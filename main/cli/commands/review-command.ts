import path from 'node:path'
import type { FeedbackCopy } from '../../../core/review/feedback/feedback-copy'
import { mergeFeedback } from '../../../core/review/feedback/merge-feedback'
import { decideReview, type ReviewSelector } from '../../../core/review/decide-review'
import { findConflicts } from '../../../core/review/find-conflicts'
import { setDisposition } from '../../../core/review/ledger-ops'
import { dispositions, type Disposition } from '../../../core/review/review-data'
import { reviewEntries, reviewListItem, type ReviewEntry } from '../../../core/review/review-entries'
import { buildReviewTableDocx } from '../../../core/review/review-table-docx'
import type { ReportFile } from '../../../core/report-file'
import { writeFileAtomic } from '../../files/write-file-atomic'
import { readFeedbackFile } from '../../review/read-feedback-file'
import { writeReportFile } from '../../services/file-service'
import { writeErrorMessage } from '../../services/write-error-message'
import type { CliCommand, CliIo, ExitCode } from '../cli-command'
import { readReportArgument } from '../read-report-argument'
import { refuseExistingOutput } from '../refuse-existing-output'

const usages = [
  'wrs review list <报告.wrs> [--json]',
  'wrs review accept|reject <报告.wrs> (--id <编号> | --author <姓名> | --all)',
  'wrs review set <报告.wrs> --id <编号> --disposition 采纳|部分采纳|未采纳 [--note <说明>]',
  'wrs review merge <报告.wrs> <反馈稿1.docx> [<反馈稿2.docx> …] -o <合并后.wrs> [--as <反馈稿.docx>=<单位或个人>] [--force]',
  'wrs review table <报告.wrs> -o <意见汇总表.docx> [--force]',
]

const statusNames: Record<ReviewEntry['status'], string> = {
  pending: '待处理',
  accepted: '已接受',
  rejected: '已拒绝',
  resolved: '已解决',
}
const kindNames: Record<ReviewEntry['kind'], string> = { comment: '批注', insertion: '增加', deletion: '删除' }

function fail(io: CliIo, message: string): ExitCode {
  io.err(`${message}\n用法：\n${usages.map(line => `  ${line}`).join('\n')}\n`)
  return 2
}

/** Splits `--flag value` options from positional arguments; flags without a value are listed in `bare`. */
function options(
  args: string[],
  bare: readonly string[],
): { positional: string[]; values: Map<string, string[]>; error?: string } {
  const positional: string[] = []
  const values = new Map<string, string[]>()
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!
    if (!arg.startsWith('-')) {
      positional.push(arg)
      continue
    }
    if (bare.includes(arg)) {
      values.set(arg, [])
      continue
    }
    const value = args[index + 1]
    if (value === undefined || value.startsWith('--')) return { positional, values, error: `“${arg}”后面需要一个值。` }
    values.set(arg, [...(values.get(arg) ?? []), value])
    index++
  }
  return { positional, values }
}

const shorten = (text: string, length = 40) => {
  const flat = text.replace(/\n/g, '¶')
  return flat.length > length ? `${flat.slice(0, length)}……` : flat
}

function describe(entry: ReviewEntry): string {
  const who = [entry.author || '（未署名）', entry.source ? `（${entry.source}）` : ''].join('')
  const head = `[${entry.id}] ${statusNames[entry.status]} ${kindNames[entry.kind]} · ${who}${entry.part ? ` · ${entry.part}` : ''}`
  const lines = [head]
  if (entry.kind === 'comment') {
    lines.push(`    原文：“${shorten(entry.quote)}”`, `    意见：${entry.text}`)
    for (const reply of entry.replies) lines.push(`    回复（${reply.author}）：${reply.text}`)
  } else {
    lines.push(`    原文：“${shorten(entry.quote)}”`, `    ${kindNames[entry.kind]}：“${shorten(entry.text)}”`)
  }
  if (entry.disposition) lines.push(`    处理：${entry.disposition}${entry.note ? `（${entry.note}）` : ''}`)
  if (entry.unanchoredReason && entry.status === 'pending') lines.push(`    未能定位：${entry.unanchoredReason}`)
  return lines.join('\n')
}

/** Columns a terminal gives a text: two for CJK and full-width characters, one for the rest. */
function displayWidth(text: string): number {
  let width = 0
  for (const char of text)
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(char)
      ? 2
      : 1
  return width
}

function printConflicts(report: ReportFile, io: CliIo): void {
  const conflicts = findConflicts(report.doc)
  if (conflicts.length === 0) return
  io.out(`\n有 ${conflicts.length} 处句子被不止一份反馈稿修改，请对照处理：\n`)
  for (const conflict of conflicts) {
    const names = ['原文', ...conflict.versions.map(version => version.source || '编辑器中的修订')]
    const width = Math.max(...names.map(displayWidth))
    const pad = (name: string) => name + ' '.repeat(width - displayWidth(name))
    io.out(`  ${pad('原文')} │ ${conflict.original}\n`)
    for (const version of conflict.versions)
      io.out(`  ${pad(version.source || '编辑器中的修订')} │ ${version.text}（${version.author}）\n`)
    io.out('\n')
  }
}

async function save(report: ReportFile, target: string, io: CliIo): Promise<boolean> {
  const written = await writeReportFile(target, report, 'cli')
  if (!written.ok) io.err(`${written.message}\n`)
  return written.ok
}

async function list(args: string[], io: CliIo): Promise<ExitCode> {
  const parsed = options(args, ['--json'])
  if (parsed.error) return fail(io, parsed.error)
  if (parsed.positional.length !== 1) return fail(io, '请给出一个报告文件（.wrs）。')
  const report = await readReportArgument(path.resolve(io.cwd, parsed.positional[0]!), io)
  if (!report) return 2
  const entries = reviewEntries(report)
  if (parsed.values.has('--json')) {
    io.out(JSON.stringify(entries.map(reviewListItem), null, 2) + '\n')
    return 0
  }
  const round = report.review.round
  for (const send of round.sends)
    io.out(
      `发出：${send.at.slice(0, 10)} ${send.file}${send.to ? ` → ${send.to}` : ''}${send.markup ? '（带批注和修订）' : ''}\n`,
    )
  for (const back of round.returns)
    io.out(
      `收回：${back.at.slice(0, 10)} ${back.file}${back.from || back.attributedTo ? `（${back.from || back.attributedTo}）` : ''}：批注 ${back.comments}，增加 ${back.insertions}，删除 ${back.deletions}，未能定位 ${back.unanchored}\n`,
    )
  if (round.sends.length || round.returns.length) io.out('\n')
  if (entries.length === 0) {
    io.out('这个报告没有批注或修订。\n')
    return 0
  }
  io.out(entries.map(describe).join('\n') + '\n')
  const pending = entries.filter(entry => entry.status === 'pending').length
  io.out(`\n共 ${entries.length} 条，待处理 ${pending} 条。\n`)
  printConflicts(report, io)
  return 0
}

async function decide(action: 'accept' | 'reject', args: string[], io: CliIo): Promise<ExitCode> {
  const parsed = options(args, ['--all'])
  if (parsed.error) return fail(io, parsed.error)
  if (parsed.positional.length !== 1) return fail(io, '请给出一个报告文件（.wrs）。')
  const id = parsed.values.get('--id')?.[0]
  const author = parsed.values.get('--author')?.[0]
  const all = parsed.values.has('--all')
  if ([id, author, all || undefined].filter(value => value !== undefined).length !== 1)
    return fail(io, '请用 --id、--author 或 --all 中的一个指明要处理哪些修订。')
  const file = path.resolve(io.cwd, parsed.positional[0]!)
  const report = await readReportArgument(file, io)
  if (!report) return 2
  const selector: ReviewSelector = id !== undefined ? { id } : author !== undefined ? { author } : { all: true }
  const outcome = decideReview(report, selector, action, new Date().toISOString())
  const verb = action === 'accept' ? '接受' : '拒绝'
  if (outcome.decided.length === 0 && outcome.settled.length === 0) {
    io.err(
      id !== undefined
        ? `没有编号为“${id}”的待处理修订或批注。运行 wrs review list ${parsed.positional[0]} 查看编号；文件未作改动。\n`
        : author !== undefined
          ? `没有“${author}”提出的待处理修订；文件未作改动。\n`
          : '这个报告没有待处理的修订；文件未作改动。\n',
    )
    return 1
  }
  if (!(await save(outcome.report, file, io))) return 2
  if (outcome.decided.length) io.out(`已${verb} ${outcome.decided.length} 处修订，已保存：${file}\n`)
  for (const settled of outcome.settled)
    io.out(`已${action === 'accept' ? '采纳' : '不采纳'}并解决“${settled}”，已保存：${file}\n`)
  const left = reviewEntries(outcome.report).filter(entry => entry.status === 'pending').length
  if (left) io.out(`还有 ${left} 条待处理（wrs review list 查看）。\n`)
  return 0
}

async function set(args: string[], io: CliIo): Promise<ExitCode> {
  const parsed = options(args, [])
  if (parsed.error) return fail(io, parsed.error)
  if (parsed.positional.length !== 1) return fail(io, '请给出一个报告文件（.wrs）。')
  const id = parsed.values.get('--id')?.[0]
  const disposition = parsed.values.get('--disposition')?.[0]
  if (!id || !disposition) return fail(io, '请用 --id 指明哪一条，用 --disposition 给出处理情况。')
  if (!dispositions.includes(disposition as Disposition))
    return fail(io, `处理情况只能是 ${dispositions.join('、')}，不能是“${disposition}”。`)
  const file = path.resolve(io.cwd, parsed.positional[0]!)
  const report = await readReportArgument(file, io)
  if (!report) return 2
  if (!reviewEntries(report).some(entry => entry.id === id)) {
    io.err(`没有编号为“${id}”的批注或修订。运行 wrs review list 查看编号；文件未作改动。\n`)
    return 1
  }
  const note = parsed.values.get('--note')?.[0] ?? report.review.dispositions[id]?.note ?? ''
  const ledger = setDisposition(report.review, id, disposition as Disposition, note)
  if (!(await save({ ...report, review: { ...report.review, ...ledger } }, file, io))) return 2
  io.out(`已把“${id}”的处理情况记为${disposition}${note ? `（${note}）` : ''}，已保存：${file}\n`)
  return 0
}

async function merge(args: string[], io: CliIo): Promise<ExitCode> {
  const parsed = options(args, ['--force'])
  if (parsed.error) return fail(io, parsed.error)
  const [input, ...copies] = parsed.positional
  const output = parsed.values.get('-o')?.[0] ?? parsed.values.get('--output')?.[0]
  if (!input || copies.length === 0) return fail(io, '请给出报告文件（.wrs）和至少一份反馈稿（.docx）。')
  if (!output) return fail(io, '请用 -o 指定合并后的报告文件，例如 -o 合并后.wrs。')
  const attributeTo: Record<string, string> = {}
  for (const pair of parsed.values.get('--as') ?? []) {
    const at = pair.lastIndexOf('=')
    if (at <= 0 || at === pair.length - 1) return fail(io, `“--as ${pair}”应写成 --as 反馈稿.docx=单位或个人。`)
    attributeTo[path.basename(pair.slice(0, at))] = pair.slice(at + 1)
  }
  const target = path.resolve(io.cwd, output)
  if (await refuseExistingOutput([target], parsed.values.has('--force'), io)) return 2
  const report = await readReportArgument(path.resolve(io.cwd, input), io)
  if (!report) return 2
  const read: FeedbackCopy[] = []
  for (const copy of copies) {
    const result = await readFeedbackFile(path.resolve(io.cwd, copy))
    if (!result.ok) {
      io.err(`${result.message}\n没有写入任何文件。\n`)
      return 2
    }
    read.push(result.value)
  }
  const merged = mergeFeedback(report, read, { attributeTo, now: new Date().toISOString() })
  for (const copy of merged.copies) {
    if (copy.skipped) {
      for (const note of copy.notes) io.out(`${note}\n`)
      continue
    }
    io.out(
      `${copy.file}（${copy.from}${copy.tracked ? '，有修订标记' : '，未标记修订'}）：批注 ${copy.comments}，回复 ${copy.replies}，增加 ${copy.insertions}，删除 ${copy.deletions}${copy.unanchored ? `，未能定位 ${copy.unanchored}` : ''}\n`,
    )
    for (const note of copy.notes) io.out(`  注意：${note}\n`)
  }
  const unplaced = merged.report.review.unanchored.filter(
    item => !report.review.unanchored.some(old => old.id === item.id),
  )
  if (unplaced.length) {
    io.out(
      `\n以下 ${unplaced.length} 条意见未能在报告中定位，已保留在合并后的报告中（审阅面板“未能定位”），请逐条处理：\n`,
    )
    for (const item of unplaced)
      io.out(
        `  [${item.id}] ${kindNames[item.kind]} · ${item.author}（${item.source}）：“${shorten(item.text || item.quote)}”——${item.reason}\n`,
      )
  }
  printConflicts(merged.report, io)
  if (!(await save(merged.report, target, io))) return 2
  io.out(`已保存合并后的报告：${target}\n`)
  return 0
}

async function table(args: string[], io: CliIo): Promise<ExitCode> {
  const parsed = options(args, ['--force'])
  if (parsed.error) return fail(io, parsed.error)
  const output = parsed.values.get('-o')?.[0] ?? parsed.values.get('--output')?.[0]
  if (parsed.positional.length !== 1) return fail(io, '请给出一个报告文件（.wrs）。')
  if (!output) return fail(io, '请用 -o 指定意见汇总表的文件名，例如 -o 意见汇总表.docx。')
  const target = path.resolve(io.cwd, output)
  if (path.extname(target).toLowerCase() !== '.docx') return fail(io, '意见汇总表只能保存为 .docx 文件。')
  if (await refuseExistingOutput([target], parsed.values.has('--force'), io)) return 2
  const report = await readReportArgument(path.resolve(io.cwd, parsed.positional[0]!), io)
  if (!report) return 2
  const bytes = await buildReviewTableDocx(report, { date: new Date().toISOString().slice(0, 10) })
  try {
    await writeFileAtomic(target, bytes, { backup: false })
  } catch (error) {
    io.err(`${writeErrorMessage(error, target, 'cli')}\n`)
    return 2
  }
  const count = reviewEntries(report).length
  io.out(`已写出意见汇总表（${count} 条意见）：${target}\n`)
  return 0
}

export const reviewCommand: CliCommand = {
  name: 'review',
  usage: usages.join('\n  '),
  summary:
    '征求意见：列出批注和修订（--json）、接受或拒绝修订、记录处理情况、合并收回的反馈稿（带修订或未标记修订的 Word 文档）、写出意见汇总表。',
  async run(args, io): Promise<ExitCode> {
    const [action, ...rest] = args
    switch (action) {
      case 'list':
        return list(rest, io)
      case 'accept':
      case 'reject':
        return decide(action, rest, io)
      case 'set':
        return set(rest, io)
      case 'merge':
        return merge(rest, io)
      case 'table':
        return table(rest, io)
      default:
        return fail(
          io,
          action ? `不认识的操作“${action}”。` : '请指明操作：list、accept、reject、set、merge 或 table。',
        )
    }
  },
}
