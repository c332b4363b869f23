import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildDocx } from '../../core/export/docx/build-docx'
import { footnoteText, richReport } from '../fixtures/rich-content'
import { convertDocxToPdf, pdfText } from './docx-libreoffice'

describe('the DOCX with sub/superscripts, a footnote and a rich table as LibreOffice prints it (issue 13)', () => {
  let pdf: string
  beforeAll(async () => {
    const directory = mkdtempSync(path.join(os.tmpdir(), 'wrs-docx-rich-lo-'))
    const docx = path.join(directory, 'rich.docx')
    writeFileSync(docx, await buildDocx(richReport(), { draftLabel: null }))
    pdf = await convertDocxToPdf(docx)
  }, 180_000)

  it('prints the footnote at the foot of the page holding its reference, above the page number', async () => {
    const firstPage = (await pdfText(pdf, { layout: true })).split('\f')[0]!
    const body = firstPage.indexOf('保障性住房')
    // LibreOffice sets a space between 汉字 and digits, so the note is found by its opening words
    const note = firstPage.indexOf(footnoteText.slice(0, 9))
    expect(body).toBeGreaterThan(0)
    expect(note).toBeGreaterThan(body)
    expect(firstPage.indexOf('—1—')).toBeGreaterThan(note)
  })

  it('prints every cell: merged header, the list in a cell and the nested table', async () => {
    const text = (await pdfText(pdf)).replace(/\s+/g, '')
    for (const word of ['项目', '完成数量', '2022年', '2023年', '道路工程', '新建道路', '改建道路', '主干路', '次干路'])
      expect(text).toContain(word)
    // Numbers are right-aligned in their cells, so the plain text order of a row is not fixed: read it laid out.
    const laidOut = await pdfText(pdf, { layout: true })
    expect(laidOut).toMatch(/主干路\s+9\b/)
    expect(laidOut).toMatch(/次干路\s+6\b/)
    expect(laidOut).toMatch(/合计\s*15\b/)
  })
})
