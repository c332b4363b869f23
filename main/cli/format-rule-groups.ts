import path from 'node:path'
import { ruleById } from '../../core/checks/all-rules'
import { ruleName } from '../../core/checks/export-gate'
import type { Finding } from '../../core/checks/finding'

/** Places listed per rule; the rest is one `……另有 N 处` line (a pasted report can have hundreds of one kind). */
export const PLACES_PER_RULE = 5

/** `“始终坚持党的全面领导” 第7段` (part or section, top-level paragraph number, `脚注 3` in a footnote), or `全文`. */
export function placeText(finding: Finding): string {
  const { path: where, section } = finding.location
  const parts: string[] = []
  if (section) parts.push(`“${section.length > 24 ? section.slice(0, 24) + '…' : section}”`)
  if (where.length) parts.push(`第${where[0]! + 1}段`)
  if (finding.location.footnote !== undefined) parts.push(`脚注 ${finding.location.footnote}`)
  return parts.length ? parts.join(' ') : '全文'
}

/** `wrs check <file> --fix`, with the file as short as the working directory allows. */
export function fixCommandFor(file: string, cwd: string): string {
  const relative = path.relative(cwd, file)
  const shown = relative && !relative.startsWith('..') ? relative : file
  return `wrs check ${/\s/.test(shown) ? `"${shown}"` : shown} --fix`
}

/**
 * Findings grouped by rule, in the order the rules first occur: a header line
 * `  半角标点（PUN-HALFWIDTH）47 处 — 可运行 wrs check 报告.wrs --fix 自动改正`, then at most
 * PLACES_PER_RULE lines `    “section” 第N段：message`, then `    ……另有 N 处`.
 */
export function formatRuleGroups(findings: Finding[], fixCommand: string): string[] {
  const groups = new Map<string, Finding[]>()
  for (const finding of findings) {
    const group = groups.get(finding.rule)
    if (group) group.push(finding)
    else groups.set(finding.rule, [finding])
  }
  const lines: string[] = []
  for (const [id, group] of groups) {
    const rule = ruleById(id)
    const name = ruleName(id)
    const fixable = rule?.fixable ? group.filter(finding => finding.fix?.kind === 'replaceText').length : 0
    const confirmable = rule?.confirmable ? group.filter(finding => finding.fix?.kind === 'setAttrs').length : 0
    const hint =
      fixable === 0
        ? confirmable > 0
          ? ` — 其中 ${confirmable} 处核对无误后可运行 ${fixCommand} --rule ${id} 确认`
          : ''
        : fixable === group.length
          ? ` — 可运行 ${fixCommand} 自动改正`
          : ` — 其中 ${fixable} 处可运行 ${fixCommand} 自动改正`
    lines.push(`  ${name}${group.length} 处${hint}`)
    for (const finding of group.slice(0, PLACES_PER_RULE)) lines.push(`    ${placeText(finding)}：${finding.message}`)
    if (group.length > PLACES_PER_RULE) lines.push(`    ……另有 ${group.length - PLACES_PER_RULE} 处`)
  }
  return lines
}
