import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { mergeFeedback } from '../../core/review/feedback/merge-feedback'
import { buildReviewTableDocx, summaryRows } from '../../core/review/review-table-docx'
import { readFeedbackFile } from '../../main/review/read-feedback-file'
import { reviewFixturesDir } from '../fixtures/review/make-review-fixtures'
import { baseReport } from '../fixtures/review/review-base'
import { tempDirs } from '../helpers/temp-dirs'
import { convertDocxToPdf } from './docx-libreoffice'
import { pdfInfo, pageText } from './helpers/pdf-tools'

const tempDir = tempDirs('wrs-review-table-')

describe('意见汇总表 as LibreOffice prints it', () => {
  it('is landscape A4 with the seven columns, the header row on every page and every item of the round', async () => {
    const copies = []
    for (const name of ['copy-tracked.docx', 'copy-untracked.docx', 'copy-comments.docx']) {
      const read = await readFeedbackFile(path.join(reviewFixturesDir, name))
      if (!read.ok) throw new Error(read.message)
      copies.push(read.value)
    }
    const merged = mergeFeedback(baseReport(), copies, { now: '2024-01-12T09:00:00Z' }).report
    const rows = summaryRows(merged)
    expect(rows.length).toBe(18)
    const file = path.join(tempDir(), '意见汇总表.docx')
    writeFileSync(file, await buildReviewTableDocx(merged, { date: '2024-01-12' }))
    const pdf = await convertDocxToPdf(file)
    const info = pdfInfo(pdf)
    expect(Math.round(info.width)).toBe(842)
    expect(Math.round(info.height)).toBe(595)
    expect(info.pages).toBeGreaterThan(1)
    const first = pageText(pdf, 1).replace(/\s+/g, '')
    expect(first).toContain('意见汇总表')
    expect(first).toContain('2024年1月12日')
    for (const column of ['序号', '所在部分', '原文', '意见', '处理情况', '说明']) expect(first).toContain(column)
    expect(first).toContain('删除“八”')
    // The header row repeats on the next page.
    const second = pageText(pdf, 2).replace(/\s+/g, '')
    expect(second).toContain('处理情况')
    const all = Array.from({ length: info.pages }, (_, index) => pageText(pdf, index + 1))
      .join('')
      .replace(/\s+/g, '')
    expect(all).toContain('补充去年的次数作对比。')
    // Cells wrap, so pdftotext interleaves their lines: look for the unwrapped pieces.
    expect(all).toContain('增加“加强常委会自身建')
    expect(all).toContain('18办公厅王芳')
    expect(readFileSync(pdf).length).toBeGreaterThan(0)
  }, 240_000)
})
