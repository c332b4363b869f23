import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { heading, paragraph, textNode, type DocNode } from '../../core/document-model'
import { reportFileSchema, type ReportFile } from '../../core/report-file'
import { launchPdfPrinter, type PdfPrinter } from '../../main/export/pdf-printer'
import { exportPdf } from '../../main/services/export-pdf-service'
import { npcReportFixture } from '../fixtures/docx-npc-report'
import { dashLine, inkBands, inkColumns, renderPage } from './helpers/pdf-pixels'
import { embeddedFaceNames, pageText, pdfFonts, pdfInfo, pdfTitles } from './helpers/pdf-tools'

const mm = 25.4 / 72
const pitchMm = 28.95 * mm
const sentence =
  '紧紧围绕人民群众关切和经济社会发展中的重大问题，累计召开常委会会议8次、听取专项工作报告10次，开展视察12次、专题调研31次、执法检查4次，全力推动全区经济社会发展和民生事业改善。'

/** Front matter, then long body paragraphs: page 2 onwards is nothing but body lines on the grid. */
function longReport(): ReportFile {
  const content: DocNode[] = [
    { type: 'reportTitle', content: [textNode('二七区人民代表大会常务委员会工作报告')] },
    { type: 'reportSubtitle', content: [textNode('——2023年2月27日在二七区第十七届人民代表大会第三次会议上')] },
    { type: 'speakerLine', content: [textNode('区人大常委会主任 吕安民')] },
    { type: 'salutation', content: [textNode('各位代表：')] },
    paragraph('现在，我受区人民代表大会常务委员会委托，向大会报告工作，请予审议。'),
    heading(1, '2022年主要工作', { role: 'review' }),
  ]
  for (let index = 0; index < 12; index++) content.push(paragraph(sentence.repeat(3)))
  return reportFileSchema.parse({
    format: 'work-report-studio',
    version: 1,
    meta: { templateId: 'npc', kind: 'npc', planYear: 2023 },
    doc: { type: 'doc', content },
  })
}

let printer: PdfPrinter
let directory: string
let draftPdf: string

beforeAll(async () => {
  printer = await launchPdfPrinter()
  directory = mkdtempSync(path.join(os.tmpdir(), 'wrs-pdf-geometry-'))
  draftPdf = path.join(directory, 'draft.pdf')
  const outcome = await exportPdf({ report: longReport(), draftLabel: '征求意见稿', path: draftPdf }, html =>
    printer.print(html),
  )
  expect(outcome.kind).toBe('written')
})

afterAll(async () => {
  await printer?.close()
  if (directory) rmSync(directory, { recursive: true, force: true })
})

