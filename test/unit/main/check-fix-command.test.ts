import { promises as fs, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { NodeType, nodeText, paragraph } from '../../../core/document-model'
import { importText } from '../../../core/import/import-text'
import { parseReportFile, reportFileSchema, serializeReportFile, type ReportFile } from '../../../core/report-file'
import { runWrs } from '../../helpers/run-wrs'
import { tempDirs } from '../../helpers/temp-dirs'
import { seedSamplePath } from '../../fixtures/seed-sample-path'

let dir: string
const newDir = tempDirs('wrs-fix-')
const wrs = (...argv: string[]) => runWrs(argv, dir)

async function read(file: string): Promise<ReportFile> {
  const parsed = parseReportFile(await fs.readFile(path.join(dir, file), 'utf8'))
  if (!parsed.ok) throw new Error(parsed.message)
  return parsed.value
}

const texts = (report: ReportFile) => (report.doc.content ?? []).map(node => nodeText(node))

beforeEach(async () => {
  dir = newDir()
  const report = reportFileSchema.parse({
    format: 'work-report-studio',
    version: 1,
    meta: { templateId: 'npc', kind: 'npc', planYear: 2024 },
    doc: {
      type: NodeType.doc,
      content: [
        paragraph('全年召开常委会会议8次,听取专项工作报告10项.'),
        paragraph('２０２３年01月05日,做到"两个维护"...'),
        paragraph('对全区医疗保障工作进行视察,对'),
      ],
    },
  })
  await fs.writeFile(path.join(dir, 'report.wrs'), serializeReportFile(report))
})
describe('wrs check --fix', () => {
  it('applies only the chosen rule with --rule, saves the file and says how many fixes it made', async () => {
    const result = await wrs('check', 'report.wrs', '--fix', '--rule', 'PUN-HALFWIDTH')
    expect(result.out).toContain('已自动修正规则 PUN-HALFWIDTH 的 4 处问题')
    expect(texts(await read('report.wrs'))).toEqual([
      '全年召开常委会会议8次，听取专项工作报告10项。',
      '２０２３年01月05日，做到"两个维护"...',
      '对全区医疗保障工作进行视察，对',
    ])
    expect(result.out).toContain('段落不完整（TXT-TRUNC）1 处')
    expect(result.code).toBe(1)
  })

  it('applies every safe fix without --rule, leaving what needs a person (the cut paragraph)', async () => {
    const result = await wrs('check', 'report.wrs', '--fix')
    expect(result.out).toMatch(/已自动修正 \d+ 处问题/)
    expect(texts(await read('report.wrs'))).toEqual([
      '全年召开常委会会议8次，听取专项工作报告10项。',
      '2023年1月5日，做到“两个维护”……',
      '对全区医疗保障工作进行视察，对',
    ])
    const again = await wrs('check', 'report.wrs', '--fix')
    expect(again.out).toContain('没有可自动修正的问题，文件未改动')
    expect(again.out).toContain('段落不完整（TXT-TRUNC）1 处')
  })

  it('fixes the imported seed page: every half-width mark becomes full-width, the column-cut paragraphs stay flagged', async () => {
    const seed = readFileSync(seedSamplePath, 'utf8')
    const [npc] = importText(seed, { fileName: 'seed.md' }).reports
    await fs.writeFile(path.join(dir, 'seed.wrs'), serializeReportFile(npc!))
    const result = await wrs('check', 'seed.wrs', '--fix', '--json')
    expect(result.err).toMatch(/已自动修正 \d+ 处问题/)
    const json = JSON.parse(result.out) as { findings: Array<{ rule: string }> }
    expect(json.findings.filter(finding => finding.rule === 'PUN-HALFWIDTH')).toEqual([])
    expect(json.findings.filter(finding => finding.rule === 'TXT-TRUNC')).toHaveLength(4)
    const fixed = texts(await read('seed.wrs')).join('\n')
    expect(fixed).not.toMatch(/[,:;()]/)
    expect(fixed).toContain('严格落实第一议题制度，累计开展党组政治理论学习21次')
  })

  it('refuses --rule without --fix and a rule that has no safe fix', async () => {
    const before = await fs.readFile(path.join(dir, 'report.wrs'), 'utf8')
    const noFix = await wrs('check', 'report.wrs', '--rule', 'PUN-HALFWIDTH')
    expect(noFix.code).toBe(2)
    expect(noFix.err).toContain('只能和“--fix”一起使用')
    const unfixable = await wrs('check', 'report.wrs', '--fix', '--rule', 'TXT-TRUNC')
    expect(unfixable.code).toBe(2)
    expect(unfixable.err).toContain('没有可自动修正')
    expect(await fs.readFile(path.join(dir, 'report.wrs'), 'utf8')).toBe(before)
  })
})

describe('wrs check --fix where the report cannot be written (read-only folder)', () => {
  afterEach(() => vi.restoreAllMocks())

  it('says so in a zh-CN sentence, exits 2 and leaves the file as it was', async () => {
    const before = await fs.readFile(path.join(dir, 'report.wrs'), 'utf8')
    const open = fs.open
    // what a read-only folder does to the temp file of the atomic write
    vi.spyOn(fs, 'open').mockImplementation(((
      file: Parameters<typeof fs.open>[0],
      flags?: Parameters<typeof fs.open>[1],
      mode?: Parameters<typeof fs.open>[2],
    ) =>
      flags === 'wx'
        ? Promise.reject(
            Object.assign(new Error(`EPERM: operation not permitted, open '${String(file)}'`), { code: 'EPERM' }),
          )
        : open(file, flags, mode)) as typeof fs.open)
    const result = await wrs('check', '--fix', 'report.wrs')
    expect(result.code).toBe(2)
    expect(result.err).toContain('没有权限写入')
    expect(result.err).not.toMatch(/EPERM|命令执行失败/)
    expect(await fs.readFile(path.join(dir, 'report.wrs'), 'utf8')).toBe(before)
  })
})
