import { describe, expect, it } from 'vitest'
import { runChecks } from '../../../core/checks/run-checks'
import { importText } from '../../../core/import/import-text'
import { headingsOf, paragraphTexts } from './import-outline'

/** Issue 10: headings wrapped over two or three short lines (web outlines, PDF copy) are one heading. */

const front = [
  '政府工作报告',
  '——2024年1月16日在二七区第十七届人民代表大会第三次会议上',
  '二七区人民政府区长 李四',
  '各位代表：',
  '现在，我代表区人民政府向大会报告工作，请予审议，并请区政协委员和列席人员提出意见。',
]

describe('a heading wrapped over short lines', () => {
  const text = [
    ...front,
    '一、2023年工作回顾',
    '（一）聚焦稳增长',
    '经济发展量质齐升',
    '全年实施重点项目120个，完成投资300亿元。',
    '（二）坚持改革开放，',
    '发展活力',
    '持续增强',
    '深化“放管服”改革，新增市场主体1.5万户。',
    '二、2024年工作安排',
    '今年政府工作的总体要求是：坚持稳中求进工作总基调。',
    '■ 聚焦民生改善，',
    '群众获得感成色更足',
    '新增城镇就业5000人。',
  ].join('\n')
  const report = importText(text).reports[0]!

  it('is joined into one heading, over two or three lines, numbered or ■', () => {
    expect(headingsOf(report).map(heading => [heading.level, heading.text])).toEqual([
      [1, '2023年工作回顾'],
      [2, '聚焦稳增长经济发展量质齐升'],
      [2, '坚持改革开放，发展活力持续增强'],
      [1, '2024年工作安排'],
      [2, '聚焦民生改善，群众获得感成色更足'],
    ])
    expect(paragraphTexts(report)).not.toContain('经济发展量质齐升')
  })

  it('leaves no fragment flagged as a truncated paragraph', () => {
    const truncated = runChecks(report).filter(finding => finding.rule === 'TXT-TRUNC')
    expect(truncated).toEqual([])
  })

  it('takes nothing into a part title, a run-in heading or across a blank line', () => {
    const other = importText(
      [
        ...front,
        '一、2023年工作回顾',
        '经济运行稳中向好',
        '（一）坚持改革开放。深化改革，新增市场主体1.5万户。',
        '发展活力持续增强',
        '（二）聚焦稳增长',
        '',
        '经济发展量质齐升',
      ].join('\n'),
    ).reports[0]!
    expect(headingsOf(other).map(heading => heading.text)).toEqual(['2023年工作回顾', '坚持改革开放。', '聚焦稳增长'])
  })
})
