import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { footnotesOf } from '../../core/document-model'
import { launchPdfPrinter, type PdfPrinter } from '../../main/export/pdf-printer'
import { renderReportPdf } from '../../main/services/export-pdf-service'
import { footnoteReport, footnoteReportNote } from '../fixtures/footnote-report'
import { embeddedFaceNames, pageText, pdfFonts, pdfInfo } from './helpers/pdf-tools'

const directory = mkdtempSync(path.join(os.tmpdir(), 'wrs-pdf-notes-'))
let printer: PdfPrinter
let file: string
let pdf: Uint8Array
const noteCount = footnotesOf(footnoteReport().doc).length

interface Word {
  text: string
  page: number
  xMin: number
  xMax: number
  yMin: number
  yMax: number
}

function words(pdfPath: string): Word[] {
  const xml = execFileSync('pdftotext', ['-bbox', pdfPath, '-'], { encoding: 'utf8' })
  const out: Word[] = []
  let page = 0
  for (const line of xml.split('\n')) {
    if (line.includes('<page ')) page++
    const match = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/.exec(line)
    if (match)
      out.push({
        text: match[5]!,
        page,
        xMin: Number(match[1]),
        yMin: Number(match[2]),
        xMax: Number(match[3]),
        yMax: Number(match[4]),
      })
  }
  return out
}

beforeAll(async () => {
  printer = await launchPdfPrinter()
  ;({ pdf } = await renderReportPdf(footnoteReport(), null, html => printer.print(html)))
  file = path.join(directory, 'notes.pdf')
  writeFileSync(file, pdf)
})
afterAll(async () => {
  await printer.close()
  rmSync(directory, { recursive: true, force: true })
})

describe('the PDF prints each footnote at the foot of the page holding its reference (issue 13)', () => {
  it('puts every note on the page of its raised number, below the body and above the page number, once', () => {
    const all = words(file)
    const pages = pdfInfo(file).pages
    // The note lines start with 注n：, set in characters of their own by pdftotext; the references are the small
    // raised digits of the body (9.6 pt; body digits are 16 pt, table digits 14 pt).
    const noteLines = all.filter(word => word.text === '注')
    const references = new Map<number, number>()
    for (const word of all) {
      if (!/^\d+$/.test(word.text) || word.yMax - word.yMin >= 11) continue
      if (noteLines.some(note => note.page === word.page && Math.abs(note.yMin - word.yMin) < 6)) continue
      if (!references.has(Number(word.text))) references.set(Number(word.text), word.page)
    }
    expect(references.size).toBe(noteCount)
    const seen: number[] = []
    for (let page = 1; page <= pages; page++) {
      const text = pageText(file, page)
      const flat = text.replace(/\s+/g, '')
      for (const [number, onPage] of references) {
        // The note's start (pdftotext may set the rest of a long note in another order).
        if (!flat.includes(footnoteReportNote(number).slice(0, 12))) continue
        seen.push(number)
        expect(onPage, `note ${number}`).toBe(page)
        // Below every body line of the page (the notes come after the body in the page's text), above — N —.
        const lines = text.split('\n').filter(line => line.trim())
        const noteLine = lines.findIndex(line => line.includes(`注${number}：`))
        const numberLine = lines.findIndex(line => /—\s*\d+\s*—/.test(line))
        expect(noteLine).toBeGreaterThan(lines.findIndex(line => /[。，]$/.test(line.trim())))
        expect(noteLine).toBeLessThan(numberLine)
      }
    }
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: noteCount }, (_, index) => index + 1))
  })

  it('draws a short separator rule above the notes and sets them smaller than the body, in the body face', () => {
    const all = words(file)
    const first = all.find(word => word.text === '注')!
    const body = all
      .filter(word => word.page === first.page && word.yMax < first.yMin - 30 && /^[\u4e00-\u9fff]+$/.test(word.text))
      .sort((a, b) => b.text.length - a.text.length)[0]!
    // Character advance: 14 pt for the notes, 16 pt less 0.25 pt spacing for the body.
    expect(first.xMax - first.xMin).toBeLessThan(14.5)
    expect((body.xMax - body.xMin) / body.text.length).toBeGreaterThan(15.5)
    // The notes are in the body's 仿宋 (official face where installed, else the documented fallback), all embedded.
    expect(embeddedFaceNames(pdf).some(face => /FangSong|FandolFang|SimFang/i.test(face))).toBe(true)
    expect(pdfFonts(file).filter(font => !font.embedded)).toEqual([])
    // The rule: one dark row of pixels (72 dpi, 1 px = 1 pt) just above the first note (pdftotext boxes of these
    // faces reach well above the glyphs, so the search runs to the box bottom), from the left edge of the
    // type area (28 mm = 79 pt) for a quarter of the line (110 pt).
    const pgm = execFileSync('pdftoppm', [
      '-gray',
      '-r',
      '72',
      '-f',
      String(first.page),
      '-l',
      String(first.page),
      file,
    ])
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!
    const width = Number(header[1])
    const pixels = pgm.subarray(header[0].length)
    const dark = (x: number, y: number): boolean => pixels[y * width + x]! < 160
    const rows: number[] = []
    for (let y = Math.floor(first.yMin) - 40; y < first.yMax; y++) {
      let run = 0
      for (let x = 75; x < 300; x++) run = dark(x, y) ? run + 1 : run
      if (run > 90 && run < 130 && dark(82, y) && !dark(200, y)) rows.push(y)
    }
    expect(rows.length).toBeGreaterThan(0)
  })

  it('splits the long table with its header row repeated on the next page, and no body line is lost', () => {
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' })
    const pagesWithTable = text.split('\f').filter(page => page.includes('监督事项'))
    expect(pagesWithTable.length).toBeGreaterThan(1)
    for (const page of pagesWithTable) expect(page).toContain('项目')
    // Row 5 carries a note: its raised number follows the text.
    for (let row = 1; row <= 40; row++) expect(text).toMatch(new RegExp(`监督事项${row}${row === 5 ? '' : '(?!\\d)'}`))
    expect(text.replace(/\s+/g, '').split('成效明显。').length - 1).toBe(36)
  })
})
