import { REPORT_FORMAT, REPORT_VERSION, reportFileSchema, type ReportFile } from '../report-file'
import { metaKeys } from './report-roots'
import { joinReportDoc, type ReportSections } from './split-report'

/**
 * The `.wrs` report a shared report stands for: the `meta` map's values and the roots' blocks joined in reading order
 * (what `wrs pull` writes, and what checks and the export gate see in the editor). Null when the meta is not (yet) a
 * valid report's, e.g. before the first sync.
 */
export function sharedReportFile(meta: ReadonlyMap<string, unknown>, sections: ReportSections): ReportFile | null {
  const candidate: Record<string, unknown> = {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    doc: joinReportDoc(sections),
  }
  for (const key of metaKeys) if (meta.has(key)) candidate[key] = meta.get(key)
  const parsed = reportFileSchema.safeParse(candidate)
  return parsed.success ? parsed.data : null
}
