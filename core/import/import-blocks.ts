import { collectBlocks } from '../checks/collect-blocks'
import { describeSourceProblem, sourceNumberProblems } from '../checks/text/sequence-source-numbers'
import type { DocNode } from '../document-model'
import type { ReportFile } from '../report-file'
import { countXmlInvalid } from '../xml-char'
import type { ReportKind } from '../report-kind'
import { isoDate } from '../report-language/chinese-date'
import { planYearFromDate } from '../report-language/plan-year'
import { builtinTemplates } from '../templates/builtin-templates'
import type { Template } from '../templates/template-schema'
import { assembleReport } from './assemble-report'
import type { ImportBlock } from './import-block'
import { joinMarkupTitleLines, splitReports } from './split-reports'

export interface ImportOptions {
  /** Source file name, recorded as provenance. */
  fileName?: string
  /** Templates to recognise kinds and part titles (default: the built-in ones). */
  templates?: readonly Template[]
  /** Plan year when the text names none (default: today's, by the meeting-month rule: next year from November on). */
  planYear?: number
  /** Kind when nothing in the text tells (default: 年度工作总结和计划). */
  kind?: ReportKind
}

export interface ImportResult {
  reports: ReportFile[]
  /** zh-CN notes about what import guessed or could not recognise. */
  notes: string[]
}

/** The zh-CN notice naming the headings whose source numbering had a gap, a repeat or a wrong order. */
function numberingNotice(report: ReportFile): string | undefined {
  const problems = sourceNumberProblems(collectBlocks(report.doc, report.meta.numbering), report.meta.numbering).filter(
    problem => problem.kind !== 'shifted',
  )
  if (!problems.length) return undefined
  return (
    `原文的标题编号有误：${problems.map(describeSourceProblem).join('；')}。` +
    '导入后已按顺序重新编号，原来的编号记在这些标题上，检查中列为“序号不连续”，请核对原文是否漏了或编错了一节；' +
    '核对无误后在检查面板点“确认编号”（或运行 wrs check 报告.wrs --fix --rule TXT-SEQ-CONT）。'
  )
}

function xmlInvalidCount(node: DocNode): number {
  let count = node.text ? countXmlInvalid(node.text) : 0
  const stack = [...(node.content ?? [])]
  while (stack.length) {
    const child = stack.pop()!
    if (child.text) count += countXmlInvalid(child.text)
    if (child.content) for (const grandchild of child.content) stack.push(grandchild)
  }
  return count
}

/** Characters no Word file may hold (a damaged source, a converter's stray U+FFFF): kept, flagged, counted. */
function xmlCharNotice(report: ReportFile): string | undefined {
  const count = xmlInvalidCount(report.doc)
  if (!count) return undefined
  return `文中有 ${count} 个 Word 文档不能含有的无效字符（如 U+FFFF、控制字符），检查中列为“无效字符”，可一键删除；删除前导出的文件会略去它们。`
}

/** Structure detection shared by text, Markdown and DOCX import: one report per report found on the page. */
export function importBlocks(source: readonly ImportBlock[], options: ImportOptions = {}): ImportResult {
  if (!source.length) return { reports: [], notes: ['文件中没有文字，未导入任何报告。请检查是否选对了文件。'] }
  const blocks = joinMarkupTitleLines(source)
  const now = new Date()
  const ranges = splitReports(blocks)
  const reports: ReportFile[] = []
  /** Each note once, with the reports it is about (a page of several reports shares most notes). */
  const notes = new Map<string, number[]>()
  ranges.forEach((range, index) => {
    const result = assembleReport(blocks, range, {
      fileName: options.fileName,
      templates: options.templates ?? builtinTemplates,
      fallbackPlanYear:
        options.planYear ?? planYearFromDate(isoDate(now.getFullYear(), now.getMonth() + 1)) ?? now.getFullYear(),
      fallbackKind: options.kind,
      importedAt: now.toISOString(),
    })
    reports.push(result.report)
    const extra = [numberingNotice(result.report), xmlCharNotice(result.report)].filter(note => note !== undefined)
    for (const note of [...result.notes, ...extra]) {
      const about = notes.get(note) ?? []
      about.push(index)
      notes.set(note, about)
    }
  })
  const label = (index: number): string => `第${index + 1}份报告（${reports[index]!.meta.title || '无标题'}）`
  const lines = [...notes].map(([note, about]) => {
    if (ranges.length === 1) return note
    if (about.length === ranges.length) return `各份报告：${note}`
    return `${about.length === 1 ? label(about[0]!) : `第${about.map(index => index + 1).join('、')}份报告`}：${note}`
  })
  if (ranges.length > 1) lines.unshift(`这个文件包含${ranges.length}份报告，已分别导入。`)
  return { reports, notes: lines }
}
