import { promises as fs, readFileSync } from 'node:fs'
import path from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { runChecks } from '../../../core/checks/run-checks'
import { importText } from '../../../core/import/import-text'
import { serializeReportFile } from '../../../core/report-file'
import { PLACES_PER_RULE } from '../../../main/cli/format-rule-groups'
import { runWrs } from '../../helpers/run-wrs'
import { tempDirs } from '../../helpers/temp-dirs'
import { seedSamplePath } from '../../fixtures/seed-sample-path'

const seed = readFileSync(seedSamplePath, 'utf8')
const npc = importText(seed, { markdown: true }).reports.find(report => report.meta.kind === 'npc')!
const halfwidth = runChecks(npc).filter(finding => finding.rule === 'PUN-HALFWIDTH').length
let dir: string
const newDir = tempDirs('wrs-by-rule-')
const wrs = (...argv: string[]) => runWrs(argv, dir)

/** The lines of one rule's block: its header and the indented lines under it. */
function ruleBlock(text: string, header: string): string[] {
  const lines = text.split('\n')
  const start = lines.findIndex(line => line.startsWith(header))
  if (start < 0) return []
  const end = lines.findIndex((line, index) => index > start && !line.startsWith('    '))
  return lines.slice(start, end < 0 ? undefined : end)
}

beforeEach(async () => {
  dir = newDir()
  await fs.writeFile(path.join(dir, '人大报告.wrs'), serializeReportFile(npc))
})

describe('many findings of one rule on the command line (the seed 人大 report)', () => {
  it('wrs check prints each rule once with title, id, count and the fix command, then 5 places and ……另有 N 处', async () => {
    expect(halfwidth).toBe(47)
    const result = await wrs('check', '人大报告.wrs')
    expect(result.code).toBe(1)
    const block = ruleBlock(result.out, '  半角标点（PUN-HALFWIDTH）')
    expect(block[0]).toBe('  半角标点（PUN-HALFWIDTH）47 处 — 可运行 wrs check 人大报告.wrs --fix 自动改正')
    expect(block.slice(1, -1)).toHaveLength(PLACES_PER_RULE)
    for (const line of block.slice(1, -1)) expect(line).toMatch(/^    “.+” 第\d+段：中文里用了半角/)
    expect(block.at(-1)).toBe(`    ……另有 ${47 - PLACES_PER_RULE} 处`)
    expect(result.out.split('\n').filter(line => line.includes('中文里用了半角'))).toHaveLength(PLACES_PER_RULE)
    // A rule without safe fixes gets no fix command; four places are all listed.
    expect(ruleBlock(result.out, '  段落不完整（TXT-TRUNC）')).toHaveLength(5)
    expect(ruleBlock(result.out, '  段落不完整（TXT-TRUNC）')[0]).toBe('  段落不完整（TXT-TRUNC）4 处')
  })

  it('wrs check --json still lists every finding', async () => {
    const result = await wrs('check', '人大报告.wrs', '--json')
    const json = JSON.parse(result.out) as {
      findings: Array<{ rule: string; severity: string; message: string; location: unknown }>
    }
    expect(json.findings.filter(finding => finding.rule === 'PUN-HALFWIDTH')).toHaveLength(47)
    expect(Object.keys(json.findings[0]!)).toEqual(['rule', 'severity', 'message', 'location'])
  })

  it('wrs export (final) refuses with the blocking errors grouped the same way, writing nothing', async () => {
    const result = await wrs('export', '人大报告.wrs', '--docx', '人大报告.docx')
    expect(result.code).toBe(1)
    expect(result.err).toContain('未导出：正式稿要求检查没有错误，目前有 51 个错误需要先改正：\n')
    const block = ruleBlock(result.err, '  半角标点（PUN-HALFWIDTH）')
    expect(block[0]).toBe('  半角标点（PUN-HALFWIDTH）47 处 — 可运行 wrs check 人大报告.wrs --fix 自动改正')
    expect(block).toHaveLength(PLACES_PER_RULE + 2)
    expect(block.at(-1)).toBe(`    ……另有 ${47 - PLACES_PER_RULE} 处`)
    expect(result.err).toContain('没有写入任何文件')
    await expect(fs.access(path.join(dir, '人大报告.docx'))).rejects.toThrow()
  })
})
