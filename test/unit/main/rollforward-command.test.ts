import { readFileSync, writeFileSync, existsSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { NodeType, nodeText } from '../../../core/document-model'
import { importText } from '../../../core/import/import-text'
import { parseReportFile, serializeReportFile } from '../../../core/report-file'
import { runWrs } from '../../helpers/run-wrs'
import { tempDirs } from '../../helpers/temp-dirs'
import { seedSamplePath } from '../../fixtures/seed-sample-path'

const tempDir = tempDirs('wrs-rollforward-')

function workspace(): { dir: string; last: string } {
  const dir = tempDir()
  const seed = readFileSync(seedSamplePath, 'utf8')
  const npc = importText(seed, { markdown: true }).reports.find(report => report.meta.kind === 'npc')!
  const last = path.join(dir, '2023年报告.wrs')
  writeFileSync(last, serializeReportFile(npc))
  return { dir, last }
}

const run = runWrs

describe('wrs rollforward', () => {
  it("writes next year's report and prints the proposals it applied", async () => {
    const { dir, last } = workspace()
    const before = readFileSync(last, 'utf8')
    const result = await run(['rollforward', '2023年报告.wrs', '-o', '2024年报告.wrs'], dir)
    expect(result.err).toBe('')
    expect(result.code).toBe(0)
    expect(result.out).toContain('计划年度：2023 → 2024（建议值）')
    expect(result.out).toContain(
      '会议名称：二七区第十七届人民代表大会第三次会议 → 二七区第十七届人民代表大会第四次会议（建议值，已标为待核对，请确认）',
    )
    expect(result.out).toContain('会议日期：2023年2月27日 → 2024年2月27日')
    expect(result.out).toContain('“2023年主要工作”已按去年承诺的 4 项任务列出待写小节')
    expect(result.out).toContain('· 以更实举措提升履职实效')
    expect(readFileSync(last, 'utf8')).toBe(before)
    const written = parseReportFile(readFileSync(path.join(dir, '2024年报告.wrs'), 'utf8'))
    if (!written.ok) throw new Error(written.message)
    expect(written.value.meta.planYear).toBe(2024)
    expect(written.value.provenance[0]).toMatchObject({ sourceFile: last, sourceYear: 2023, kind: 'rollforward' })

    const check = await run(['check', '2024年报告.wrs'], dir)
    expect(check.code).toBe(1)
    expect(check.out + check.err).toContain('STR-PLACEHOLDER')
  })

  it('takes confirmed values from the options', async () => {
    const { dir } = workspace()
    const result = await run(
      [
        'rollforward',
        '2023年报告.wrs',
        '-o',
        'next.wrs',
        '--year',
        '2024',
        '--meeting',
        '二七区第十七届人民代表大会第四次会议',
        '--date',
        '2024年1月16日',
      ],
      dir,
    )
    expect(result.code).toBe(0)
    expect(result.out).toContain('（按参数）')
    const written = parseReportFile(readFileSync(path.join(dir, 'next.wrs'), 'utf8'))
    if (!written.ok) throw new Error(written.message)
    const subtitle = written.value.doc.content!.find(node => node.type === NodeType.reportSubtitle)!
    expect(nodeText(subtitle)).toBe('——2024年1月16日在二七区第十七届人民代表大会第四次会议上')
    expect(JSON.stringify(subtitle)).not.toContain('needsReview')
  })

  it('refuses bad input with a zh-CN message and writes nothing', async () => {
    const { dir } = workspace()
    const missingOutput = await run(['rollforward', '2023年报告.wrs'], dir)
    expect(missingOutput.code).toBe(2)
    expect(missingOutput.err).toContain('缺少输出文件')
    const same = await run(['rollforward', '2023年报告.wrs', '-o', '2023年报告.wrs'], dir)
    expect(same.code).toBe(2)
    expect(same.err).toContain('去年的报告不会被改动')
    const badYear = await run(['rollforward', '2023年报告.wrs', '-o', 'x.wrs', '--year', '24'], dir)
    expect(badYear.err).toContain('四位数的计划年度')
    writeFileSync(path.join(dir, 'junk.wrs'), '{ not json')
    const junk = await run(['rollforward', 'junk.wrs', '-o', 'y.wrs'], dir)
    expect(junk.code).toBe(2)
    expect(junk.err).toContain('文件已损坏')
    expect(existsSync(path.join(dir, 'x.wrs')) || existsSync(path.join(dir, 'y.wrs'))).toBe(false)
    writeFileSync(path.join(dir, 'taken.wrs'), 'keep me')
    const taken = await run(['rollforward', '2023年报告.wrs', '-o', 'taken.wrs'], dir)
    expect(taken.code).toBe(2)
    expect(taken.err).toContain('已经存在')
    expect(readFileSync(path.join(dir, 'taken.wrs'), 'utf8')).toBe('keep me')
  })
})
