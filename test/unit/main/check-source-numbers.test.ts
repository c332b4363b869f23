import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runWrs } from '../../helpers/run-wrs'
import { tempDirs } from '../../helpers/temp-dirs'

const tempDir = tempDirs('wrs-source-numbers-')

/** Issue 10: a source with a numbering gap — notice at import, finding in `wrs check --json`, confirmed by name. */
const source = [
  '# 二七区人民代表大会常务委员会工作报告',
  '',
  '——2024年1月16日在二七区第十七届人民代表大会第三次会议上',
  '',
  '二七区人大常委会主任 张三',
  '',
  '各位代表：',
  '',
  '我受区人民代表大会常务委员会委托，向大会报告工作，请予审议。',
  '',
  '## 一、2023年主要工作',
  '',
  '2023年，在区委的坚强领导下，常委会依法履职，全年召开常委会会议11次。',
  '',
  '### （一）坚持党的全面领导',
  '',
  '全年开展党组理论学习21次。',
  '',
  '### （二）依法履行监督职责',
  '',
  '听取审议专项工作报告10项。',
  '',
  '### （四）加强代表工作',
  '',
  '代表建议全部办结。',
  '',
  '## 二、2024年主要任务',
  '',
  '今年常委会将继续依法履职，为全区高质量发展作出积极贡献。',
].join('\n')

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
