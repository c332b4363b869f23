import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { diffChars } from 'diff'
import { describe, expect, it } from 'vitest'
import { footnotesOf, NodeType, nodeText, type DocNode } from '../../../core/document-model'
import { computeMarkers } from '../../../core/numbering'
import type { ReportFile } from '../../../core/report-file'
import { headingLevel } from '../../../core/report-language/heading-level'
import { importReportFile } from '../../../main/services/import-service'

/**
 * The corpus: DOCX files written by LibreOffice from varied sources and packages built part by part from ECMA-376
 * (test/fixtures/corpus, made by scripts/make-corpus.mjs with the sources in corpus/src). Each imports, or is refused
 * with a zh-CN sentence; an imported one holds the text `pandoc -t plain` reads in the same file.
 *
 * Tolerance: after both texts are reduced to letters and digits (NFKC, so ² is 2; pandoc's note marks `[1]`, list
 * numbers and table rules dropped), at most 3% of the characters differ (characters added plus removed over both
 * lengths). What differs by design: heading numbers the import recomputes, front matter it reformats, a drop cap
 * pandoc puts into the first note.
 */
const corpus = path.join('test', 'fixtures', 'corpus')
const files = readdirSync(corpus)
  .filter(name => name.endsWith('.docx'))
  .sort()
const TOLERANCE = 0.03

function reduce(text: string): string {
  return text.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '')
}

/** pandoc's plain text without its own marks: note references `[1]`, list numbers and bullets. */
function pandocText(name: string): string {
  return readFileSync(path.join(corpus, name.replace(/\.docx$/, '.pandoc.txt')), 'utf8')
    .replace(/\[\d+\]/g, '')
    .replace(/(^|\|)\s*(?:\d+\.|-)\s{2,}/gm, '$1')
}

/** The report's text as the exports print it: heading numbers, every block in order, then the notes. */
function reportText(report: ReportFile): string {
  const nodes = report.doc.content ?? []
  const headings = nodes.filter(node => node.type === NodeType.heading)
  const markers = computeMarkers(report.meta.numbering, headings.map(headingLevel))
  const lines: string[] = []
  const walk = (node: DocNode): void => {
    if (node.type === NodeType.heading) lines.push((markers[headings.indexOf(node)] ?? '') + nodeText(node))
    else if (node.content?.some(child => child.type === NodeType.text || child.type === NodeType.hardBreak))
      lines.push(nodeText(node))
    else for (const child of node.content ?? []) walk(child)
  }
  nodes.forEach(walk)
  for (const note of footnotesOf(report.doc)) lines.push(String(note.attrs?.text ?? ''))
  return lines.join('\n')
}

function difference(a: string, b: string): number {
  let changed = 0
  for (const part of diffChars(a, b)) if (part.added || part.removed) changed += part.value.length
  return changed / Math.max(1, a.length + b.length)
}

describe('corpus of DOCX written by other software (issue 13)', () => {
  it('holds files of every kind the issue names', () => {
    expect(files.filter(name => name.startsWith('lo-')).length).toBeGreaterThanOrEqual(8)
    expect(files.filter(name => name.startsWith('ecma-')).length).toBeGreaterThanOrEqual(5)
  })

  for (const name of files)
    it(`${name}: imports with pandoc's text (±${TOLERANCE * 100}%), or is refused in zh-CN`, async () => {
      const file = path.join(corpus, name)
      const before = createHash('sha256').update(readFileSync(file)).digest('hex')
      const result = await importReportFile(file)
      expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before)
      if (!result.ok) {
        expect(result.message).toMatch(/[\u4e00-\u9fff]/)
        expect(result.message).toMatch(/。$/)
        return
      }
      const ours = reduce(result.value.reports.map(reportText).join('\n'))
      const theirs = reduce(pandocText(name))
      expect(theirs.length).toBeGreaterThan(10)
      const measured = difference(ours, theirs)
      console.log(`${name}: ${(measured * 100).toFixed(1)}% differ (${ours.length}/${theirs.length} chars)`)
      expect(measured, `${name}\nours:   ${ours}\npandoc: ${theirs}`).toBeLessThanOrEqual(TOLERANCE)
    })
})

