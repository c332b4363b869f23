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
