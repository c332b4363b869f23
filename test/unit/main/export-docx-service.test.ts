import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Dialogs } from '../../../main/services/dialogs'
import { exportDocx } from '../../../main/services/export-docx-service'
import { createExportService, exportToPath } from '../../../main/services/export-service'
import { npcReportFixture } from '../../fixtures/docx-npc-report'
import { noDialogs } from '../../helpers/no-dialogs'

const tempDir = (): string => mkdtempSync(path.join(os.tmpdir(), 'wrs-export-docx-'))

function dialogs(answer: string | null, asked: Array<{ title: string; defaultPath: string }>): Dialogs {
  return {
    ...noDialogs,
    saveFile: async options => {
      asked.push({ title: options.title, defaultPath: options.defaultPath })
      return answer
    },
  }
}

describe('DOCX export service (the gate on the Node side)', () => {
  it('refuses a final export with blocking findings and writes nothing', async () => {
    const directory = tempDir()
    const outcome = await exportDocx({
      report: npcReportFixture({ withoutTasks: true }),
      draftLabel: null,
      path: path.join(directory, 'final.docx'),
    })
    expect(outcome.kind).toBe('refused')
    if (outcome.kind !== 'refused') return
    expect(outcome.blocking.map(finding => finding.message).join('')).toContain('2024年主要任务')
    expect(readdirSync(directory)).toEqual([])
  })

  it('writes a draft of the same report, without a .bak or temp file beside it', async () => {
    const directory = tempDir()
    const target = path.join(directory, 'draft.docx')
    const outcome = await exportDocx({
      report: npcReportFixture({ withoutTasks: true }),
      draftLabel: '讨论稿',
      path: target,
    })
    expect(outcome).toMatchObject({ kind: 'written', path: target, substitutions: [] })
    expect(readFileSync(target).subarray(0, 2).toString()).toBe('PK')
    expect(readdirSync(directory)).toEqual(['draft.docx'])
  })

  it('answers a write into a missing folder with a zh-CN message and writes nothing', async () => {
    const target = path.join(tempDir(), 'no-such-folder', 'x.docx')
    const result = await exportToPath({ report: npcReportFixture(), format: 'docx', draftLabel: null, path: target })
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.code).toBe('write-failed')
    expect(result.message).toMatch(/[\u4e00-\u9fff]/)
    expect(existsSync(target)).toBe(false)
  })

  it('asks for the path with the save dialog, naming the draft and the plan year, and reports a cancel', async () => {
    const asked: Array<{ title: string; defaultPath: string }> = []
    const service = createExportService({ dialogs: dialogs(null, asked), defaultDirectory: '/docs' })
    const result = await service.exportReport({
      report: npcReportFixture(),
      format: 'docx',
      draftLabel: '征求意见稿',
      path: null,
    })
    expect(result).toEqual({ ok: true, value: { kind: 'cancelled' } })
    expect(asked).toEqual([
      {
        title: '导出征求意见稿',
        defaultPath: path.join('/docs', '2024年金水区人民代表大会常务委员会工作报告（征求意见稿）.docx'),
      },
    ])
  })

  it('exports to the path chosen in the save dialog', async () => {
    const target = path.join(tempDir(), 'chosen.docx')
    const service = createExportService({ dialogs: dialogs(target, []) })
    const result = await service.exportReport({
      report: npcReportFixture(),
      format: 'docx',
      draftLabel: null,
      path: null,
    })
    expect(result.ok && result.value.kind).toBe('written')
    expect(existsSync(target)).toBe(true)
  })
})
