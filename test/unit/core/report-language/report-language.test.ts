import { describe, expect, it } from 'vitest'
import { formatChineseDate, parseChineseDate, parseDateLine } from '../../../../core/report-language/chinese-date'
import { countHan } from '../../../../core/report-language/han'
import { headingLevel } from '../../../../core/report-language/heading-level'
import {
  findMeeting,
  findMeetings,
  meetingSession,
  nextMeetingName,
  organisationFromMeeting,
  termOrdinal,
} from '../../../../core/report-language/meeting'
import { isByline, isPhotoCredit, parseNewspaperLead } from '../../../../core/report-language/newspaper'
import { recognisePartTitle } from '../../../../core/report-language/part-title'
import { decidePlanYear, planYearFromDate } from '../../../../core/report-language/plan-year'
import { isSalutation, salutationFits, splitGluedSalutation } from '../../../../core/report-language/salutation'
import { isPersonName, parseSpeakerLine, readSpeakerLine } from '../../../../core/report-language/speaker'
import { formatSubtitle, parseSubtitle } from '../../../../core/report-language/subtitle'

describe('meetings', () => {
  it.each([
    [
      '二七区第十七届人民代表大会第三次会议',
      { organisation: '二七区', body: 'npc', term: 17, session: 3, short: false },
    ],
    ['政协××市第十四届委员会第四次会议', { organisation: '××市', body: 'cppcc', term: 14, session: 4 }],
    ['中国人民政治协商会议洛川市第十四届委员会常务委员会第九次会议', { body: 'cppcc', standing: true, session: 9 }],
    ['区十六届人大二次会议', { organisation: '', body: 'npc', term: 16, session: 2, short: true }],
    ['县政协十届一次会议', { organisation: '', body: 'cppcc', term: 10, session: 1, short: true }],
    ['河西区第十七届人民代表大会常务委员会第十五次会议', { body: 'npc', standing: true, session: 15 }],
    ['××市第17届人大3次会议', { term: 17, session: 3, arabic: true }],
  ])('%s', (name, expected) => {
    expect(findMeeting(name)).toMatchObject({ name, ...expected })
  })

  it('finds a meeting in running text without the words before it, and moves the session on', () => {
    expect(findMeeting('2月27日上午，在二七区第十七届人民代表大会第三次会议上，……')?.name).toBe(
      '二七区第十七届人民代表大会第三次会议',
    )
    expect(findMeeting('出席省十四届人大二次会议')).toMatchObject({ name: '省十四届人大二次会议', place: '省' })
    expect(findMeetings('十四届全国人大二次会议以来')[0]).toMatchObject({ national: true, index: 0 })
    expect(nextMeetingName('县政协十届九次会议')).toBe('县政协十届十次会议')
    expect(nextMeetingName('政协二七区第十届委员会第二次会议')).toBe('政协二七区第十届委员会第三次会议')
    expect(meetingSession('十七届人大五次会议')).toBe(5)
    expect(organisationFromMeeting('政协二七区第十届委员会第二次会议')).toBe('二七区')
    expect(termOrdinal('政协二七区第10届委员会第二次会议')).toBe('第十届')
    expect(termOrdinal('区人代会')).toBe('第×届')
  })
})

describe('subtitles and dates', () => {
  it('reads every form and writes one back in the form it had', () => {
    const bracketed = parseSubtitle('（2025年1月7日在政协洛川市第十四届委员会第四次会议上）')!
    expect(bracketed).toMatchObject({ date: '2025-01-07', meeting: '政协洛川市第十四届委员会第四次会议' })
    expect(formatSubtitle('2026-01-06', bracketed.meeting, bracketed.form)).toBe(
      '（2026年1月6日在政协洛川市第十四届委员会第四次会议上）',
    )
    const suffixed = parseSubtitle('2024年1月9日在东港区第十七届人民代表大会第四次会议上的报告')!
    expect(formatSubtitle('2025-01-08', suffixed.meeting, suffixed.form)).toBe(
      '2025年1月8日在东港区第十七届人民代表大会第四次会议上的报告',
    )
    expect(formatSubtitle('', '二七区第十七届人民代表大会第三次会议')).toBe(
      '——在二七区第十七届人民代表大会第三次会议上',
    )
    expect(parseSubtitle('在会议上，大家踊跃发言')).toBeUndefined()
    expect(parseSubtitle('（2024年1月16日在全区经济工作会议上')).toBeUndefined()
  })

  it('converts dates both ways and refuses impossible ones', () => {
    expect(parseChineseDate('于2024年1月6日召开')).toBe('2024-01-06')
    expect(parseChineseDate('2024年13月6日')).toBeUndefined()
    expect(formatChineseDate('2024-01')).toBe('2024年1月')
    expect(parseDateLine('（2024年1月16日）')).toBe('2024-01-16')
    expect(parseDateLine('2024年1月16日')).toBeUndefined()
  })
})

