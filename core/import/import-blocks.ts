import type { ReportFile } from '../report-file'
import type { ReportKind } from '../report-kind'
import { builtinTemplates } from '../templates/builtin-templates'
import type { Template } from '../templates/template-schema'
import { assembleReport } from './assemble-report'
import type { ImportBlock } from './import-block'
import { splitReports } from './split-reports'

export interface ImportOptions {
  /** Source file name, recorded as provenance. */
  fileName?: string
  /** Templates to recognise kinds and part titles (default: the built-in ones). */
  templates?: readonly Template[]
  /** Plan year when the text names none (default: the current year). */
  planYear?: number
  /** Kind when nothing in the text tells (default: 年度工作总结和计划). */
  kind?: ReportKind
}

export interface ImportResult {
  reports: ReportFile[]
  /** zh-CN notes about what import guessed or could not recognise. */
  notes: string[]
}

/** Structure detection shared by text, Markdown and DOCX import: one report per report found on the page. */
export function importBlocks(blocks: readonly ImportBlock[], options: ImportOptions = {}): ImportResult {
  if (!blocks.length) return { reports: [], notes: ['文件中没有文字，未导入任何报告。请检查是否选对了文件。'] }
  const now = new Date()
  const ranges = splitReports(blocks)
  const reports: ReportFile[] = []
  const notes: string[] = []
  ranges.forEach((range, index) => {
    const result = assembleReport(blocks, range, {
      fileName: options.fileName,
      templates: options.templates ?? builtinTemplates,
      fallbackPlanYear: options.planYear ?? now.getFullYear(),
      fallbackKind: options.kind,
      importedAt: now.toISOString(),
    })
    reports.push(result.report)
    const prefix = ranges.length > 1 ? `第${index + 1}份报告（${result.report.meta.title || '无标题'}）：` : ''
    for (const note of result.notes) notes.push(prefix + note)
  })
  if (ranges.length > 1) notes.unshift(`这个文件包含${ranges.length}份报告，已分别导入。`)
  return { reports, notes }
}