/** The nodes of `type` anywhere in the document. */
function all(node: DocNode, type: string, out: DocNode[] = []): DocNode[] {
  if (node.type === type) out.push(node)
  for (const child of node.content ?? []) all(child, type, out)
  return out
}

async function imported(name: string): Promise<{ report: ReportFile; notes: string[] }> {
  const result = await importReportFile(path.join(corpus, name))
  if (!result.ok) throw new Error(result.message)
  return { report: result.value.reports[0]!, notes: result.value.notes }
}

describe('what the corpus files keep in the model', () => {
  it('LibreOffice merged cells keep their spans', async () => {
    const { report } = await imported('lo-merged-table.docx')
    const cells = [...all(report.doc, NodeType.tableCell), ...all(report.doc, NodeType.tableHeader)]
    const spans = cells.map(cell => `${cell.attrs?.colspan}x${cell.attrs?.rowspan}:${nodeText(cell)}`)
    expect(spans).toContain('1x2:监督方式')
    expect(spans).toContain('3x1:次数')
    expect(spans).toContain('1x2:视察调研')
    expect(spans).toContain('4x1:合计：执法检查和视察调研共83次')
  })

  it('lists and a table in cells stay lists and a table', async () => {
    const { report } = await imported('lo-lists-in-cells.docx')
    const table = (report.doc.content ?? []).find(node => node.type === NodeType.table)!
    expect(all(table, NodeType.bulletList).map(nodeText)).toEqual(['听取审议计划执行情况报告开展安置房建设专项视察'])
    expect(all(table, NodeType.orderedList).map(nodeText)).toEqual(['制定街道居民议事会规定修订常委会议事规则'])
    expect(all(table, NodeType.table).slice(1).map(nodeText)).toEqual(['新建12个改建20个'])
  })

  it('footnotes and endnotes become footnotes; vertAlign runs become marks; the drop cap is joined', async () => {
    const { report, notes } = await imported('ecma-notes-dropcap.docx')
    expect(footnotesOf(report.doc).map(note => note.attrs?.text)).toEqual([
      '按可比价格计算。',
      '城镇新增就业人数。',
      '数据来源：区统计局。',
    ])
    expect((report.doc.content ?? []).map(nodeText)).toContain(
      '去年以来，全区地区生产总值增长6.2%，一般公共预算收入增长8.1%。',
    )
    expect(notes.some(note => note.startsWith('首字下沉已并回所在段落：“去”'))).toBe(true)
    const sup = await imported('lo-sup-sub.docx')
    const marks = all(sup.report.doc, NodeType.text).flatMap(
      node => node.marks?.map(mark => `${mark.type}:${node.text}`) ?? [],
    )
    expect(marks).toEqual(['superscript:2', 'subscript:2', 'superscript:2', 'subscript:2'])
    expect(footnotesOf(sup.report.doc).map(note => note.attrs?.text)).toEqual(['据区生态环境局监测。'])
  })

  it("LibreOffice's raised and lowered text from HTML (w:position, smaller size) becomes sub/superscript marks", async () => {
    const { report } = await imported('lo-sup-sub-html.docx')
    const marks = all(report.doc, NodeType.text).flatMap(
      node => node.marks?.map(mark => `${mark.type}:${node.text}`) ?? [],
    )
    expect(marks).toEqual(['superscript:2', 'subscript:2', 'subscript:2.5'])
  })

  it('an equation and a chart, which the model cannot hold, are named in the notices with where they stood', async () => {
    const { notes } = await imported('ecma-equation-chart.docx')
    expect(notes).toContain(
      '已忽略 1 个公式（“……务半径覆盖率达到90%。”之后）：报告中不能放公式，请在导出后的 Word 文档中另行插入。',
    )
    expect(notes).toContain(
      '已忽略 1 个图表（“各街道绿地面积见下图。”之后）：报告中不能放图表，请在导出后的 Word 文档中另行插入。',
    )
  })

  it('the image LibreOffice embedded is named in the notices', async () => {
    const { notes } = await imported('lo-image.docx')
    expect(notes[0]).toMatch(/^已忽略 1 张图片（“全年建成口袋公园12个。”之后）/)
  })
})
