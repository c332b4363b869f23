import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildDocx } from '../../core/export/docx/build-docx'
import { npcReportFixture } from '../fixtures/docx-npc-report'
import { convertDocxToPdf, horizontalStrokes, pdfInfo, pdfText, pdfWords } from './docx-libreoffice'

const pt = (mm: number): number => (mm / 25.4) * 72

describe('the DOCX as LibreOffice prints it', () => {
  let finalPdf: string
  let draftPdf: string
  beforeAll(async () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'wrs-docx-lo-'))
    const final = path.join(directory, 'final.docx')
    const draft = path.join(directory, 'draft.docx')
    writeFileSync(final, await buildDocx(npcReportFixture(), { draftLabel: null }))
    writeFileSync(draft, await buildDocx(npcReportFixture({ withoutTasks: true }), { draftLabel: '征求意见稿' }))
    finalPdf = await convertDocxToPdf(final)
    draftPdf = await convertDocxToPdf(draft)
  }, 180_000)

  it('is A4 with the expected number of pages', async () => {
    const info = await pdfInfo(finalPdf)
    expect(info.pageSize).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)$/)
    expect(info.pages).toBeGreaterThanOrEqual(3)
    expect(info.pages).toBeLessThanOrEqual(5)
  })

  it('shows the front matter and the parts in order', async () => {
    const text = (await pdfText(finalPdf)).replace(/\s+/g, '')
    const order = [
      '金水区人民代表大会常务委员会工作报告',
      '——2024年1月16日在金水区',
      '各位代表：',
      '一、2023年主要工作',
      '（一）坚持党的全面领导',
      '1.预算审查监督',
      '（1）审计查出问题整改',
      '二、2024年主要任务',
      '（三）以更优服务支持代表依法履职。',
    ]
    const positions = order.map(fragment => text.indexOf(fragment))
    expect(
      positions.every(position => position >= 0),
      JSON.stringify(positions),
    ).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
  })

  it('sets 28 characters on a full body line', async () => {
    const line = (await pdfText(finalPdf))
      .split('\n')
      .find(candidate => candidate.startsWith('我受区人民代表大会常务委员会委托'))!
    expect(line.replace(/\s/g, '')).toHaveLength(26)
  })

  it('numbers the pages `— N —`: odd pages right and even pages left, one character in from the type area', async () => {
    for (const page of [1, 2, 3]) {
      const words = await pdfWords(finalPdf, page)
      const footer = words.filter(word => word.yMin > pt(262))
      expect(footer.map(word => word.text)).toEqual(['—', String(page), '—'])
      // a space on each side of the number
      expect(footer[1]!.xMin - footer[0]!.xMax).toBeGreaterThan(3)
      expect(footer[2]!.xMin - footer[1]!.xMax).toBeGreaterThan(3)
      if (page % 2 === 1) expect(Math.abs(footer[2]!.xMax - pt(210 - 26 - 4.94))).toBeLessThan(pt(1))
      else expect(Math.abs(footer[0]!.xMin - pt(28 + 4.94))).toBeLessThan(pt(1))
    }
  })

  it('puts the page-number dash 7 mm below the type area (269 mm from the top edge, ±1 mm)', async () => {
    const rows = await horizontalStrokes(finalPdf, 1, 263, 4)
    expect(rows.length).toBeGreaterThan(0)
    const dash = (rows[0]! + rows.at(-1)!) / 2
    expect(Math.abs(dash - 269)).toBeLessThan(1)
  })

  it('prints the draft label at the top of every page of a draft', async () => {
    const info = await pdfInfo(draftPdf)
    expect(info.pages).toBeGreaterThanOrEqual(2)
    for (let page = 1; page <= info.pages; page++) {
      const top = (await pdfWords(draftPdf, page)).filter(word => word.yMax < pt(37))
      expect(top.map(word => word.text).join('')).toBe('征求意见稿')
    }
  })
})
