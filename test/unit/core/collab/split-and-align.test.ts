import { describe, expect, it } from 'vitest'
import { alignParts } from '../../../../core/collab/align-parts'
import { joinReportDoc, partTitle, splitReportDoc } from '../../../../core/collab/split-report'
import { heading, paragraph, type DocNode } from '../../../../core/document-model'
import { templateForKind } from '../../../../core/templates/builtin-templates'
import { npcReportFixture } from '../../../fixtures/docx-npc-report'

const doc = (...content: DocNode[]): DocNode => ({ type: 'doc', content })

describe('cutting a report where the rights change', () => {
  it('puts front matter before the first part, each level-1 part with its body, and the closing appeal apart', () => {
    const sections = splitReportDoc(
      doc(
        { type: 'reportTitle', content: [{ type: 'text', text: '工作报告' }] },
        paragraph('现在，我代表常委会向大会报告工作。'),
        heading(1, '2023年主要工作'),
        paragraph('正文一'),
        heading(2, '小节'),
        paragraph('正文二'),
        heading(1, '2024年主要任务'),
        paragraph('正文三'),
        paragraph('各位代表！让我们更加紧密地团结在一起，奋力谱写新篇章！'),
      ),
      templateForKind('npc'),
    )
    expect(sections.front.map(node => node.type)).toEqual(['reportTitle', 'paragraph'])
    expect(sections.parts.map(part => partTitle(part))).toEqual(['2023年主要工作', '2024年主要任务'])
    expect(sections.parts[0]!.length).toBe(4)
    expect(sections.closing).toEqual([paragraph('各位代表！让我们更加紧密地团结在一起，奋力谱写新篇章！')])
  })

  it('joins the sections back into the same document (the seed-like fixture, with and without a tasks part)', () => {
    for (const report of [npcReportFixture(), npcReportFixture({ withoutTasks: true })]) {
      expect(joinReportDoc(splitReportDoc(report.doc, templateForKind('npc')))).toEqual(report.doc)
    }
    expect(joinReportDoc({ front: [], parts: [], closing: [] })).toEqual(doc({ type: 'paragraph' }))
  })
})

describe('matching the parts of an edited copy to the shared parts', () => {
  const base = [
    { id: 'a', title: '2023年主要工作' },
    { id: 'b', title: '2024年主要任务' },
    { id: 'c', title: '加强自身建设' },
  ]

  it('matches unchanged titles in order, and a renamed part in place', () => {
    expect(alignParts(base, ['2023年主要工作', '2024年主要任务', '加强自身建设'])).toEqual(['a', 'b', 'c'])
    expect(alignParts(base, ['2023年主要工作', '2024年重点工作', '加强自身建设'])).toEqual(['a', 'b', 'c'])
    expect(alignParts(base, ['2023年 主要工作', '2024年主要任务', '加强自身建设'])).toEqual(['a', 'b', 'c'])
  })

  it('finds inserted, removed and moved parts', () => {
    expect(alignParts(base, ['2023年主要工作', '新增部分', '2024年主要任务', '加强自身建设'])).toEqual([
      'a',
      null,
      'b',
      'c',
    ])
    expect(alignParts(base, ['2023年主要工作', '加强自身建设'])).toEqual(['a', 'c'])
    expect(alignParts(base, ['2024年主要任务', '2023年主要工作', '加强自身建设'])).toEqual(['b', null, 'c'])
    expect(alignParts([], ['一'])).toEqual([null])
  })

  it('never gives one shared part to two parts of the copy', () => {
    for (const titles of [
      ['2023年主要工作', '2023年主要工作', '加强自身建设'],
      ['甲', '乙', '丙', '丁'],
      ['加强自身建设', '2024年主要任务', '2023年主要工作'],
    ]) {
      const ids = alignParts(base, titles).filter(id => id !== null)
      expect(new Set(ids).size).toBe(ids.length)
    }
  })
})