describe('PDF export geometry (docs/layout.md §A, §F)', () => {
  it('has A4 pages (595.28 × 841.89 pt)', () => {
    const info = pdfInfo(draftPdf)
    expect(info.pages).toBeGreaterThanOrEqual(3)
    expect(info.width).toBeCloseTo(595.28, 1)
    expect(info.height).toBeCloseTo(841.89, 1)
  })

  it('embeds every font, Chinese faces included', () => {
    const fonts = pdfFonts(draftPdf)
    expect(fonts.length).toBeGreaterThan(0)
    expect(fonts.filter(font => !font.embedded)).toEqual([])
    const faces = embeddedFaceNames(readFileSync(draftPdf))
    // Official faces where installed, else the documented free fallbacks (this machine: Fandol + Noto).
    expect(faces.some(face => /FangSong|FandolFang|SimFang/i.test(face))).toBe(true)
    expect(faces.some(face => /KaiTi|FandolKai|SimKai|UKai/i.test(face))).toBe(true)
    expect(faces.some(face => /XiaoBiaoSong|FZXBS|NotoSerifCJK/i.test(face))).toBe(true)
  })

  it('starts the first body line at 37 mm from the top and the text at 28 mm from the left', () => {
    const page = renderPage(draftPdf, 2)
    const bands = inkBands(page, { top: 30, bottom: 262.5, left: 20, right: 195 })
    const [top, bottom] = bands[0]!
    // Ink of a 16 pt line sits centred in its 28.95 pt line box.
    expect((top + bottom) / 2 - pitchMm / 2).toBeCloseTo(37, 0)
    const columns = inkColumns(page, { top: 37, bottom: 262, left: 5, right: 205 })!
    expect(Math.abs(columns.left - 28)).toBeLessThan(1)
    expect(columns.right).toBeLessThanOrEqual(184.5)
    expect(columns.right).toBeGreaterThan(182.5)
  })

  it('holds 22 lines on a full body page, one line pitch apart', () => {
    for (const number of [2, 3]) {
      const page = renderPage(draftPdf, number)
      const bands = inkBands(page, { top: 30, bottom: 262.5, left: 20, right: 195 })
      expect(bands).toHaveLength(22)
      const centres = bands.map(([top, bottom]) => (top + bottom) / 2)
      expect((centres[21]! - centres[0]!) / 21).toBeCloseTo(pitchMm, 1)
      expect(centres[21]! + pitchMm / 2).toBeLessThanOrEqual(262.5)
    }
  })

  it('prints — N — 7 mm below the type area: odd pages right, even pages left, one character in', () => {
    const footer = { top: 262.5, bottom: 290, left: 5, right: 205 }
    const oneChar = 14 * mm
    for (const number of [1, 2, 3]) {
      const page = renderPage(draftPdf, number, 150)
      expect(Math.abs(dashLine(page, footer)! - 269)).toBeLessThan(1)
      const columns = inkColumns(page, footer, 220)!
      if (number % 2 === 1) expect(Math.abs(columns.right - (184 - oneChar))).toBeLessThan(1)
      else expect(Math.abs(columns.left - (28 + oneChar))).toBeLessThan(1)
      expect(pageText(draftPdf, number)).toMatch(new RegExp(`—\\s*${number}\\s*—`))
    }
  })

  it('prints the draft label on every page of a draft', () => {
    const { pages } = pdfInfo(draftPdf)
    for (let number = 1; number <= pages; number++) expect(pageText(draftPdf, number)).toContain('征求意见稿')
  })

  it('keeps the title 22 pt and centred, with the subtitle and speaker centred below it', () => {
    const page = renderPage(draftPdf, 1)
    const bands = inkBands(page, { top: 30, bottom: 80, left: 20, right: 195 })
    const titleColumns = inkColumns(page, { top: bands[0]![0], bottom: bands[0]![1], left: 5, right: 205 })!
    expect(Math.abs((titleColumns.left + titleColumns.right) / 2 - 106)).toBeLessThan(1.5)
    // 小标宋 2号: the title's ink is taller than a 16 pt body line.
    expect(bands[0]![1] - bands[0]![0]).toBeGreaterThan(16 * mm * 0.9)
    expect(pageText(draftPdf, 1)).toMatch(
      /二七区人民代表大会常务委员会工作报告[\s\S]*——2023年2月27日[\s\S]*吕安民[\s\S]*各位代表：/,
    )
  })

  it('writes a final export (no errors) without any label', async () => {
    const target = path.join(directory, '正式稿.pdf')
    const outcome = await exportPdf({ report: npcReportFixture(), draftLabel: null, path: target }, html =>
      printer.print(html),
    )
    expect(outcome).toMatchObject({ kind: 'written', path: target, pages: pdfInfo(target).pages })
    const text = pageText(target, 1)
    expect(text).toContain('金水区人民代表大会常务委员会工作报告')
    expect(text).toMatch(/一、2023年主要工作/)
    expect(text).not.toMatch(/征求意见稿|讨论稿/)
    // Headings become PDF bookmarks, run-in headings too (issue 12), as Word's navigation pane lists them.
    const titles = pdfTitles(readFileSync(target))
    expect(titles).toEqual(
      expect.arrayContaining([
        '一、2023年主要工作',
        '（一）坚持党的全面领导，确保人大工作正确政治方向。',
        '1.预算审查监督',
        '（1）审计查出问题整改',
        '二、2024年主要任务',
      ]),
    )
  })

  it('never starts a line with closing punctuation and never splits ——, …… or a number', async () => {
    const filler = '国'.repeat(25)
    // With the two-character indent the first line holds 26 characters: each case straddles the end of line 1.
    const cases = [
      filler + '——' + '家'.repeat(8),
      filler + '国' + '。' + '家'.repeat(8),
      filler + '20230' + '家'.repeat(8),
      filler + '……' + '家'.repeat(8),
      filler + '国' + '”' + '家'.repeat(8),
    ]
    const report = reportFileSchema.parse({
      format: 'work-report-studio',
      version: 1,
      meta: { templateId: 'npc', kind: 'npc', planYear: 2023 },
      doc: { type: 'doc', content: cases.map(text => paragraph(text)) },
    })
    const target = path.join(directory, 'breaks.pdf')
    await exportPdf({ report, draftLabel: '讨论稿', path: target }, html => printer.print(html))
    const lines = pageText(target, 1)
      .split('\n')
      .map(line => line.replace(/\s+/g, ''))
      .filter(line => /[国家]/.test(line))
    expect(lines).toHaveLength(cases.length * 2)
    for (let index = 0; index < lines.length; index += 2) {
      const [first, second] = [lines[index]!, lines[index + 1]!]
      expect(first + second).toBe(cases[index / 2])
      expect(second).not.toMatch(/^[。，、；：？！”’）》〉】〕]/)
      expect(first).not.toMatch(/[—…]$/)
      expect(first).not.toMatch(/\d$/)
    }
  })
})
