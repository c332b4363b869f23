import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { nodeText, type DocNode } from '../../core/document-model'
import { buildDocx } from '../../core/export/docx/build-docx'
import { importHtml } from '../../core/import/import-html'
import { readDocx } from '../../main/import/read-docx'
import { npcReportFixture } from '../fixtures/docx-npc-report'
import { filledReport } from '../unit/core/structure/filled-report'

/** What a reader of the report sees of each block: kind, heading level/role/run-in, text. */
function outline(nodes: readonly DocNode[]): string[] {
  return nodes.map(node => {
    const attrs =
      node.type === 'heading'
        ? ` L${node.attrs?.level}${node.attrs?.role ? ` ${node.attrs.role}` : ''}${node.attrs?.runIn ? ' run-in' : ''}`
        : ''
    const cells =
      node.type === 'table'
        ? ` ${node.content?.map(row => row.content?.map(cell => (cell.type === 'tableHeader' ? 'H' : 'C')).join('')).join('/')}`
        : ''
    return `${node.type}${attrs}${cells}: ${nodeText(node).replace(/\s+/g, '')}`
  })
}

describe('the exported DOCX read back', () => {
  const report = npcReportFixture()
  let docxPath: string
  beforeAll(async () => {
    docxPath = path.join(mkdtempSync(path.join(os.tmpdir(), 'wrs-docx-rt-')), '金水区人大常委会工作报告.docx')
    writeFileSync(docxPath, await buildDocx(report, { draftLabel: null }))
  })

  it('imports (mammoth → importHtml) to the same front matter, parts, sections and paragraphs', async () => {
    const read = await readDocx(docxPath)
    if (!read.ok) throw new Error(read.message)
    const imported = importHtml(read.html, { fileName: path.basename(docxPath) })
    expect(imported.reports).toHaveLength(1)
    const back = imported.reports[0]!
    expect(back.meta).toMatchObject({
      kind: 'npc',
      planYear: 2024,
      title: report.meta.title,
      organisation: report.meta.organisation,
      meetingName: report.meta.meetingName,
      date: report.meta.date,
      speakerName: report.meta.speakerName,
      numbering: 'numbered',
    })
    expect(outline(back.doc.content!)).toEqual(outline(report.doc.content!))
  })

  it('shows the headings with their levels to pandoc (docx → markdown)', () => {
    const markdown = execFileSync('pandoc', ['-f', 'docx', '-t', 'markdown', '--wrap=none', docxPath], {
      encoding: 'utf8',
    })
    const headings = markdown.split('\n').filter(line => line.startsWith('#'))
    const expected = [
      '# 一、2023年主要工作',
      '## （一）坚持党的全面领导',
      '## （二）聚焦中心大局',
      '### 1.预算审查监督',
      '#### （1）审计查出问题整改',
      '## （三）坚持人民至上',
      '## （四）加强自身建设',
      '# 二、2024年主要任务',
      '## （一）以更高政治站位',
      '## （二）以更实举措',
      '## （三）以更优服务',
    ]
    expect(
      headings.map((line, index) => (expected[index] && line.startsWith(expected[index]) ? expected[index] : line)),
    ).toEqual(expected)
  })
})

describe('a 政协 report read back from its DOCX', () => {
  it('stays one report: the long title broken over two lines in the DOCX is one title, not a second report', async () => {
    const report = filledReport('cppcc')
    const docxPath = path.join(mkdtempSync(path.join(os.tmpdir(), 'wrs-docx-rt-')), '政协常委会工作报告.docx')
    writeFileSync(docxPath, await buildDocx(report, { draftLabel: null }))
    const read = await readDocx(docxPath)
    if (!read.ok) throw new Error(read.message)
    expect(read.html).toContain('<br />')
    const imported = importHtml(read.html, { fileName: path.basename(docxPath) })
    expect(imported.reports).toHaveLength(1)
    const back = imported.reports[0]!
    expect(back.meta).toMatchObject({
      kind: 'cppcc',
      title: report.meta.title,
      meetingName: report.meta.meetingName,
      speakerName: report.meta.speakerName,
    })
    expect(outline(back.doc.content!)).toEqual(outline(report.doc.content!))
  })
})
