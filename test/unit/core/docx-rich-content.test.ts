import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { footnotesOf, NodeType } from '../../../core/document-model'
import { buildDocx } from '../../../core/export/docx/build-docx'
import { importHtml } from '../../../core/import/import-html'
import { readDocx } from '../../../main/import/read-docx'
import { npcReportFixture } from '../../fixtures/docx-npc-report'
import { footnoteText, richNodes, richReport, tableShape } from '../../fixtures/rich-content'

type Parts = Record<string, string>

const folder = mkdtempSync(path.join(tmpdir(), 'wrs-docx-rich-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

/** The w:r elements of document.xml holding exactly `text`. */
function runsWithText(xml: string, text: string): string[] {
  return (xml.match(/<w:r>.*?<\/w:r>/g) ?? []).filter(run => run.includes(`>${text}</w:t>`))
}

/** The outermost w:tbl elements of the body, in order. */
function outerTables(xml: string): string[] {
  const tables: string[] = []
  let depth = 0
  let start = 0
  for (const match of xml.matchAll(/<w:tbl>|<\/w:tbl>/g)) {
    if (match[0] === '<w:tbl>') {
      if (depth++ === 0) start = match.index
    } else if (--depth === 0) tables.push(xml.slice(start, match.index + '</w:tbl>'.length))
  }
  return tables
}

describe('DOCX export of sub/superscripts, footnotes and rich tables (issue 13)', () => {
  let parts: Parts
  let bytes: Uint8Array
  beforeAll(async () => {
    bytes = await buildDocx(richReport(), { draftLabel: null })
    parts = Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]))
  })

  it('writes 12万m² and CO₂ with w:vertAlign', () => {
    const xml = parts['word/document.xml']!
    const twos = runsWithText(xml, '2')
    expect(twos).toHaveLength(2)
    expect(twos[0]).toContain('<w:vertAlign w:val="superscript"/>')
    expect(twos[1]).toContain('<w:vertAlign w:val="subscript"/>')
  })

  it('writes the footnote as a Word footnote (footnotes.xml) referenced from the paragraph, numbered 1', () => {
    const xml = parts['word/document.xml']!
    const paragraph = (xml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/g) ?? []).find(p => p.includes('保障性住房'))!
    expect(paragraph).toContain('<w:footnoteReference w:id="1"/>')
    expect(xml).not.toContain(footnoteText)
    const note = /<w:footnote w:id="1">.*?<\/w:footnote>/.exec(parts['word/footnotes.xml']!)![0]
    expect(note).toContain('<w:pStyle w:val="FootnoteText"/>')
    expect(note).toContain('<w:footnoteRef/>')
    expect(note).toContain(footnoteText)
    expect(parts['word/styles.xml']).toContain('w:styleId="FootnoteText"')
    expect(parts['word/styles.xml']).toMatch(/w:styleId="FootnoteReference".*?<w:vertAlign w:val="superscript"\/>/)
  })

  it('writes no footnote styles into a report without footnotes (its bytes stay as before)', async () => {
    const plain = unzipSync(await buildDocx(npcReportFixture(), { draftLabel: null }))
    expect(strFromU8(plain['word/styles.xml']!)).not.toContain('FootnoteText')
  })

  it('writes merged cells as w:gridSpan and w:vMerge, the list in a cell as numbered paragraphs, the nested table inside its cell', () => {
    const tables = outerTables(parts['word/document.xml']!)
    const table = tables.find(candidate => candidate.includes('道路工程'))!
    expect(table).toContain('<w:gridSpan w:val="2"/>')
    expect(table).toContain('<w:vMerge w:val="restart"/>')
    expect(table).toMatch(/<w:vMerge(?: w:val="continue")?\/>/)
    const rows = table.match(/<w:tr>.*?<\/w:tr>|<w:tr [^>]*>.*?<\/w:tr>/g)!
    expect(rows.length).toBeGreaterThanOrEqual(3)
    // the list items keep their own paragraphs with list numbering
    for (const item of ['新建道路', '改建道路'])
      expect(table).toMatch(new RegExp(`<w:p>(?:(?!</w:p>).)*<w:numPr>(?:(?!</w:p>).)*${item}`))
    // the nested table sits in a cell, and the cell ends with a paragraph
    expect(table.indexOf('<w:tbl>', 1)).toBeGreaterThan(0)
    expect(table).toMatch(/主干路.*次干路.*<\/w:tbl><w:p>.*合计15.*<\/w:tc>/)
  })

  it('reads back through mammoth as the same model (marks, footnote, spans, list and table in cells)', async () => {
    const file = path.join(folder, 'rich.docx')
    writeFileSync(file, bytes)
    const read = await readDocx(file)
    if (!read.ok) throw new Error(read.message)
    const doc = importHtml(read.html).reports[0]!.doc
    expect(footnotesOf(doc)).toEqual([{ type: 'footnote', attrs: { text: footnoteText } }])
    const table = (doc.content ?? []).find(node => node.type === NodeType.table)!
    expect(tableShape(table)).toEqual(tableShape(richNodes()[1]!))
  })
})
