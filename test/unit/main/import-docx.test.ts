import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { nodeText, NodeType } from '../../../core/document-model'
import { analyzeStructure } from '../../../core/structure/analyze-structure'
import { importReportFile } from '../../../main/services/import-service'
import { headingsOf, importOutline, paragraphTexts } from '../core/import-outline'
import { docxWithBoldNumbering, docxWithHeadingStyles, docxWithTable } from './docx-import-fixtures'

const folder = mkdtempSync(path.join(tmpdir(), 'wrs-import-docx-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex')
}

async function importFixture(name: string, bytes: Uint8Array) {
  const file = path.join(folder, name)
  writeFileSync(file, bytes)
  const before = sha256(file)
  const result = await importReportFile(file)
  expect(sha256(file)).toBe(before)
  if (!result.ok) throw new Error(result.message)
  expect(result.value.source).toBe(file)
  expect(result.value.reports).toHaveLength(1)
  return result.value.reports[0]!
}

describe('DOCX import', () => {
  it('takes headings from Word heading styles, Chinese style names included (标题 1 parts, Heading 2 themes)', async () => {
    const report = await importFixture('styles.docx', await docxWithHeadingStyles())
    expect(report.meta).toMatchObject({
      kind: 'npc',
      planYear: 2024,
      numbering: 'yearParts',
      speakerName: '张三',
      speakerOffice: '××区人大常委会主任',
      meetingName: '××区第十八届人民代表大会第三次会议',
      date: '2024-01-16',
    })
    const outline = importOutline(report)
    expect(outline).toMatchObject({
      title: '××区人民代表大会常务委员会工作报告',
      subtitle: '——2024年1月16日在××区第十八届人民代表大会第三次会议上',
      speaker: '××区人大常委会主任　张三',
      salutation: '各位代表：',
    })
    expect(outline.parts).toEqual([
      {
        role: 'review',
        title: '2023年主要工作',
        sections: ['坚持党的全面领导', '依法履行监督职责', '支持代表依法履职'],
      },
      { role: 'tasks', title: '2024年主要任务', sections: ['聚焦中心大局', '加强自身建设'] },
    ])
    // U+3000 indentation stripped, the opening formula kept as the first paragraph
    expect(paragraphTexts(report)[0]).toBe('我受区人民代表大会常务委员会委托，向大会报告工作，请予审议。')
    const structure = analyzeStructure(report)
    expect(structure.frontMatter.opening?.text).toBe('我受区人民代表大会常务委员会委托，向大会报告工作，请予审议。')
    expect(structure.parts.map(part => part.role)).toEqual(['review', 'tasks'])
  })

  it('without heading styles takes headings from bold numbered paragraphs and splits bold run-in headings', async () => {
    const report = await importFixture('bold.docx', await docxWithBoldNumbering())
    expect(report.meta).toMatchObject({
      kind: 'gov',
      planYear: 2025,
      numbering: 'numbered',
      speakerName: '李四',
      date: '2025-01-07',
    })
    expect(importOutline(report)).toMatchObject({
      title: '政府工作报告',
      subtitle: '（2025年1月7日在××县第十八届人民代表大会第五次会议上）',
      salutation: '各位代表：',
    })
    expect(importOutline(report).parts).toEqual([
      {
        role: 'review',
        title: '2024年工作回顾',
        sections: ['聚焦稳增长，经济发展量质齐升。', '坚持改革开放，发展活力持续增强。'],
      },
      { role: 'tasks', title: '2025年工作安排', sections: ['着力扩大有效需求。'] },
      { role: 'selfBuilding', title: '政府自身建设', sections: [] },
    ])
    expect(
      headingsOf(report)
        .filter(heading => heading.runIn)
        .map(heading => heading.text),
    ).toHaveLength(3)
    const nodes = report.doc.content!
    const runInIndex = nodes.findIndex(node => node.type === NodeType.heading && node.attrs?.runIn === true)
    expect(nodeText(nodes[runInIndex + 1]!)).toBe('全年实施重点项目120个，完成投资300亿元。')
    // imported literal numbering is gone from heading text (numbers are computed from position)
    expect(headingsOf(report).some(heading => /^[一二三（(]/.test(heading.text))).toBe(false)
  })

  it('keeps tables as table nodes in place', async () => {
    const report = await importFixture('table.docx', await docxWithTable())
    expect(importOutline(report).parts).toEqual([
      { role: 'review', title: '2023年工作回顾', sections: ['监督工作'] },
      { role: 'tasks', title: '2024年工作安排', sections: [] },
    ])
    const nodes = report.doc.content!
    const tableIndex = nodes.findIndex(node => node.type === NodeType.table)
    expect(tableIndex).toBeGreaterThan(0)
    const table = nodes[tableIndex]!
    expect(table.content!.map(row => row.content!.map(cell => nodeText(cell)))).toEqual([
      ['项目', '次数'],
      ['常委会会议', '11'],
      ['执法检查', '4'],
    ])
    expect(nodeText(nodes[tableIndex - 1]!)).toBe('全年监督工作情况见下表。')
    expect(nodeText(nodes[tableIndex + 1]!)).toBe('表中数字均为全年合计。')
  })
})
