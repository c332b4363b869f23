import { describe, expect, it } from 'vitest'
import { importText } from '../../../core/import/import-text'
import { headingsOf, importOutline, paragraphTexts } from './import-outline'

const paragraphs = [
  '过去一年，在区委的坚强领导下，区人大常委会坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，依法履行宪法和法律赋予的职责，为全区经济社会高质量发展作出了积极贡献。',
  '全年召开常委会会议11次、主任会议24次，听取审议专项工作报告32项，开展执法检查4次、视察调研31次，作出决议决定13项，依法任免国家机关工作人员56人次。',
]

function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  for (let index = 0; index < text.length; index += width) lines.push(text.slice(index, index + width))
  return lines
}

describe('text import of page layouts', () => {
  it('joins the lines of a hard-wrapped text back into paragraphs, but not titles, headings or cut paragraphs', () => {
    const text = [
      '××区人民代表大会常务委员会工作报告',
      '2023年主要工作',
      '一、坚持党的全面领导',
      ...paragraphs.flatMap(paragraph => wrap(paragraph, 24)),
      '对全区医疗保障工作进行视察,对',
      '2024年主要任务',
      '继续加强监督。',
    ].join('\n')
    const report = importText(text).reports[0]!
    expect(paragraphTexts(report)).toEqual([...paragraphs, '对全区医疗保障工作进行视察,对', '继续加强监督。'])
    expect(importOutline(report).title).toBe('××区人民代表大会常务委员会工作报告')
  })

  it('joins a hard-wrapped line that ends inside the sentence on a closing quote or book title', () => {
    const quoted =
      '（二）聚焦深化改革，发展活力持续增强。持续深化“放管服”改革，“一网通办”率达到98%，贯彻《优化营商环境条例》，企业开办时间压缩至0.5个工作日以内。'
    const lines = [
      '2023年主要工作',
      ...paragraphs.flatMap(paragraph => wrap(paragraph, 28)),
      ...wrap(quoted, 28),
      '2024年主要任务',
      '继续加强监督。',
    ]
    expect(lines.filter(line => /[”》]$/.test(line))).toHaveLength(2)
    const report = importText(lines.join('\n'), { kind: 'npc' }).reports[0]!
    expect(paragraphTexts(report)).toEqual([
      ...paragraphs,
      quoted.slice('（二）聚焦深化改革，发展活力持续增强。'.length),
      '继续加强监督。',
    ])
  })

  it('keeps one paragraph per line when a text is not hard-wrapped', () => {
    const text = [
      '2023年主要工作',
      '紧扣中心大局,作出《关于批准区政府提请马寨镇撤镇设街道议案的决定》',
      '等决议决定13项。',
      '2024年主要任务',
      '正文。',
    ].join('\n')
    expect(paragraphTexts(importText(text, { kind: 'npc' }).reports[0]!)).toEqual([
      '紧扣中心大局,作出《关于批准区政府提请马寨镇撤镇设街道议案的决定》',
      '等决议决定13项。',
      '正文。',
    ])
  })

  it('joins a Markdown paragraph written over several lines, and keeps a hard break (two spaces) as a new block', () => {
    const text = [
      '## 2023年主要工作',
      '',
      ...wrap(paragraphs[0]!, 30),
      '',
      '全年召开会议8次。  ',
      '记者 张三',
      '',
      '## 2024年主要任务',
      '',
      '正文。',
    ].join('\n')
    const report = importText(text, { markdown: true, kind: 'npc' }).reports[0]!
    expect(paragraphTexts(report)).toEqual([paragraphs[0], '全年召开会议8次。', '正文。'])
  })

  it('splits a page of two reports that have titles but no newspaper lead', () => {
    const text = [
      '××区人民代表大会常务委员会工作报告',
      '2023年主要工作',
      '一、坚持党的领导',
      '正文一。',
      '2024年主要任务',
      '正文二。',
      '政协××区委员会常务委员会工作报告',
      '2023年工作回顾',
      '一、坚持政治引领',
      '正文三。',
      '2024年工作安排',
      '正文四。',
    ].join('\n')
    const { reports } = importText(text)
    expect(reports.map(report => [report.meta.kind, report.meta.title, report.meta.organisation])).toEqual([
      ['npc', '××区人民代表大会常务委员会工作报告', '××区'],
      ['cppcc', '政协××区委员会常务委员会工作报告', '××区'],
    ])
    expect(paragraphTexts(reports[0]!)).toEqual(['正文一。', '正文二。'])
    expect(importOutline(reports[1]!).parts.map(part => [part.role, part.title, part.sections])).toEqual([
      ['review', '2023年工作回顾', ['坚持政治引领']],
      ['tasks', '2024年工作安排', []],
    ])
  })

  it('reads a 本报讯 lead of a 政府 report: meeting, date, 区长 and name into the front matter', () => {
    const text = [
      '本报讯（记者 王五）1月16日上午，××区第十八届人民代表大会第三次会议开幕，区长赵六向大会作政府工作报告。',
      '报告指出，过去一年全区经济运行稳中向好。',
      '一、2023年工作回顾',
      '正文。',
      '二、2024年工作安排',
      '正文。',
    ].join('\n')
    const report = importText(text).reports[0]!
    expect(report.meta).toMatchObject({
      kind: 'gov',
      planYear: 2024,
      date: '2024-01-16',
      meetingName: '××区第十八届人民代表大会第三次会议',
      speakerOffice: '区长',
      speakerName: '赵六',
      numbering: 'numbered',
    })
    expect(importOutline(report)).toMatchObject({
      title: '政府工作报告',
      subtitle: '——2024年1月16日在××区第十八届人民代表大会第三次会议上',
      speaker: '区长 赵六',
    })
    expect(paragraphTexts(report)[0]).toBe('报告指出，过去一年全区经济运行稳中向好。')
  })

  it('keeps a newspaper headline that already is a report title, and leaves dash items as paragraphs', () => {
    const text = [
      '# 二七区人民代表大会常务委员会工作报告（摘要）',
      '',
      '2月27日上午,在二七区第十七届人民代表大会第三次会议上,区人大常委会主任吕安民受人大常委会委托,向大会作工作报告。',
      '',
      '## 2022年主要工作',
      '',
      '——理论武装持续加强。全年开展集中学习21次。',
      '',
      '——监督实效不断提升。听取专项工作报告10项。',
      '',
      '——代表作用充分发挥。办理代表建议112件。',
      '',
      '## 2023年主要任务',
      '',
      '正文。',
    ].join('\n')
    const report = importText(text, { fileName: 'abstract.md' }).reports[0]!
    expect(report.meta.title).toBe('二七区人民代表大会常务委员会工作报告（摘要）')
    expect(importOutline(report).parts.map(part => part.sections)).toEqual([[], []])
    expect(paragraphTexts(report)[0]).toBe('——理论武装持续加强。全年开展集中学习21次。')
  })

  it('joins a numbered heading wrapped over short lines and takes the plan year from a summary title', () => {
    const text = [
      '××区2024年工作总结和2025年工作计划',
      '一、2024年工作开展情况',
      '（一）聚焦稳增长，',
      '经济发展量质齐升',
      '全年增长6%。',
      '二、存在的问题和不足',
      '正文。',
      '三、下一步工作打算',
      '正文。',
    ].join('\n')
    const report = importText(text).reports[0]!
    expect(report.meta).toMatchObject({ kind: 'summary', planYear: 2025, numbering: 'numbered' })
    expect(headingsOf(report).map(heading => [heading.level, heading.text])).toEqual([
      [1, '2024年工作开展情况'],
      [2, '聚焦稳增长，经济发展量质齐升'],
      [1, '存在的问题和不足'],
      [1, '下一步工作打算'],
    ])
    expect(importOutline(report).parts.map(part => part.role)).toEqual(['review', 'problems', 'tasks'])
    // no year in any part title: the title's 总结 year + 1, or its 计划 year
    expect(importText('××局2024年工作总结\n一、主要工作\n正文。').reports[0]!.meta.planYear).toBe(2025)
    expect(importText('××局2026年工作要点\n一、总体要求\n正文。').reports[0]!.meta.planYear).toBe(2026)
  })

  it('prefers literal numbering to the heading markup when both are there', () => {
    // a document that styled its （一） themes as the top heading style and left its parts as plain bold lines
    const text = [
      '**一、2023年工作回顾**',
      '# （一）经济发展',
      '正文。',
      '# （二）社会事业',
      '正文。',
      '**二、2024年工作安排**',
      '正文。',
    ].join('\n')
    const report = importText(text, { markdown: true, kind: 'gov' }).reports[0]!
    expect(headingsOf(report).map(heading => [heading.level, heading.text])).toEqual([
      [1, '2023年工作回顾'],
      [2, '经济发展'],
      [2, '社会事业'],
      [1, '2024年工作安排'],
    ])
  })
})
