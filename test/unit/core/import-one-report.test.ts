import { describe, expect, it } from 'vitest'
import { importText } from '../../../core/import/import-text'
import { importOutline } from './import-outline'

/** Issue 10: a page is split only on evidence of a second report; a single report in any form imports as one. */

const npcBody = [
  '我受区人民代表大会常务委员会委托，向大会报告工作，请予审议。',
  '',
  '## 一、2023年主要工作',
  '',
  '2023年，在区委的坚强领导下，常委会依法履职，全年召开常委会会议11次。',
  '',
  '## 二、2024年主要任务',
  '',
  '今年常委会工作的总体要求是：坚持党的领导、人民当家作主、依法治国有机统一。',
]

describe('one report means one report', () => {
  // the forms of the occasion subtitle spec report-structure §1 lists: whether or not the front matter reader
  // recognises one, the report it opens is one report
  const subtitles = [
    '——2024年1月16日在二七区第十七届人民代表大会第三次会议上',
    '—2024年1月16日在二七区第十七届人民代表大会第三次会议上',
    '2024年1月16日在二七区第十七届人民代表大会第三次会议上',
    '（2024年1月16日在二七区第十七届人民代表大会第三次会议上）',
    '——在二七区第十七届人民代表大会第三次会议上的报告',
    '在二七区第十七届人民代表大会第三次会议开幕式上的工作报告（2024年1月16日）',
  ]
  for (const subtitle of subtitles) {
    it(`a Markdown report: # title, “${subtitle}”, speaker, salutation, ## parts`, () => {
      const text = [
        '# 二七区人民代表大会常务委员会工作报告',
        '',
        subtitle,
        '',
        '二七区人大常委会主任 张三',
        '',
        '各位代表：',
        '',
        ...npcBody,
      ].join('\n')
      const { reports } = importText(text, { fileName: '报告.md' })
      expect(reports).toHaveLength(1)
      expect(reports[0]!.meta.title).toBe('二七区人民代表大会常务委员会工作报告')
      expect(importOutline(reports[0]!).parts.map(part => part.role)).toEqual(['review', 'tasks'])
    })
  }

  it('a speaker line with the name alone (王立新) followed by the salutation does not start a second report', () => {
    const text = [
      '政协二七区委员会常务委员会工作报告',
      '——2024年1月15日在政协二七区第十届委员会第三次会议上',
      '王立新',
      '各位委员：',
      '我代表政协二七区第十届委员会常务委员会，向大会报告工作，请予审议。',
      '一、2023年工作回顾',
      '过去一年，政协工作取得新成效。',
      '二、2024年工作安排',
      '今年工作总体要求是团结奋斗。',
    ].join('\n')
    const { reports, notes } = importText(text)
    expect(reports).toHaveLength(1)
    expect(reports[0]!.meta.title).toBe('政协二七区委员会常务委员会工作报告')
    expect(notes.join('')).not.toContain('份报告')
  })

  it('a title set as two # lines before the subtitle is one title of one report', () => {
    const text = [
      '# 中国人民政治协商会议二七区第十届委员会',
      '',
      '# 常务委员会工作报告',
      '',
      '——2024年1月15日在政协二七区第十届委员会第三次会议上',
      '',
      '政协二七区委员会主席 王立新',
      '',
      '各位委员：',
      '',
      '## 一、2023年工作回顾',
      '',
      '过去一年，政协工作取得新成效。',
      '',
      '## 二、2024年工作安排',
      '',
      '今年工作总体要求是团结奋斗。',
    ].join('\n')
    const { reports } = importText(text, { fileName: '政协报告.md' })
    expect(reports).toHaveLength(1)
    expect(reports[0]!.meta).toMatchObject({
      kind: 'cppcc',
      title: '中国人民政治协商会议二七区第十届委员会常务委员会工作报告',
      speakerName: '王立新',
    })
    expect(importOutline(reports[0]!).title).toBe('中国人民政治协商会议二七区第十届委员会\n常务委员会工作报告')
  })

  it('still splits a page at a second title with its own front matter', () => {
    const report = (title: string, meeting: string, speaker: string, salutation: string): string[] => [
      title,
      `——2024年1月16日在${meeting}上`,
      speaker,
      salutation,
      '一、2023年工作回顾',
      '过去一年，各项工作取得新成效。',
      '二、2024年工作安排',
      '今年工作总体要求是团结奋斗。',
    ]
    const text = [
      ...report(
        '二七区人民代表大会常务委员会工作报告',
        '二七区第十七届人民代表大会第三次会议',
        '二七区人大常委会主任 张三',
        '各位代表：',
      ),
      ...report(
        '政协二七区委员会常务委员会工作报告',
        '政协二七区第十届委员会第三次会议',
        '政协二七区委员会主席 李四',
        '各位委员：',
      ),
    ].join('\n')
    const { reports } = importText(text)
    expect(reports.map(each => [each.meta.kind, each.meta.speakerName])).toEqual([
      ['npc', '张三'],
      ['cppcc', '李四'],
    ])
  })
})
