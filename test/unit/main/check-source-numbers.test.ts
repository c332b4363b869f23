import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { numberingGapSource } from '../../fixtures/numbering-gap-source'
import { runWrs } from '../../helpers/run-wrs'
import { tempDirs } from '../../helpers/temp-dirs'

const tempDir = tempDirs('wrs-source-numbers-')

/** Issue 10: a source with a numbering gap — notice at import, finding in `wrs check --json`, confirmed by name. */
const source = numberingGapSource(['今年常委会将继续依法履职，为全区高质量发展作出积极贡献。'])

interface CheckJson {
  findings: Array<{ rule: string; severity: string; message: string; location: { path: number[]; section?: string } }>
}

describe('a numbering gap from import to wrs check', () => {
  it('is named at import, shown by wrs check --json, and confirmed only by --fix --rule TXT-SEQ-CONT', async () => {
    const folder = tempDir()
    writeFileSync(path.join(folder, '报告.md'), source)
    const imported = await runWrs(['import', '报告.md', '-o', '报告.wrs'], folder)
    expect(imported.code).toBe(0)
    expect(imported.out).toContain('导入了 1 份报告')
    expect(imported.out).toContain('原文的标题编号有误：“（四）加强代表工作”前缺少“（三）”')

    const checked = await runWrs(['check', '报告.wrs', '--json'], folder)
    expect(checked.code).toBe(1)
    const findings = (JSON.parse(checked.out) as CheckJson).findings.filter(finding => finding.rule === 'TXT-SEQ-CONT')
    expect(findings).toEqual([
      {
        rule: 'TXT-SEQ-CONT',
        severity: 'error',
        message: expect.stringContaining('“（四）加强代表工作”前缺少“（三）”，现按顺序编为“（三）”'),
        location: expect.objectContaining({ path: [expect.any(Number)], section: '加强代表工作' }),
      },
    ])

    const human = await runWrs(['check', '报告.wrs'], folder)
    expect(human.out).toContain('序号不连续（TXT-SEQ-CONT）1 处 — 其中 1 处核对无误后可运行')
    expect(human.out).toContain('--fix --rule TXT-SEQ-CONT 确认')

    // a plain --fix never confirms a number
    await runWrs(['check', '报告.wrs', '--fix'], folder)
    const still = JSON.parse((await runWrs(['check', '报告.wrs', '--json'], folder)).out) as CheckJson
    expect(still.findings.some(finding => finding.rule === 'TXT-SEQ-CONT')).toBe(true)

    const confirmed = await runWrs(['check', '报告.wrs', '--fix', '--rule', 'TXT-SEQ-CONT'], folder)
    expect(confirmed.out).toContain('已确认规则 TXT-SEQ-CONT 的 1 处')
    const after = JSON.parse((await runWrs(['check', '报告.wrs', '--json'], folder)).out) as CheckJson
    expect(after.findings.filter(finding => finding.rule === 'TXT-SEQ-CONT')).toEqual([])
  })
})
