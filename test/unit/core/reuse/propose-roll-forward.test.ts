import { describe, expect, it } from 'vitest'
import { paragraph } from '../../../../core/document-model'
import { reportFileSchema } from '../../../../core/report-file'
import { nextMeetingName } from '../../../../core/report-language/meeting'
import { findMeetingName, proposeRollForward } from '../../../../core/reuse/propose-roll-forward'

describe('meeting session proposal', () => {
  it('moves the session on by one in full and short forms', () => {
    expect(nextMeetingName('二七区第十七届人民代表大会第三次会议')).toBe('二七区第十七届人民代表大会第四次会议')
    expect(nextMeetingName('十七届人大三次会议')).toBe('十七届人大四次会议')
    expect(nextMeetingName('政协二七区第十届委员会第二次会议')).toBe('政协二七区第十届委员会第三次会议')
    expect(nextMeetingName('县政协十届九次会议')).toBe('县政协十届十次会议')
    expect(nextMeetingName('区人代会')).toBeUndefined()
  })

  it('finds the meeting in a newspaper lead', () => {
    expect(
      findMeetingName('2月27日上午,在二七区第十七届人民代表大会第三次会议上,区人大常委会主任吕安民受人大常委会委托'),
    ).toBe('二七区第十七届人民代表大会第三次会议')
    expect(findMeetingName('2月26日上午,政协二七区第十届委员会第二次会议开幕')).toBe('政协二七区第十届委员会第二次会议')
  })

  it('proposes plan year, session and date from a report', () => {
    const report = reportFileSchema.parse({
      format: 'work-report-studio',
      version: 1,
      meta: { templateId: 'npc', kind: 'npc', planYear: 2023 },
      doc: {
        type: 'doc',
        content: [
          paragraph(
            '2月27日上午,在二七区第十七届人民代表大会第三次会议上,区人大常委会主任吕安民受人大常委会委托,向大会作工作报告。',
          ),
          { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: '2022年主要工作' }] },
        ],
      },
    })
    const proposals = proposeRollForward(report)
    expect(proposals.planYear).toEqual({ from: 2023, to: 2024 })
    expect(proposals.meetingName).toEqual({
      from: '二七区第十七届人民代表大会第三次会议',
      to: '二七区第十七届人民代表大会第四次会议',
    })
    expect(proposals.date).toEqual({ from: '2023-02-27', to: '2024-02-27' })
    expect(proposals.notes).toEqual([])
    const bare = reportFileSchema.parse({
      ...report,
      meta: { ...report.meta, date: '2024-02-29', meetingName: '十七届人大五次会议' },
      doc: { type: 'doc', content: [] },
    })
    const next = proposeRollForward(bare)
    expect(next.date?.to).toBe('2025-02-28')
    expect(next.meetingName?.to).toBe('十七届人大六次会议')
    expect(next.notes[0]).toContain('换届')
  })
})
