import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchPdfPrinter, type PdfPrinter } from '../../main/export/pdf-printer'
import { renderReportPdf } from '../../main/services/export-pdf-service'
import { footnoteText, richReport } from '../fixtures/rich-content'

const directory = mkdtempSync(path.join(os.tmpdir(), 'wrs-pdf-rich-'))
let printer: PdfPrinter
let file: string

interface Word {
  text: string
  page: number
  yMin: number
  yMax: number
  xMin: number
}

/** Every word of the PDF with its box (`pdftotext -bbox`), in reading order. */
function words(pdfPath: string): Word[] {
  const xml = execFileSync('pdftotext', ['-bbox', pdfPath, '-'], { encoding: 'utf8' })
  const out: Word[] = []
  let page = 0
  for (const line of xml.split('\n')) {
    if (line.includes('<page ')) page++
    const match = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/.exec(line)
    if (match)
      out.push({ text: match[4]!, page, xMin: Number(match[1]), yMin: Number(match[2]), yMax: Number(match[3]) })
  }
  return out
}

beforeAll(async () => {
  printer = await launchPdfPrinter()
  const { pdf } = await renderReportPdf(richReport(), null, html => printer.print(html))
  file = path.join(directory, 'rich.pdf')
  writeFileSync(file, pdf)
})
afterAll(async () => {
  await printer.close()
  rmSync(directory, { recursive: true, force: true })
})

describe('the PDF prints sub/superscripts, footnotes and rich tables (issue 13)', () => {
  it('prints the 2 of m² raised and smaller, the 2 of CO₂ lowered and smaller, on the line of their text', () => {
    const all = words(file)
    const line = all.find(word => word.text.includes('保障性住房'))!
    const twos = all.filter(
      word => word.text === '2' && word.page === line.page && Math.abs(word.yMin - line.yMin) < 40,
    )
    expect(twos).toHaveLength(2)
    const [superscript, subscript] = twos.sort((a, b) => a.xMin - b.xMin) as [Word, Word]
    const bodyHeight = line.yMax - line.yMin
    expect(superscript.yMax - superscript.yMin).toBeLessThan(bodyHeight * 0.75)
    expect(subscript.yMax - subscript.yMin).toBeLessThan(bodyHeight * 0.75)
    expect(subscript.yMax).toBeGreaterThan(superscript.yMax + 3)
  })

  it('prints the footnote number after its sentence and the note once, at the foot of that page', () => {
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    expect(text.split(footnoteText).length - 1).toBe(1)
    expect(text).not.toContain('[1]')
    expect(text).not.toContain('↑')
    const page = text.split('\f').findIndex(each => each.includes('保障性住房')) + 1
    const onPage = execFileSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), file, '-'], {
      encoding: 'utf8',
    })
    expect(onPage).toMatch(/1\s+数据来源/)
    // Below the body, above the page number.
    expect(onPage.indexOf(footnoteText)).toBeGreaterThan(onPage.indexOf('保障性住房'))
    expect(onPage.indexOf(footnoteText)).toBeLessThan(onPage.search(/—\s*\d+\s*—/))
  })

  it('prints every cell of the merged header, the list in a cell and the nested table', () => {
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '')
    for (const word of [
      '项目',
      '完成数量',
      '2023年',
      '道路工程',
      '•新建道路',
      '•改建道路',
      '主干路9',
      '次干路6',
      '合计15',
    ])
      expect(text).toContain(word)
  })
})
