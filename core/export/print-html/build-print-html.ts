import type { DraftLabel } from '../../ipc/export-api'
import type { ReportFile } from '../../report-file'
import { printedDoc, printedTitle } from '../printed-report'
import { blocksHtml } from './block-html'
import { escapeHtml } from './escape-html'
import { planFonts, type FontPlan } from './font-plan'
import { printCss } from './print-css'

export interface PrintHtmlOptions {
  /** null = final (正式稿); a label prints in the top margin of every page. */
  draftLabel: DraftLabel | null
  /** From planFonts(installed families); null = not known (full fallback chains, no substitution report). */
  fonts: FontPlan | null
}

/**
 * The report as one self-contained print document (HTML + inline CSS, no script, no external
 * resource) in the GB/T 9704 layout; Chromium prints it to PDF with `preferCSSPageSize`. A PDF never carries
 * review markup: pending suggestions print as if accepted, comments are not printed.
 */
export function buildPrintHtml(report: ReportFile, options: PrintHtmlOptions): string {
  const plan = options.fonts ?? planFonts(null)
  const title = printedTitle(report, options.draftLabel, '工作报告')
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>
${printCss(report.layout, plan, options.draftLabel)}
</style>
</head>
<body>
${blocksHtml(printedDoc(report.doc), report.meta.numbering)}
</body>
</html>
`
}
