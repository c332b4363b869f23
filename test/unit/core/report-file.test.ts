import { describe, expect, it } from 'vitest'
import { parseReportFile, REPORT_FORMAT, serializeReportFile } from '../../../core/report-file'

const minimal = {
  format: REPORT_FORMAT,
  version: 1,
  meta: { templateId: 'npc', kind: 'npc', planYear: 2024 },
  doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '各位代表：' }] }] },
}

describe('report file', () => {
  it('round-trips through serialise and parse with defaults filled', () => {
    const first = parseReportFile(JSON.stringify(minimal))
    expect(first.ok).toBe(true)
    if (!first.ok) return
    expect(first.value.meta.status).toBe('draft')
    expect(first.value.layout.linePitchPt).toBe(28.95)
    const second = parseReportFile(serializeReportFile(first.value))
    expect(second).toEqual(first)
  })

  it('reads every kind of review item with its defaults, and refuses a broken one naming where it is', () => {
    const review = {
      comments: [
        {
          id: 'c1',
          author: '张',
          date: '',
          text: '请核实',
          replies: [{ id: 'c2', author: '李', date: '', text: '已核' }],
        },
      ],
      decided: [{ id: 's1', kind: 'insertion', author: '张', date: '', text: '全面', status: 'accepted' }],
      unanchored: [{ id: 'u1', kind: 'comment', author: '王', date: '', text: '原文已改' }],
      dispositions: { c1: { disposition: '采纳' } },
      round: {
        sends: [{ id: 'r1', file: '报告（征求意见稿）.docx', at: '2024-01-02', version: 'v1' }],
        returns: [{ file: '回复.docx', from: '财经委', at: '2024-01-03' }],
      },
      sentVersions: [{ id: 'v1', at: '2024-01-02', doc: minimal.doc }],
    }
    const read = parseReportFile(JSON.stringify({ ...minimal, version: 2, review }))
    expect(read.ok).toBe(true)
    if (!read.ok) return
    expect(read.value.review.comments[0]).toMatchObject({ resolved: false, source: null, quote: '' })
    expect(read.value.review.comments[0]!.replies[0]!.text).toBe('已核')
    expect(read.value.review.decided[0]).toMatchObject({ part: '', decidedAt: '', status: 'accepted' })
    expect(read.value.review.unanchored[0]).toMatchObject({ reason: '', replies: [], settled: false })
    expect(read.value.review.dispositions['c1']).toEqual({ disposition: '采纳', note: '' })
    expect(read.value.review.round.sends[0]).toMatchObject({ to: '', markup: false })
    expect(read.value.review.round.returns[0]).toMatchObject({ attributedTo: '', sendId: null, comments: 0 })
    expect(read.value.review.sentVersions[0]!.doc).toEqual(minimal.doc)

    const broken = { ...review, decided: [{ ...review.decided[0], status: '待定' }] }
    const refused = parseReportFile(JSON.stringify({ ...minimal, version: 2, review: broken }))
    expect(refused.ok).toBe(false)
    if (refused.ok) return
    expect(refused.code).toBe('invalid-structure')
    expect(refused.message).toContain('review.decided.0.status')
  })

  it('refuses a newer version with a zh-CN message naming both versions', () => {
    const result = parseReportFile(JSON.stringify({ ...minimal, version: 7 }))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.code).toBe('newer-version')
    expect(result.message).toContain('第 7 版')
    expect(result.message).toContain('升级')
  })

  it.each([
    ['invalid-json', '{"format": "work-report-studio", '],
    ['wrong-format', JSON.stringify({ format: 'something-else', version: 1 })],
    ['binary', 'PK\u0003\u0004\u0000\u0000binary'],
    ['invalid-structure', JSON.stringify({ ...minimal, meta: { kind: 'npc' } })],
  ])('refuses %s', (code, text) => {
    const result = parseReportFile(text)
    expect(result).toMatchObject({ ok: false, code })
    if (!result.ok) expect(result.message).toMatch(/[\u4e00-\u9fff]/)
  })
})
