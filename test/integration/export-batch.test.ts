import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type * as PdfPrinterModule from '../../main/export/pdf-printer'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { serializeReportFile } from '../../core/report-file'
import { countPdfPages } from '../../main/export/count-pdf-pages'
import { runWrs } from '../helpers/run-wrs'
import { npcReportFixture } from '../fixtures/docx-npc-report'
import { pageText } from './helpers/pdf-tools'

// Counts the browsers the CLI starts (the real printer underneath).
const launches = vi.hoisted(() => ({ count: 0 }))
vi.mock('../../main/export/pdf-printer', async importOriginal => {
  const actual = await importOriginal<typeof PdfPrinterModule>()
  return {
    ...actual,
    launchPdfPrinter: (...args: Parameters<typeof actual.launchPdfPrinter>) => {
      launches.count++
      return actual.launchPdfPrinter(...args)
    },
  }
})

const directory = mkdtempSync(path.join(os.tmpdir(), 'wrs-export-batch-'))
afterAll(() => rmSync(directory, { recursive: true, force: true }))

const write = (name: string, report = npcReportFixture()) =>
  writeFileSync(path.join(directory, name), serializeReportFile(report))

describe('wrs export A.wrs B.wrs … --pdf-dir DIR --docx-dir DIR', () => {
  it('exports every report through one browser, refuses the one with errors and writes none of its files', async () => {
    write('金水区.wrs')
    write('二七区.wrs', {
      ...npcReportFixture({ numbering: 'yearParts' }),
      meta: { ...npcReportFixture().meta, organisation: '二七区' },
    })
    write('缺任务.wrs', npcReportFixture({ withoutTasks: true }))
    launches.count = 0
    const run = await runWrs(
      ['export', '金水区.wrs', '缺任务.wrs', '二七区.wrs', '--pdf-dir', 'PDF', '--docx-dir', 'Word'],
      directory,
    )
    expect(run.code).toBe(1)
    expect(launches.count).toBe(1)
    for (const name of ['金水区', '二七区']) {
      const pdf = readFileSync(path.join(directory, 'PDF', `${name}.pdf`))
      expect(countPdfPages(pdf)).toBeGreaterThanOrEqual(3)
      expect(pageText(path.join(directory, 'PDF', `${name}.pdf`), 1)).toContain('工作报告')
      expect(existsSync(path.join(directory, 'Word', `${name}.docx`))).toBe(true)
    }
    expect(existsSync(path.join(directory, 'PDF', '缺任务.pdf'))).toBe(false)
    expect(existsSync(path.join(directory, 'Word', '缺任务.docx'))).toBe(false)
    expect(run.err).toContain('“缺任务.wrs”未导出')
    expect(run.err).toContain('没有写入这份报告的任何文件')
    expect(run.out).toContain('共 3 份报告：导出 2 份，1 份因检查错误未导出。')
    // Reports print side by side (one page each), yet each report's lines come together, in the order named.
    const lines = run.out.split('\n').filter(line => line.startsWith('已导出'))
    expect(lines.map(line => /(金水区|二七区)\.(pdf|docx)/.exec(line)?.[0])).toEqual([
      '金水区.pdf',
      '金水区.docx',
      '二七区.pdf',
      '二七区.docx',
    ])
  }, 120_000)
})
