import { promises as fs } from 'node:fs'
import path from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { parseReportFile, serializeReportFile } from '../../../core/report-file'
import { analyzeStructure } from '../../../core/structure/analyze-structure'
import { runWrs } from '../../helpers/run-wrs'
import { tempDirs } from '../../helpers/temp-dirs'
import { filledReport, withoutRange } from '../core/structure/filled-report'

let dir: string
const newDir = tempDirs('wrs-cli-')
const wrs = (...argv: string[]) => runWrs(argv, dir)

beforeEach(() => {
  dir = newDir()
})

describe('wrs new', () => {
  it('writes a report from a template and refuses to overwrite it without --force', async () => {
    const first = await wrs(
      'new',
      '--template',
      'gov',
      '--year',
      '2025',
      '--org',
      '安阳县',
      '--date',
      '2025-01-07',
      '--speaker',
      '王五',
      '-o',
      'gov.wrs',
    )
    expect(first.code).toBe(0)
    expect(first.out).toContain(path.join(dir, 'gov.wrs'))
    const text = await fs.readFile(path.join(dir, 'gov.wrs'), 'utf8')
    const parsed = parseReportFile(text)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    expect(parsed.value.meta).toMatchObject({
      templateId: 'gov',
      kind: 'gov',
      planYear: 2025,
      organisation: '安阳县',
      date: '2025-01-07',
      speakerName: '王五',
    })
    expect(analyzeStructure(parsed.value).parts.map(part => part.title)).toEqual([
      '2024年工作回顾',
      '2025年工作安排',
      '政府自身建设',
      '各位代表！',
    ])

    const again = await wrs('new', '--template', 'npc', '--year', '2025', '-o', 'gov.wrs')
    expect(again.code).toBe(2)
    expect(again.err).toContain('已经存在，未作改动')
    expect(again.err).toContain('--force')
    expect(await fs.readFile(path.join(dir, 'gov.wrs'), 'utf8')).toBe(text)

    const forced = await wrs('new', '--template', 'npc', '--year', '2025', '--term-end', '-o', 'gov.wrs', '--force')
    expect(forced.code).toBe(0)
    const replaced = parseReportFile(await fs.readFile(path.join(dir, 'gov.wrs'), 'utf8'))
    expect(replaced.ok && replaced.value.meta).toMatchObject({ kind: 'npc', termEnd: true })
  })

  it.each([
    [['--template', 'foo', '--year', '2025', '-o', 'a.wrs'], '没有名为“foo”的模板'],
    [['--template', 'npc', '--year', '25', '-o', 'a.wrs'], '计划年度“25”无效'],
    [['--template', 'npc', '--year', '2025'], '缺少输出文件'],
    [['--template', 'npc', '--year', '2025', '--date', '2025/1/7', '-o', 'a.wrs'], '会议日期“2025/1/7”无效'],
    [['--template', 'npc', '--year', '2025', '-o', 'a.txt'], '扩展名应为 .wrs'],
    [['--year', '2025', '-o', 'a.wrs'], '缺少 --template'],
  ])('refuses %j with a zh-CN sentence and exit 2', async (args, message) => {
    const result = await wrs('new', ...args)
    expect(result.code).toBe(2)
    expect(result.err).toContain(message)
    expect(result.err).not.toMatch(/at .+\.ts:\d+/)
    expect(await fs.readdir(dir)).toEqual([])
  })
})

describe('wrs check', () => {
  it('exits 1 on a new report (placeholders) and groups findings by severity, then rule, with locations', async () => {
    await wrs('new', '--template', 'npc', '--year', '2025', '--org', '二七区', '-o', 'new.wrs')
    const result = await wrs('check', 'new.wrs')
    expect(result.code).toBe(1)
    expect(result.out).toMatch(/\n错误（\d+）\n/)
    expect(result.out).toMatch(/\n  未替换的模板提示（STR-PLACEHOLDER）\d+ 处\n/)
    expect(result.out).toMatch(/\n    “2024年主要工作” 第\d+段：“2024年主要工作”中还有模板提示未替换/)
    expect(result.out).toMatch(/\n    ……另有 \d+ 处\n/)
    expect(result.out).toMatch(/共 \d+ 个错误、\d+ 个警告、\d+ 个提示。\n$/)
  })

  it('removing the next-year part exits 1 with STR-MISSING naming it; putting it back exits 0', async () => {
    const report = filledReport('npc')
    const tasks = analyzeStructure(report).parts.find(part => part.role === 'tasks')!
    await fs.writeFile(path.join(dir, 'full.wrs'), serializeReportFile(report))
    await fs.writeFile(path.join(dir, 'cut.wrs'), serializeReportFile(withoutRange(report, tasks.index, tasks.end)))

    const cut = await wrs('check', 'cut.wrs', '--json')
    expect(cut.code).toBe(1)
    const json = JSON.parse(cut.out)
    expect(Object.keys(json)).toEqual(['structure', 'findings'])
    expect(json.structure).toMatchObject({
      kind: 'npc',
      planYear: 2024,
      frontMatter: { salutation: '各位代表：', speakerName: '张三' },
    })
    expect(json.structure.parts.map((part: { role: string }) => part.role)).toEqual(['review', 'closing'])
    const missing = json.findings.filter((finding: { rule: string }) => finding.rule === 'STR-MISSING')
    expect(missing).toEqual([
      {
        rule: 'STR-MISSING',
        severity: 'error',
        message: '缺少必需的部分“2024年主要任务”（本年度主要任务）。请在“2023年主要工作”之后补写这一部分。',
        location: { path: [], section: '2024年主要任务' },
      },
    ])
    const human = await wrs('check', 'cut.wrs')
    expect(human.code).toBe(1)
    expect(human.out).toContain('  缺少部分（STR-MISSING）1 处\n    “2024年主要任务”：缺少必需的部分“2024年主要任务”')

    const full = await wrs('check', 'full.wrs', '--json')
    expect(JSON.parse(full.out).findings).toEqual([])
    expect(full.code).toBe(0)
    expect((await wrs('check', 'full.wrs')).out).toContain('没有发现问题。')
  })

  it('bad input is exit 2 with a zh-CN sentence, never a stack trace', async () => {
    await fs.writeFile(path.join(dir, 'junk.wrs'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x00]))
    await fs.writeFile(path.join(dir, 'broken.wrs'), '{"format": "work-report-studio", ')
    for (const [args, message] of [
      [['missing.wrs'], '找不到文件'],
      [['junk.wrs'], '二进制'],
      [['broken.wrs'], '不是有效的 JSON'],
      [[], '缺少要检查的报告文件'],
      [['a.wrs', '--fix-all'], '不认识的选项'],
    ] as const) {
      const result = await wrs('check', ...args)
      expect(result.code, message).toBe(2)
      expect(result.err).toContain(message)
      expect(result.err).not.toMatch(/\n\s+at /)
    }
  })
})
