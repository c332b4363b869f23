import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type * as PdfPrinterModule from '../../../main/export/pdf-printer'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { serializeReportFile } from '../../../core/report-file'
import { runWrs } from '../../helpers/run-wrs'
import { npcReportFixture } from '../../fixtures/docx-npc-report'

const launches = vi.hoisted(() => ({ count: 0 }))
vi.mock('../../../main/export/pdf-printer', async importOriginal => {
  const actual = await importOriginal<typeof PdfPrinterModule>()
  return {
    ...actual,
    launchPdfPrinter: (...args: Parameters<typeof actual.launchPdfPrinter>) => {
      launches.count++
      return actual.launchPdfPrinter(...args)
    },
  }
})

const directory = mkdtempSync(path.join(os.tmpdir(), 'wrs-export-args-'))
afterAll(() => rmSync(directory, { recursive: true, force: true }))
for (const folder of ['甲', '乙']) mkdirSync(path.join(directory, folder))
for (const file of ['a.wrs', 'b.wrs', '甲/报告.wrs', '乙/报告.wrs'])
  writeFileSync(path.join(directory, file), serializeReportFile(npcReportFixture()))

describe('wrs export with several reports', () => {
  it('asks for a folder when several reports would go to one file (exit 2, nothing written)', async () => {
    const run = await runWrs(['export', 'a.wrs', 'b.wrs', '--pdf', 'x.pdf'], directory)
    expect(run.code).toBe(2)
    expect(run.err).toContain('请用 --pdf-dir <文件夹>')
    expect(existsSync(path.join(directory, 'x.pdf'))).toBe(false)
  })

  it('refuses two reports of the same name into one folder', async () => {
    const run = await runWrs(['export', '甲/报告.wrs', '乙/报告.wrs', '--docx-dir', 'out'], directory)
    expect(run.code).toBe(2)
    expect(run.err).toContain('会写到同一个文件')
    expect(existsSync(path.join(directory, 'out'))).toBe(false)
  })

  it('writes each report into the folder (created when missing) and starts no browser for DOCX alone', async () => {
    launches.count = 0
    const run = await runWrs(['export', 'a.wrs', 'b.wrs', '--docx-dir', '新建/导出'], directory)
    expect(run.code).toBe(0)
    for (const name of ['a', 'b']) expect(existsSync(path.join(directory, '新建/导出', `${name}.docx`))).toBe(true)
    expect(run.out).toContain('共 2 份报告：导出 2 份。')
    expect(launches.count).toBe(0)
  })

  it('goes on after an unreadable report and exits 2 naming it', async () => {
    writeFileSync(path.join(directory, 'broken.wrs'), '{ not json')
    const run = await runWrs(['export', 'broken.wrs', 'a.wrs', '--docx-dir', 'mixed'], directory)
    expect(run.code).toBe(2)
    expect(existsSync(path.join(directory, 'mixed', 'a.docx'))).toBe(true)
    expect(run.out).toContain('共 2 份报告：导出 1 份，1 份失败。')
  })
})
