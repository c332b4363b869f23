import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../main/cli/run-cli'
import { serializeReportFile } from '../../core/report-file'
import { npcReportFixture } from '../fixtures/docx-npc-report'

function cli(directory: string) {
  const out: string[] = []
  const err: string[] = []
  const io = { out: (text: string) => out.push(text), err: (text: string) => err.push(text), cwd: directory }
  return { io, out, err }
}

function workDir(): string {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'wrs-export-cli-'))
  writeFileSync(path.join(directory, 'complete.wrs'), serializeReportFile(npcReportFixture()))
  writeFileSync(path.join(directory, 'no-tasks.wrs'), serializeReportFile(npcReportFixture({ withoutTasks: true })))
  return directory
}

const headerTexts = (docx: string): string[] => {
  const files = unzipSync(readFileSync(docx))
  return Object.keys(files)
    .filter(name => /^word\/header\d+\.xml$/.test(name))
    .map(name => [...strFromU8(files[name]!).matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map(match => match[1]).join(''))
}

describe('wrs export --docx', () => {
  it('exports a complete report as a final DOCX (no draft header)', async () => {
    const directory = workDir()
    const run = cli(directory)
    expect(await runCli(['export', 'complete.wrs', '--docx', 'out/../报告.docx'], run.io)).toBe(0)
    const target = path.join(directory, '报告.docx')
    expect(run.out.join('')).toContain(`已导出Word 文档（正式稿）：${target}`)
    expect(readFileSync(target).subarray(0, 2).toString()).toBe('PK')
    expect(headerTexts(target)).toEqual([])
  })

  it('refuses a final export of a report missing its next-year part: exit 1, the finding in zh-CN, no file', async () => {
    const directory = workDir()
    const run = cli(directory)
    expect(await runCli(['export', 'no-tasks.wrs', '--docx', 'final.docx'], run.io)).toBe(1)
    const message = run.err.join('')
    expect(message).toContain('未导出：正式稿要求检查没有错误')
    expect(message).toContain('缺少必需的部分“2024年主要任务”')
    expect(message).toContain('没有写入任何文件')
    expect(existsSync(path.join(directory, 'final.docx'))).toBe(false)
  })

  it('exports the same report as a draft with the label in every page header', async () => {
    const directory = workDir()
    const run = cli(directory)
    expect(await runCli(['export', 'no-tasks.wrs', '--docx', 'draft.docx', '--draft', '征求意见稿'], run.io)).toBe(0)
    expect(run.out.join('')).toContain('（征求意见稿）')
    expect(headerTexts(path.join(directory, 'draft.docx'))).toEqual(['征求意见稿', '征求意见稿'])
  })

  it.each([
    [['export', 'missing.wrs', '--docx', 'x.docx'], '找不到文件'],
    [
      ['export', 'complete.wrs', '--docx', 'x.docx', '--draft', '定稿'],
      '--draft 后面需要草稿标识（稿别）：征求意见稿、讨论稿、送审稿',
    ],
    [['export', 'complete.wrs'], '请至少指定一种输出'],
    [['export', 'complete.wrs', '--docx'], '--docx 后面需要输出文件路径'],
    [['export', '--docx', 'x.docx'], '缺少要导出的报告文件'],
  ])('answers bad input %j with exit 2 and a zh-CN message', async (argv, expected) => {
    const directory = workDir()
    const run = cli(directory)
    expect(await runCli(argv, run.io)).toBe(2)
    expect(run.err.join('')).toContain(expected)
    expect(existsSync(path.join(directory, 'x.docx'))).toBe(false)
  })

  it('answers a file that is not a report with exit 2', async () => {
    const directory = workDir()
    writeFileSync(path.join(directory, 'junk.wrs'), '{"hello": 1}')
    const run = cli(directory)
    expect(await runCli(['export', 'junk.wrs', '--docx', 'x.docx'], run.io)).toBe(2)
    expect(run.err.join('')).toContain('这不是工作报告编写器的文件')
  })
})
