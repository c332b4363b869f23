import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { footnotesOf, nodeText, NodeType } from '../../../core/document-model'
import type { ReportFile } from '../../../core/report-file'
import { importReportFile } from '../../../main/services/import-service'
import { footnoteText, richDocx, richNodes, tableShape } from '../../fixtures/rich-content'

const folder = mkdtempSync(path.join(tmpdir(), 'wrs-import-model-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

describe('DOCX import keeps what the document model can hold (issue 13)', () => {
  let report: ReportFile
  let notes: string[]
  beforeAll(async () => {
    const file = path.join(folder, 'rich.docx')
    writeFileSync(file, await richDocx())
    const result = await importReportFile(file)
    if (!result.ok) throw new Error(result.message)
    report = result.value.reports[0]!
    notes = result.value.notes
  })

  it('keeps 12万m² and CO₂ as superscript and subscript marks', () => {
    const block = (report.doc.content ?? []).find(node => nodeText(node).includes('保障性住房'))!
    expect(nodeText(block)).toBe('全年新建保障性住房12万m2，减少CO2排放3.2万吨。')
    const marked = (block.content ?? []).filter(node => node.marks?.length)
    expect(marked).toEqual([
      { type: 'text', text: '2', marks: [{ type: 'superscript' }] },
      { type: 'text', text: '2', marks: [{ type: 'subscript' }] },
    ])
  })

  it('imports the footnote as a footnote holding its text, with no [1] or ↑ left in the text', () => {
    const notesFound = footnotesOf(report.doc)
    expect(notesFound).toEqual([{ type: 'footnote', attrs: { text: footnoteText } }])
    const all = (report.doc.content ?? []).map(nodeText).join('\n')
    expect(all).not.toContain('[1]')
    expect(all).not.toContain('↑')
    expect(all).not.toContain(footnoteText)
  })

  it('keeps merged cells, the list in a cell and the table nested in a cell', () => {
    const table = (report.doc.content ?? []).find(node => node.type === NodeType.table)!
    const expected = richNodes()[1]!
    expect(tableShape(table)).toEqual(tableShape(expected))
  })

  it('joins the drop cap back to its paragraph and says so', () => {
    const texts = (report.doc.content ?? []).map(nodeText)
    expect(texts).toContain('去年以来，全区新开工重点项目86个。')
    expect(texts).not.toContain('去')
    expect(notes).toContain('首字下沉已并回所在段落：“去”（去年以来，全区新开……）。')
  })

  it('names the image it left out and where it stood', () => {
    expect(notes[0]).toMatch(/^已忽略 1 张图片（“……少CO2排放3.2万吨。”之后）：/)
  })
})