describe('speaker lines and salutations', () => {
  it.each([
    ['某某镇人民政府镇长李四', '某某镇人民政府镇长', '李四'],
    ['××区人民政府代区长王五', '××区人民政府代区长', '王五'],
    ['××区人大常委会常务副主任  陈光明', '××区人大常委会常务副主任', '陈光明'],
    ['政协××县委员会主席 买买提·艾力', '政协××县委员会主席', '买买提·艾力'],
  ])('%s', (text, office, name) => {
    expect(parseSpeakerLine(text, { allowNameOnly: false })).toEqual({ office, name })
  })

  it('takes a bare name only where a name may stand, and never a title or an office', () => {
    expect(parseSpeakerLine('王立新', { allowNameOnly: true })).toEqual({ office: '', name: '王立新' })
    expect(parseSpeakerLine('王立新', { allowNameOnly: false })).toBeUndefined()
    for (const text of ['工作报告', '区委书记', '政府工作', '坚持党的领导'])
      expect(isPersonName(text), text).toBe(false)
    expect(readSpeakerLine('××区人大常委会主任')).toEqual({ office: '××区人大常委会主任', name: '' })
  })

  it('knows the salutations and which kind each fits', () => {
    for (const text of ['各位代表：', '各位委员、同志们：', '各位代表，同志们：', '各位常委会组成人员：', '各位代表:'])
      expect(isSalutation(text), text).toBe(true)
    expect(salutationFits('各位代表，同志们：', 'npc')).toBe(true)
    expect(salutationFits('各位常委会组成人员：', 'npc')).toBe(true)
    expect(salutationFits('各位委员：', 'npc')).toBe(false)
    expect(salutationFits('各位委员、同志们：', 'cppcc')).toBe(true)
    expect(splitGluedSalutation('杨  智各位委员：')).toEqual({ before: '杨  智', salutation: '各位委员：' })
  })
})

describe('newspaper pages', () => {
  it('reads leads of each kind and tells bylines and photo credits', () => {
    expect(
      parseNewspaperLead(
        '1月8日上午，兴隆县第十八届人民代表大会第四次会议开幕，县政协委员列席会议。县长郭志强代表县人民政府作政府工作报告。',
      ),
    ).toMatchObject({ monthDay: '01-08', kind: 'gov', office: '县长', name: '郭志强' })
    expect(
      parseNewspaperLead(
        '本报讯（记者 张华）2023年12月26日上午，政协东湖区第十届委员会第三次会议开幕，区政协主席赵立平作工作报告。',
      ),
    ).toMatchObject({ year: 2023, monthDay: '12-26', kind: 'cppcc' })
    for (const text of ['记者 景静', '（记者 景静）', '本报记者 张三 通讯员 李四'])
      expect(isByline(text), text).toBe(true)
    for (const text of ['邵阳 摄', '记者 张三 摄']) expect(isPhotoCredit(text), text).toBe(true)
    expect(isByline('记者节活动丰富多彩')).toBe(false)
  })
})

describe('part titles, plan year, 汉字 and heading levels', () => {
  it('recognises creative and term titles', () => {
    expect(recognisePartTitle('回望2024：砥砺奋进谱新篇')).toEqual({ role: 'review', year: 2024 })
    expect(recognisePartTitle('展望2025：凝心聚力开新局')).toEqual({ role: 'tasks', year: 2025 })
    expect(recognisePartTitle('2021年及本届政府工作回顾')).toEqual({ role: 'review', year: 2021 })
    expect(recognisePartTitle('■ 政府自身建设')).toBeUndefined()
  })

  it('decides the plan year from what the text says, in order', () => {
    expect(planYearFromDate('2023-12-27')).toBe(2024)
    expect(planYearFromDate('2024-01-16')).toBe(2024)
    expect(decidePlanYear({ date: '2023-12-27' })).toEqual({ year: 2024, source: 'date' })
    expect(decidePlanYear({ parts: [{ title: '2022年主要工作' }], date: '2024-01-16' })).toEqual({
      year: 2023,
      source: 'titles',
    })
    expect(decidePlanYear({ frontTexts: ['报告回顾了2023年的工作'], date: '2023-03-01' })).toEqual({
      year: 2024,
      source: 'text',
    })
    expect(decidePlanYear({ title: '西城区2025年政府工作报告', date: '2024-03-01' })).toEqual({
      year: 2025,
      source: 'title',
    })
    expect(decidePlanYear({ bodyTexts: ['到2035年基本实现现代化。2024年，县政府将着力扩大内需。'] })).toEqual({
      year: 2024,
      source: 'content',
    })
    expect(decidePlanYear({ bodyTexts: ['报告指出，过去一年成绩显著。'] })).toBeUndefined()
  })

  it('counts 〇 as a 汉字 and reads any heading level into 1–4', () => {
    expect(countHan('二〇二四年，GDP增长5%')).toBe(7)
    expect(countHan('𠮷野家')).toBe(3)
    expect([{ attrs: { level: 3 } }, { attrs: { level: 9 } }, {}, { attrs: { level: 'x' } }].map(headingLevel)).toEqual(
      [3, 4, 1, 1],
    )
  })
})
