import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as gateModule from '../../../core/checks/export-gate'
import { serializeReportFile, type ReportFile } from '../../../core/report-file'
import type { Dialogs } from '../../../main/services/dialogs'
import { createExportService, exportToPath } from '../../../main/services/export-service'
import { npcReportFixture } from '../../fixtures/docx-npc-report'
import { runWrs } from '../../helpers/run-wrs'
import { noDialogs } from '../../helpers/no-dialogs'

// Counts the gate's runs while keeping what it does.
vi.mock('../../../core/checks/export-gate', async importOriginal => {
  const original = await importOriginal<typeof gateModule>()
  return { ...original, gateExport: vi.fn(original.gateExport) }
})
const gateRuns = vi.mocked(gateModule.gateExport)

beforeEach(() => {
  gateRuns.mockClear()
})

const workDir = (): string => mkdtempSync(path.join(os.tmpdir(), 'wrs-export-gate-'))

function withDisabled(report: ReportFile, disabled: string[]): ReportFile {
  return { ...report, checks: { ...report.checks, disabled } }
}

function dialogs(answer: string | null, asked: string[]): Dialogs {
  return {
    ...noDialogs,
    saveFile: async options => {
      asked.push(options.title)
      return answer
    },
  }
}

describe('wrs export: a gate that cannot be talked round', () => {
  it('a .wrs that switches STR-MISSING off and lacks its tasks part: exit 1, no file, the part and the rules named', async () => {
    const directory = workDir()
    const report = withDisabled(npcReportFixture({ withoutTasks: true }), ['STR-MISSING', 'PUN-HALFWIDTH'])
    writeFileSync(path.join(directory, '报告.wrs'), serializeReportFile(report))
    const run = await runWrs(['export', '报告.wrs', '--docx', '正式稿.docx'], directory)
    expect(run.code).toBe(1)
    expect(readdirSync(directory)).toEqual(['报告.wrs'])
    expect(run.err).toContain('缺少部分（STR-MISSING）1 处')
    expect(run.err).toContain('缺少必需的部分“2024年主要任务”')
    expect(run.err).toContain('本次导出没有检查：半角标点（PUN-HALFWIDTH）')
    expect(run.err).toContain('报告中设为不检查的缺少部分（STR-MISSING）守护报告结构，不能关闭：正式稿导出仍然检查')
    expect(run.err).toContain('没有写入任何文件')
    expect(gateRuns).toHaveBeenCalledTimes(1)
  })

  it('lists the rules switched off when it writes, and checks once for every file it writes', async () => {
    const directory = workDir()
    writeFileSync(
      path.join(directory, '报告.wrs'),
      serializeReportFile(withDisabled(npcReportFixture(), ['PUN-HALFWIDTH', 'NUM-DATE-PAD'])),
    )
    const run = await runWrs(['export', '报告.wrs', '--docx', '一.docx', '--docx', '二.docx'], directory)
    expect(run.err).toBe('')
    expect(run.code).toBe(0)
    expect(run.out).toContain(
      '注意：这份报告关闭了 2 条检查规则，本次导出没有检查：半角标点（PUN-HALFWIDTH）、日期多余的0（NUM-DATE-PAD）。',
    )
    expect(existsSync(path.join(directory, '一.docx')) && existsSync(path.join(directory, '二.docx'))).toBe(true)
    expect(gateRuns).toHaveBeenCalledTimes(1)
  })

  it('says nothing about switched-off rules when none are', async () => {
    const directory = workDir()
    writeFileSync(path.join(directory, '报告.wrs'), serializeReportFile(npcReportFixture()))
    const run = await runWrs(['export', '报告.wrs', '--docx', '报告.docx'], directory)
    expect(run.code).toBe(0)
    expect(run.out).not.toContain('检查规则')
  })
})

describe('the export service: the gate runs once per export', () => {
  it('checkExport then exportReport of the same report: one run, and the decision lists the rules', async () => {
    const directory = workDir()
    const asked: string[] = []
    const service = createExportService({ dialogs: dialogs(path.join(directory, 'x.docx'), asked) })
    const report = withDisabled(npcReportFixture(), ['PUN-HALFWIDTH', 'STR-PLACEHOLDER'])
    const summary = await service.checkExport({ report, draftLabel: null })
    expect(summary).toMatchObject({
      allowed: true,
      blocking: [],
      rulesOff: ['PUN-HALFWIDTH'],
      rulesKept: ['STR-PLACEHOLDER'],
    })
    const result = await service.exportReport({ report, format: 'docx', draftLabel: null, path: null })
    expect(result).toMatchObject({ ok: true, value: { kind: 'written', rulesOff: ['PUN-HALFWIDTH'] } })
    expect(gateRuns).toHaveBeenCalledTimes(1)
    // Another version is another decision.
    await service.exportReport({ report, format: 'docx', draftLabel: '讨论稿', path: path.join(directory, 'y.docx') })
    expect(gateRuns).toHaveBeenCalledTimes(2)
  })

  it('a changed report is checked again', async () => {
    const service = createExportService({ dialogs: dialogs(null, []) })
    const report = npcReportFixture()
    await service.checkExport({ report, draftLabel: null })
    const changed = { ...report, meta: { ...report.meta, title: `${report.meta.title}（修改）` } }
    await service.checkExport({ report: changed, draftLabel: null })
    expect(gateRuns).toHaveBeenCalledTimes(2)
  })

  it('a refused final export is answered before the save dialog opens, whatever checks.disabled says', async () => {
    const asked: string[] = []
    const service = createExportService({ dialogs: dialogs('/tmp/never.docx', asked) })
    const report = withDisabled(npcReportFixture({ withoutTasks: true }), ['STR-MISSING'])
    const result = await service.exportReport({ report, format: 'pdf', draftLabel: null, path: null })
    expect(result).toMatchObject({ ok: true, value: { kind: 'refused', rulesOff: [], rulesKept: ['STR-MISSING'] } })
    if (!result.ok || result.value.kind !== 'refused') return
    expect(result.value.blocking.map(finding => finding.rule)).toContain('STR-MISSING')
    expect(asked).toEqual([])
    expect(gateRuns).toHaveBeenCalledTimes(1)
  })

  it('exportToPath with a decision already made does not check again', async () => {
    const report = npcReportFixture()
    const gate = gateModule.gateExport(report, null)
    gateRuns.mockClear()
    const target = path.join(workDir(), 'z.docx')
    const result = await exportToPath({ report, format: 'docx', draftLabel: null, path: target }, gate)
    expect(result.ok && result.value.kind).toBe('written')
    expect(gateRuns).not.toHaveBeenCalled()
  })

  it("a user template's blocking rule joins the gate", async () => {
    const { getBuiltinTemplate } = await import('../../../core/templates/builtin-templates')
    const strict = { ...getBuiltinTemplate('npc')!, id: 'user-strict', blockingRules: ['STR-EMPTY'] }
    const service = createExportService({ dialogs: dialogs(null, []), templateFor: async () => strict })
    const report = withDisabled(
      { ...npcReportFixture(), meta: { ...npcReportFixture().meta, templateId: 'user-strict' } },
      ['STR-EMPTY'],
    )
    expect(await service.checkExport({ report, draftLabel: null })).toMatchObject({
      rulesOff: [],
      rulesKept: ['STR-EMPTY'],
    })
  })
})
