import { describe, expect, it } from 'vitest'
import { defaultReportName } from '../../../core/report-file-name'

describe('the default name a report is saved and exported under', () => {
  it('carries the plan year, so each year’s report gets its own name', () => {
    expect(defaultReportName({ title: '工作报告', planYear: 2025 })).toBe('2025年工作报告')
    expect(defaultReportName({ title: '××区人大常委会工作报告', planYear: 2025 })).toBe('2025年××区人大常委会工作报告')
  })

  it('takes the plan year instead of last year’s in a rolled-forward title', () => {
    expect(defaultReportName({ title: '2024年工作报告', planYear: 2025 })).toBe('2025年工作报告')
    expect(defaultReportName({ title: '2025年工作报告', planYear: 2025 })).toBe('2025年工作报告')
  })

  it('keeps a title that names the plan year elsewhere, and names an untitled report 工作报告', () => {
    expect(defaultReportName({ title: '关于2025年工作安排的报告', planYear: 2025 })).toBe('关于2025年工作安排的报告')
    expect(defaultReportName({ title: '  ', planYear: 2025 })).toBe('2025年工作报告')
    expect(defaultReportName({ title: 'a/b', planYear: 2025 })).toBe('2025年ab')
  })
})
