import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { footnotesOf, nodeText } from '../../core/document-model'
import { launchPdfPrinter, type PdfPrinter } from '../../main/export/pdf-printer'
import { renderReportPdf } from '../../main/services/export-pdf-service'
import { longFootnoteReport } from '../fixtures/footnote-report'

const directory = mkdtempSync(path.join(os.tmpdir(), 'wrs-pdf-long-note-'))
let printer: PdfPrinter
beforeAll(async () => {
  printer = await launchPdfPrinter()
})
afterAll(async () => {
  await printer.close()
  rmSync(directory, { recursive: true, force: true })
})

const squash = (text: string): string => text.replace(/[\s\u2060]+/g, '')

describe('the PDF of a report whose notes are taller than a page (1,800 characters each)', () => {
  it('is printed, with the whole body and every note in full', async () => {
    const report = longFootnoteReport(1800)
    const { pdf } = await renderReportPdf(report, null, html => printer.print(html))
    const file = path.join(directory, 'long.pdf')
    writeFileSync(file, pdf)
    const text = squash(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }))
    const notes = footnotesOf(report.doc)
    expect(notes).toHaveLength(19)
    for (const note of notes) {
      const body = squash(String(note.attrs?.text ?? ''))
      expect(body.length).toBe(1800)
      // Each note's opening and its last 60 characters are printed (the notes repeat one sentence, so the
      // opening `注n：…` and the tail identify it).
      expect(text).toContain(body.slice(0, 40))
      expect(text).toContain(body.slice(-60))
    }
    // (a table's text comes column by column: its last row stands for it)
    expect(text).toContain('监督事项40')
    for (const block of report.doc.content ?? []) {
      const words = squash(nodeText(block)).slice(0, 12)
      if (words && block.type !== 'table') expect(text).toContain(words)
    }
    // Nothing printed over anything else: the notes start under the body and run on, not up over its lines.
    const boxes: { page: number; x0: number; y0: number; x1: number; y1: number; text: string }[] = []
    let page = 0
    for (const line of execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).split(
      '\n',
    )) {
      if (line.includes('<page ')) page++
      const match = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/.exec(line)
      // (page 1, the title page without notes, has its large title lines' boxes reaching into each other)
      // (raised note numbers sit inside their line's box)
      if (match && squash(match[5]!) && page > 1 && !/^\d+$/.test(match[5]!))
        boxes.push({ page, x0: +match[1]!, y0: +match[2]!, x1: +match[3]!, y1: +match[4]!, text: match[5]! })
    }
    const overprinted: string[] = []
    for (const [index, a] of boxes.entries())
      for (const b of boxes.slice(index + 1)) {
        if (b.page !== a.page) break
        const x = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)
        // (a glyph box reaches far above and below its line: boxes of neighbouring lines overlap, their middles
        // are a line pitch, 20 pt or more, apart)
        const y = Math.abs(a.y0 + a.y1 - b.y0 - b.y1) / 2
        if (x > 3 && y < 8) overprinted.push(`p${a.page}: ${a.text.slice(0, 8)} / ${b.text.slice(0, 8)}`)
      }
    expect(overprinted.slice(0, 5)).toEqual([])
  }, 120_000)
})
