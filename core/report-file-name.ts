import type { ReportMeta } from './report-file'

/**
 * The name a report is saved or exported under by default: its title with the plan year, so that each year's report
 * gets its own name (`2025年工作报告`). A title that starts with another year (last year's, kept by a roll-forward)
 * takes the plan year instead; a title without a year gets it in front.
 */
export function defaultReportName(meta: Pick<ReportMeta, 'title' | 'planYear'>): string {
  const title = meta.title.trim().replace(/[\\/:*?"<>|]/g, '') || '工作报告'
  if (!meta.planYear) return title
  const leading = /^(\d{4})年/.exec(title)
  if (leading)
    return leading[1] === String(meta.planYear) ? title : `${meta.planYear}年${title.slice(leading[0].length)}`
  if (title.includes(`${meta.planYear}年`)) return title
  return `${meta.planYear}年${title}`
}
