import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildDocx } from '../../core/export/docx/build-docx'
import { importText } from '../../core/import/import-text'
import { convertDocxToPdf, pdfInfo, pdfText, pdfWords } from './docx-libreoffice'
import { seedSamplePath } from '../fixtures/seed-sample-path'

const seedPath = seedSamplePath

describe('the seed 人大 report exported as a 讨论稿 DOCX and printed by LibreOffice', () => {
  let pdf: string
  beforeAll(async () => {
    const imported = importText(readFileSync(seedPath, 'utf8'), { markdown: true, fileName: path.basename(seedPath) })
    const npc = imported.reports.find(report => report.meta.kind === 'npc')
    if (!npc) throw new Error('the seed sample no longer yields a 人大 report')
    const docx = path.join(mkdtempSync(path.join(os.tmpdir(), 'wrs-docx-seed-')), 'erqi-npc.docx')
    writeFileSync(docx, await buildDocx(npc, { draftLabel: '讨论稿' }))
    pdf = await convertDocxToPdf(docx)
  }, 180_000)

  it('prints title, subtitle, speaker, salutation, then the year parts in order', async () => {
    const text = (await pdfText(pdf)).replace(/\s+/g, '')
    const order = [
      '二七区人民代表大会常务委员会工作报告',
      '——2023年2月27日在二七区第十七届人民代表大会第三次会议上',
      '区人大常委会主任吕安民',
      '各位代表：',
      '2022年主要工作',
      '一、始终坚持党的全面领导',
      '2023年主要任务',
    ]
    const positions = order.map(fragment => text.indexOf(fragment))
    expect(
      positions.every(position => position >= 0),
      JSON.stringify(positions),
    ).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
  })

  it('has A4 pages numbered `— N —` with the label 讨论稿 at the top of each', async () => {
    const info = await pdfInfo(pdf)
    expect(info.pageSize).toContain('(A4)')
    expect(info.pages).toBeGreaterThanOrEqual(3)
    expect(info.pages).toBeLessThanOrEqual(5)
    for (let page = 1; page <= info.pages; page++) {
      const words = await pdfWords(pdf, page)
      expect(words.filter(word => word.yMin > 742).map(word => word.text)).toEqual(['—', String(page), '—'])
      expect(
        words
          .filter(word => word.yMax < 105)
          .map(word => word.text)
          .join(''),
      ).toBe('讨论稿')
    }
  })
})
