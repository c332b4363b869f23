import { describe, expect, it } from 'vitest'
import { NodeType } from '../../../core/document-model'
import { parseSpeakerLine } from '../../../core/report-language/speaker'
import { parseSubtitle } from '../../../core/report-language/subtitle'
import { importText } from '../../../core/import/import-text'
import { headingsOf, importOutline, paragraphTexts } from './import-outline'

const govText = [
  '\u3000\u3000政府工作报告',
  '——2024年1月16日在××区第十八届人民代表大会第三次会议上',
  '××区人民政府区长  李四',
  '各位代表：',
  '\u3000\u3000现在，我代表区人民政府向大会报告工作，请予审议，并请区政协委员和列席人员提出意见。',
  '一、2023年工作回顾',
  '\u3000\u3000过去一年，在区委的坚强领导下，我们完成了全年目标任务。',
  '(一)聚焦稳增长，经济发展量质齐升。全年地区生产总值增长6%，一般公共预算收入增长8%。',
  '（二）深化改革开放',
  '    改革持续深化,开放水平不断提高。',
  '1.优化营商环境。推行“一网通办”，办理时限压缩一半。',
  '二、2024年工作安排',
  '    今年政府工作的总体要求是：坚持稳中求进。',
  '（一）着力扩大有效需求。实施重点项目100个。',
  '三、政府自身建设',
  '\u3000\u3000我们将深入推进依法行政。',
].join('\n')

