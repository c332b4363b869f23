import { describe, expect, it } from 'vitest'
import { getBuiltinTemplate } from '../../../core/templates/builtin-templates'
import { createReport } from '../../../core/templates/create-report'
import { nodeText } from '../../../core/document-model'
import {
  defaultPlanYear,
  newReportOptions,
  templateSuggestions,
  validateNewReport,
} from '../../../renderer/app/new-report-form'

describe('new-report form defaults', () => {
  it('plans for next year in November and December, for this year otherwise', () => {
    expect(defaultPlanYear(new Date(2026, 10, 1))).toBe(2027)
    expect(defaultPlanYear(new Date(2026, 11, 31))).toBe(2027)
    expect(defaultPlanYear(new Date(2026, 9, 31))).toBe(2026)
    expect(defaultPlanYear(new Date(2027, 0, 5))).toBe(2027)
  })

  it('fills meeting name, speaker office and title from the template, with the organisation once typed', () => {
    const npc = getBuiltinTemplate('npc')!
    expect(templateSuggestions(npc, { planYear: 2027, organisation: '' })).toEqual({
      meetingName: '××区第×届人民代表大会第×次会议',
      speakerOffice: '××区人大常委会主任',
      title: '××区人民代表大会常务委员会工作报告',
    })
    expect(templateSuggestions(npc, { planYear: 2027, organisation: ' 二七区 ' })).toEqual({
      meetingName: '二七区第×届人民代表大会第×次会议',
      speakerOffice: '二七区人大常委会主任',
      title: '二七区人民代表大会常务委员会工作报告',
    })
    expect(
      templateSuggestions(getBuiltinTemplate('gov')!, { planYear: 2027, organisation: '安阳县' }).speakerOffice,
    ).toBe('安阳县人民政府县长')
    expect(templateSuggestions(getBuiltinTemplate('cppcc')!, { planYear: 2027, organisation: '二七区' }).title).toBe(
      '中国人民政治协商会议二七区第×届委员会常务委员会工作报告',
    )
    expect(templateSuggestions(getBuiltinTemplate('summary')!, { planYear: 2027, organisation: '区财政局' })).toEqual({
      meetingName: '',
      speakerOffice: '',
      title: '区财政局2026年工作总结和2027年工作计划',
    })
  })

  it('sends typed values where the user typed and the template suggestions elsewhere; the report gets them', () => {
    const npc = getBuiltinTemplate('npc')!
    const suggestions = templateSuggestions(npc, { planYear: 2027, organisation: '二七区' })
    const form = {
      templateId: 'npc',
      yearText: ' 2027 ',
      organisation: '二七区',
      meetingName: '二七区第十七届人民代表大会第五次会议',
      date: '',
      speakerOffice: '',
      speakerName: '吕安民',
      termEnd: false,
    }
    const options = newReportOptions(form, new Set(['meetingName']), suggestions)
    expect(options).toMatchObject({
      planYear: 2027,
      meetingName: '二七区第十七届人民代表大会第五次会议',
      speakerOffice: '二七区人大常委会主任',
    })
    const report = createReport(npc, options)
    expect(nodeText(report.doc.content![2]!)).toBe('二七区人大常委会主任 吕安民')
    expect(nodeText(report.doc.content![1]!)).toContain('在二七区第十七届人民代表大会第五次会议上')
  })

  it('names what keeps the form from being sent', () => {
    expect(validateNewReport({ templateId: 'npc', yearText: '2027' })).toEqual({})
    expect(validateNewReport({ templateId: '', yearText: '2027' })).toEqual({ templateId: 'templateRequired' })
    for (const yearText of ['', '27', '1900', '2201', '二〇二七', '2027年'])
      expect(validateNewReport({ templateId: 'npc', yearText }), yearText).toEqual({ planYear: 'yearRange' })
  })
})
