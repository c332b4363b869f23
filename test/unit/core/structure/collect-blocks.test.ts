import { describe, expect, it } from 'vitest'
import { collectBlocks } from '../../../../core/checks/collect-blocks'
import { guidance, heading, NodeType, paragraph, textNode, type DocNode } from '../../../../core/document-model'

const doc: DocNode = {
  type: NodeType.doc,
  content: [
    { type: NodeType.reportTitle, content: [textNode('政府工作报告')] },
    { type: NodeType.salutation, content: [textNode('各位代表：')] },
    heading(1, '2023年工作回顾', { role: 'review' }),
    heading(2, '聚焦稳增长，经济发展量质齐升。', { runIn: true }),
    paragraph('全年地区生产总值增长6%。'),
    guidance('写经济运行。'),
    heading(3, '项目建设'),
    heading(4, '重点项目'),
    {
      type: NodeType.table,
      content: [{ type: NodeType.tableRow, content: [{ type: NodeType.tableCell, content: [paragraph('指标')] }] }],
    },
    { type: NodeType.bulletList, content: [{ type: NodeType.listItem, content: [paragraph('民生实事一')] }] },
    heading(1, '2024年工作安排', { role: 'tasks' }),
    heading(2, '扩大有效需求'),
  ],
}

describe('collectBlocks', () => {
  it('flattens front matter, headings with computed markers, table cells, list items and guidance in document order', () => {
    const numbered = collectBlocks(doc, 'numbered')
    expect(numbered.map(block => [block.kind, block.path, block.marker ?? null, block.text])).toEqual([
      ['title', [0], null, '政府工作报告'],
      ['salutation', [1], null, '各位代表：'],
      ['heading', [2], '一、', '2023年工作回顾'],
      ['heading', [3], '（一）', '聚焦稳增长，经济发展量质齐升。'],
      ['paragraph', [4], null, '全年地区生产总值增长6%。'],
      ['guidance', [5], null, '写经济运行。'],
      ['heading', [6], '1.', '项目建设'],
      ['heading', [7], '（1）', '重点项目'],
      ['tableCell', [8, 0, 0, 0], null, '指标'],
      ['listItem', [9, 0, 0], null, '民生实事一'],
      ['heading', [10], '二、', '2024年工作安排'],
      ['heading', [11], '（一）', '扩大有效需求'],
    ])
    expect(numbered[3]!.runIn).toBe(true)
    const yearParts = collectBlocks(doc, 'yearParts').filter(block => block.kind === 'heading')
    expect(yearParts.map(block => block.marker)).toEqual(['', '一、', '（一）', '1.', '', '一、'])
  })
})