describe('text import variants', () => {
  it('reads a numbered-parts report: 一、 parts, (一) half-width and （一） themes, 1. items, run-in headings split from their body', () => {
    const { reports } = importText(govText, { fileName: 'gov.txt' })
    expect(reports).toHaveLength(1)
    const report = reports[0]!
    expect(report.meta).toMatchObject({
      kind: 'gov',
      planYear: 2024,
      numbering: 'numbered',
      speakerName: '李四',
      speakerOffice: '××区人民政府区长',
    })
    const outline = importOutline(report)
    expect(outline.parts.map(part => [part.role, part.title])).toEqual([
      ['review', '2023年工作回顾'],
      ['tasks', '2024年工作安排'],
      ['selfBuilding', '政府自身建设'],
    ])
    expect(headingsOf(report)).toEqual([
      { level: 1, text: '2023年工作回顾', runIn: false },
      { level: 2, text: '聚焦稳增长，经济发展量质齐升。', runIn: true },
      { level: 2, text: '深化改革开放', runIn: false },
      { level: 3, text: '优化营商环境。', runIn: true },
      { level: 1, text: '2024年工作安排', runIn: false },
      { level: 2, text: '着力扩大有效需求。', runIn: true },
      { level: 1, text: '政府自身建设', runIn: false },
    ])
    const texts = paragraphTexts(report)
    // the body of a run-in heading is the next paragraph; indentation (U+3000, spaces) is stripped, punctuation kept
    expect(texts).toContain('全年地区生产总值增长6%，一般公共预算收入增长8%。')
    expect(texts).toContain('改革持续深化,开放水平不断提高。')
    expect(texts[0]).toBe('现在，我代表区人民政府向大会报告工作，请予审议，并请区政协委员和列席人员提出意见。')
    expect(outline.title).toBe('政府工作报告')
    expect(outline.salutation).toBe('各位代表：')
  })

  it('reads a 政协 title over three lines, a parenthesised subtitle wrapped over two lines and a padded name glued to the salutation', () => {
    const text = [
      '中国人民政治协商会议',
      '××市第十四届委员会',
      '常务委员会工作报告',
      '（2025年1月7日在政协××市第十四届',
      '委员会第四次会议上）',
      '杨  智各位委员：',
      '我代表政协××市第十四届委员会常务委员会，向大会报告工作，请予审议，并请列席会议的同志提出意见。',
      '一、过去一年工作回顾',
      '(一)坚持筑牢思想根基。强化理论武装，全年开展学习32次。',
      '二、2025年工作安排',
      '（一）持续加强思想政治引领。深入学习贯彻党的二十大精神。',
    ].join('\n')
    const report = importText(text).reports[0]!
    expect(report.meta).toMatchObject({
      kind: 'cppcc',
      planYear: 2025,
      date: '2025-01-07',
      meetingName: '政协××市第十四届委员会第四次会议',
      speakerName: '杨智',
    })
    const title = report.doc.content![0]!
    expect(title.type).toBe(NodeType.reportTitle)
    expect(title.content!.filter(node => node.type === NodeType.hardBreak)).toHaveLength(2)
    expect(importOutline(report)).toMatchObject({
      subtitle: '（2025年1月7日在政协××市第十四届委员会第四次会议上）',
      speaker: '杨  智',
      salutation: '各位委员：',
    })
    expect(importOutline(report).parts.map(part => [part.role, part.title, part.sections])).toEqual([
      ['review', '过去一年工作回顾', ['坚持筑牢思想根基。']],
      ['tasks', '2025年工作安排', ['持续加强思想政治引领。']],
    ])
  })

  it('accepts the subtitle variants: two dashes, one dash, no dash, parentheses, the `…上的报告` suffix, no date', () => {
    const meeting = '××区第十八届人民代表大会第三次会议'
    for (const text of [
      `——2024年1月16日在${meeting}上`,
      `—2024年1月16日在${meeting}上`,
      `2024年1月16日在${meeting}上`,
      `（2024年1月16日在${meeting}上）`,
      `——2024年1月16日在${meeting}上的报告`,
    ]) {
      expect(parseSubtitle(text), text).toMatchObject({ date: '2024-01-16', meeting })
    }
    expect(parseSubtitle(`——在${meeting}上`)).toMatchObject({ date: '', meeting })
    // a dash subtitle wrapped mid-phrase over two lines is read as one
    const wrapped = importText(
      [
        '××区人民代表大会常务委员会工作报告',
        '——2024年1月16日在××区第十八届人民代表大会',
        '第三次会议上',
        '各位代表：',
        '2023年主要工作',
        '正文。',
      ].join('\n'),
    ).reports[0]!
    expect(importOutline(wrapped).subtitle).toBe(`——2024年1月16日在${meeting}上`)
    expect(wrapped.meta).toMatchObject({ meetingName: meeting, date: '2024-01-16' })
    expect(parseSubtitle('2024年全区经济运行平稳。')).toBeUndefined()
    // no date in the subtitle: the date line after the speaker gives it
    const report = importText(
      [
        '××区人民代表大会常务委员会工作报告',
        `——在${meeting}上`,
        '××区人大常委会主任 张三',
        '（2024年1月16日）',
        '各位代表：',
        '2023年主要工作',
        '正文。',
      ].join('\n'),
    ).reports[0]!
    expect(report.meta).toMatchObject({
      kind: 'npc',
      date: '2024-01-16',
      planYear: 2024,
      speakerName: '张三',
      numbering: 'yearParts',
    })
  })

  it('splits a speaker line glued to the salutation and reads names with or without a space', () => {
    const report = importText(
      [
        '××区人民代表大会常务委员会工作报告',
        '——2024年1月16日在××区第十八届人民代表大会第三次会议上',
        '××区人大常委会主任 张三各位代表:',
        '2023年主要工作',
        '正文。',
      ].join('\n'),
    ).reports[0]!
    expect(importOutline(report)).toMatchObject({ speaker: '××区人大常委会主任 张三', salutation: '各位代表:' })
    expect(report.meta.speakerName).toBe('张三')
    expect(parseSpeakerLine('××区人民政府代理区长王五', { allowNameOnly: false })).toEqual({
      office: '××区人民政府代理区长',
      name: '王五',
    })
    expect(parseSpeakerLine('杨  智', { allowNameOnly: true })).toEqual({ office: '', name: '杨智' })
    expect(parseSpeakerLine('杨  智', { allowNameOnly: false })).toBeUndefined()
  })

  it('maps unnumbered year parts to level 1 and 一、 （一） 1. below them', () => {
    const text = [
      '2023年主要工作',
      '一、坚持党的领导',
      '（一）强化理论武装',
      '1.开展集中学习',
      '正文。',
      '2024年工作安排',
      '一、聚焦中心大局',
      '正文。',
    ].join('\n')
    const report = importText(text, { kind: 'npc' }).reports[0]!
    expect(report.meta.numbering).toBe('yearParts')
    expect(report.meta.planYear).toBe(2024)
    expect(headingsOf(report).map(heading => [heading.level, heading.text])).toEqual([
      [1, '2023年主要工作'],
      [2, '坚持党的领导'],
      [3, '强化理论武装'],
      [4, '开展集中学习'],
      [1, '2024年工作安排'],
      [2, '聚焦中心大局'],
    ])
  })

  it('reads Markdown: # title, # parts with numbering, ## themes, a bold run-in heading and a table', () => {
    const text = [
      '# ××区人民代表大会常务委员会工作报告',
      '',
      '——2024年1月16日在××区第十八届人民代表大会第三次会议上',
      '',
      '# 一、2023年主要工作',
      '',
      '## （一）坚持党的全面领导',
      '',
      '全年召开常委会会议11次。',
      '',
      '**（二）依法履行监督职责。**听取审议计划执行情况的报告。',
      '',
      '| 项目 | 次数 |',
      '| --- | --- |',
      '| 常委会会议 | 11 |',
      '',
      '# 二、2024年主要任务',
      '',
      '## 加强自身建设',
    ].join('\n')
    const report = importText(text, { fileName: 'npc.md' }).reports[0]!
    expect(report.meta).toMatchObject({ kind: 'npc', numbering: 'numbered', planYear: 2024 })
    expect(importOutline(report).parts).toEqual([
      { role: 'review', title: '2023年主要工作', sections: ['坚持党的全面领导', '依法履行监督职责。'] },
      { role: 'tasks', title: '2024年主要任务', sections: ['加强自身建设'] },
    ])
    expect(paragraphTexts(report)).toContain('听取审议计划执行情况的报告。')
    const table = report.doc.content!.find(node => node.type === NodeType.table)!
    expect(table.content).toHaveLength(2)
    expect(JSON.stringify(table)).toContain('常委会会议')
    // the Markdown marks themselves never reach the text
    expect(JSON.stringify(report.doc)).not.toMatch(/\*\*|##|\| ---/)
  })

  it('reads newspaper bullets ■ as themes and drops photo credits', () => {
    const text = [
      '2023年主要工作',
      '■ 聚焦中心大局',
      '正文一。',
      '张三 摄',
      '■ 加强代表工作',
      '正文二。',
      '2024年主要任务',
      '正文三。',
    ].join('\n')
    const result = importText(text, { kind: 'npc' })
    const report = result.reports[0]!
    expect(importOutline(report).parts.map(part => part.sections)).toEqual([['聚焦中心大局', '加强代表工作'], []])
    expect(paragraphTexts(report)).toEqual(['正文一。', '正文二。', '正文三。'])
  })

  it('does not turn an ordinary paragraph that opens with a short sentence into a heading', () => {
    const text = [
      '2023年主要工作',
      '一、坚持党的领导',
      '成效明显。全年召开会议8次。',
      '正文继续，没有小标题。',
      '2024年主要任务',
      '正文。',
    ].join('\n')
    const report = importText(text, { kind: 'npc' }).reports[0]!
    expect(headingsOf(report).map(heading => heading.text)).toEqual([
      '2023年主要工作',
      '坚持党的领导',
      '2024年主要任务',
    ])
    expect(paragraphTexts(report)[0]).toBe('成效明显。全年召开会议8次。')
  })

  it('says so when nothing tells the kind or the year, and imports an empty text as nothing', () => {
    const result = importText('一、主要工作完成情况\n正文。\n二、下一步打算\n正文。', { planYear: 2025 })
    expect(result.reports[0]!.meta).toMatchObject({ kind: 'summary', planYear: 2025, numbering: 'numbered' })
    expect(result.notes.join('')).toContain('没有从文字中认出报告类别')
    expect(result.notes.join('')).toContain('计划年度暂定为2025年')
    expect(importText('  \n\u3000\n').reports).toEqual([])
  })
})
