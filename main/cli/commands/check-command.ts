import path from 'node:path'
import { confirmableRuleIds, fixAllCounted } from '../../../core/checks/apply-fixes'
import { runChecks } from '../../../core/checks/run-checks'
import { textRules } from '../../../core/checks/text/text-rules'
import type { Finding, Severity } from '../../../core/checks/finding'
import { analyzeStructure } from '../../../core/structure/analyze-structure'
import type { ReportStructure } from '../../../core/structure/report-structure'
import { getBuiltinTemplate, templateForKind } from '../../../core/templates/builtin-templates'
import { writeReportFile } from '../../services/file-service'
import type { CliCommand, CliIo, ExitCode } from '../cli-command'
import { fixCommandFor, formatRuleGroups } from '../format-rule-groups'
import { parseArguments } from '../parse-arguments'
import { readReportArgument } from '../read-report-argument'

const usage = 'wrs check <文件.wrs> [--json] [--fix [--rule <规则编号>]]'

export interface CheckArgs {
  file: string
  json: boolean
  /** Apply the safe text fixes and save the file before checking. */
  fix: boolean
  /** Only this rule's fixes (with --fix). */
  rule?: string
}

const fixableRuleIds = textRules.filter(rule => rule.fixable).map(rule => rule.id)

function parseArgs(args: string[], io: CliIo): CheckArgs | string {
  let file: string | undefined
  let json = false
  let fix = false
  let rule: string | undefined
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!
    if (arg === '--json') json = true
    else if (arg === '--fix') fix = true
    else if (arg === '--rule') {
      rule = args[++index]
      if (!rule || rule.startsWith('-')) return '“--rule”后面要写规则编号，如 --rule PUN-HALFWIDTH。'
    } else if (arg.startsWith('-')) return `不认识的选项“${arg}”。`
    else if (file === undefined) file = path.resolve(io.cwd, arg)
    else return `多余的参数“${arg}”：一次只能检查一个文件。`
  }
  if (!file) return '缺少要检查的报告文件（.wrs）。'
  if (rule !== undefined && !fix) return '“--rule”只能和“--fix”一起使用。'
  if (rule !== undefined && !fixableRuleIds.includes(rule) && !confirmableRuleIds.includes(rule))
    return `规则“${rule}”没有可自动修正的问题类型。可自动修正的规则：${fixableRuleIds.join('、')}；可逐条确认的规则：${confirmableRuleIds.join('、')}。`
  return { file, json, fix, rule }
}

/** The `--json` object: `{structure: {kind, planYear, frontMatter, parts}, findings}` (keys are stable). */
export function checkJson(structure: ReportStructure, findings: Finding[]): unknown {
  const front = structure.frontMatter
  return {
    structure: {
      kind: structure.kind ?? null,
      planYear: structure.planYear ?? null,
      frontMatter: {
        title: front.title?.text ?? null,
        subtitle: front.subtitle?.text ?? null,
        date: front.subtitle?.date ?? null,
        meeting: front.subtitle?.meeting ?? null,
        speakerOffice: front.speaker?.office ?? null,
        speakerName: front.speaker?.name ?? null,
        salutation: front.salutation?.text ?? null,
        opening: front.opening?.text ?? null,
      },
      parts: structure.parts.map(part => ({
        role: part.role,
        title: part.title,
        sections: part.children.map(child => child.title),
      })),
    },
    findings: findings.map(finding => ({
      rule: finding.rule,
      severity: finding.severity,
      message: finding.message,
      location: finding.location,
    })),
  }
}

const SEVERITY_NAMES: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' }

/**
 * Human output: findings grouped by severity, then by rule (title, id, count, the fix command when the rule's fixes
 * are safe), each rule listing its first places; then a count line.
 */
export function formatFindings(
  file: string,
  structure: ReportStructure,
  findings: Finding[],
  fixCommand: string,
): string {
  const lines: string[] = [`检查 ${file}`]
  const kind = structure.kind ? `${structure.kind}` : '未识别'
  lines.push(
    `类别 ${kind}；计划年度 ${structure.planYear ?? '未知'}；部分：${structure.parts.map(part => part.title || '（无标题）').join(' / ') || '（无）'}`,
  )
  for (const severity of ['error', 'warning', 'info'] as const) {
    const group = findings.filter(finding => finding.severity === severity)
    if (!group.length) continue
    lines.push('', `${SEVERITY_NAMES[severity]}（${group.length}）`)
    lines.push(...formatRuleGroups(group, fixCommand))
  }
  const count = (severity: Severity) => findings.filter(finding => finding.severity === severity).length
  lines.push(
    '',
    findings.length
      ? `共 ${count('error')} 个错误、${count('warning')} 个警告、${count('info')} 个提示。`
      : '没有发现问题。',
  )
  return lines.join('\n') + '\n'
}

/** `wrs check`: exit 0 when no finding is an error, 1 when one is, 2 on bad input. */
export const checkCommand: CliCommand = {
  name: 'check',
  usage,
  summary:
    '检查报告的结构和文字；--json 输出结构和检查结果；--fix 自动修正可安全修正的文字问题并保存（--rule 只修正一条规则；--fix --rule TXT-SEQ-CONT 确认导入时保留的原文编号，以现在的编号为准）。有错误时退出码为 1。',
  async run(args: string[], io: CliIo): Promise<ExitCode> {
    const parsed = parseArguments(parseArgs(args, io), usage, io)
    if (!parsed) return 2
    let report = await readReportArgument(parsed.file, io)
    if (!report) return 2
    if (parsed.fix) {
      const { report: fixed, applied } = fixAllCounted(report, parsed.rule)
      if (applied > 0) {
        const written = await writeReportFile(parsed.file, fixed, 'cli')
        if (!written.ok) {
          io.err(`${written.message}\n`)
          return 2
        }
        report = fixed
      }
      const what = parsed.rule ? `规则 ${parsed.rule} 的` : ''
      const confirming = parsed.rule !== undefined && confirmableRuleIds.includes(parsed.rule)
      const message =
        applied > 0
          ? confirming
            ? `已确认${what} ${applied} 处（以现在的编号为准），并保存到 ${parsed.file}。\n`
            : `已自动修正${what} ${applied} 处问题，并保存到 ${parsed.file}。\n`
          : `没有可自动修正的${what}问题，文件未改动。\n`
      if (parsed.json) io.err(message)
      else io.out(message)
    }
    const template = getBuiltinTemplate(report.meta.templateId) ?? templateForKind(report.meta.kind)
    const structure = analyzeStructure(report, template)
    const findings = runChecks(report, { template, structure })
    if (parsed.json) io.out(JSON.stringify(checkJson(structure, findings), null, 2) + '\n')
    else io.out(formatFindings(parsed.file, structure, findings, fixCommandFor(parsed.file, io.cwd)))
    return findings.some(finding => finding.severity === 'error') ? 1 : 0
  },
}
