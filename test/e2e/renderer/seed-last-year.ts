import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { importText } from '../../../core/import/import-text'
import { serializeReportFile } from '../../../core/report-file'
import { seedSamplePath } from '../../fixtures/seed-sample-path'

/** The seed page's 人大 report saved as last year's `.wrs` in a fresh folder (roll-forward and library tests). */
export function writeSeedLastYear(): string {
  const seed = readFileSync(seedSamplePath, 'utf8')
  const npc = importText(seed, { markdown: true }).reports.find(report => report.meta.kind === 'npc')!
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'wrs-last-year-')), '2023年人大常委会工作报告.wrs')
  writeFileSync(file, serializeReportFile(npc))
  return file
}
