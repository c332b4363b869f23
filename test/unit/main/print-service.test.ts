import { describe, expect, it, vi } from 'vitest'
import * as gate from '../../../core/checks/export-gate'
import { createPrintService } from '../../../main/services/print-service'
import { npcReportFixture } from '../../fixtures/docx-npc-report'

// The print gate on the Node side: the system print dialog is a fake that records the document it was given.
vi.mock('../../../core/checks/export-gate', async importOriginal => {
  const actual = await importOriginal<typeof gate>()
  return { ...actual, gateExport: vi.fn(actual.gateExport) }
})

function printer(answer: boolean | Error = true) {
  const printed: string[] = []
  const service = createPrintService({
    printDialog: async html => {
      printed.push(html)
      if (answer instanceof Error) throw answer
      return answer
    },
  })
  return { service, printed }
}

describe('printing (Ctrl+P)', () => {
  it('refuses a 正式稿 with errors, listing them, and never opens the print dialog', async () => {
    const { service, printed } = printer()
    vi.mocked(gate.gateExport).mockClear()
    const result = await service.printReport({ report: npcReportFixture({ withoutTasks: true }), draftLabel: null })
    expect(result.ok).toBe(true)
    if (!result.ok || result.value.kind !== 'refused') throw new Error(`not refused: ${JSON.stringify(result)}`)
    expect(result.value.blocking.length).toBeGreaterThan(0)
    expect(result.value.blocking.every(finding => finding.severity === 'error')).toBe(true)
    expect(result.value.blocking.map(finding => finding.message).join('')).toContain('2024年主要任务')
    expect(printed).toEqual([])
    expect(gate.gateExport).toHaveBeenCalledTimes(1)
  })

  it('prints a clean 正式稿 without a draft label, running the gate once', async () => {
    const { service, printed } = printer()
    vi.mocked(gate.gateExport).mockClear()
    const result = await service.printReport({ report: npcReportFixture(), draftLabel: null })
    expect(result).toMatchObject({ ok: true, value: { kind: 'written' } })
    expect(gate.gateExport).toHaveBeenCalledTimes(1)
    expect(printed).toHaveLength(1)
    expect(printed[0]).toContain('年主要任务')
    expect(printed[0]).not.toMatch(/征求意见稿|讨论稿/)
  })

  it('prints a draft with errors, labelled on its pages', async () => {
    const { service, printed } = printer()
    const result = await service.printReport({
      report: npcReportFixture({ withoutTasks: true }),
      draftLabel: '征求意见稿',
    })
    expect(result).toMatchObject({ ok: true, value: { kind: 'written' } })
    expect(printed).toHaveLength(1)
    expect(printed[0]).toMatch(/@page[^}]*[\s\S]*征求意见稿/)
  })

  it('a print dialog closed with 取消 is a cancelled print, not an error', async () => {
    const { service } = printer(false)
    expect(await service.printReport({ report: npcReportFixture(), draftLabel: '讨论稿' })).toEqual({
      ok: true,
      value: { kind: 'cancelled' },
    })
  })

  it('a printer failure comes back as its zh-CN sentence', async () => {
    const { service } = printer(new Error('没有打印（打印机脱机）。请检查打印机是否连接并可用，然后重试。'))
    expect(await service.printReport({ report: npcReportFixture(), draftLabel: '讨论稿' })).toEqual({
      ok: false,
      code: 'pdf-failed',
      message: '没有打印（打印机脱机）。请检查打印机是否连接并可用，然后重试。',
    })
    const { service: other } = printer(new Error('ENOSPC'))
    const result = await other.printReport({ report: npcReportFixture(), draftLabel: '讨论稿' })
    expect(result).toMatchObject({ ok: false, code: 'pdf-failed' })
    if (!result.ok) expect(result.message).toMatch(/^生成 PDF 失败（ENOSPC）。/)
  })

  it('without a print dialog (CLI, test host) says to print from a PDF', async () => {
    const result = await createPrintService().printReport({ report: npcReportFixture(), draftLabel: '讨论稿' })
    expect(result).toMatchObject({ ok: false, code: 'unavailable' })
  })
})

describe('print preview', () => {
  it('renders any version (no gate) with the given renderer and counts its pages', async () => {
    const rendered: string[] = []
    const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Page >> 2 0 obj << /Type /Page >> /Type /Pages')
    const service = createPrintService({
      render: async html => {
        rendered.push(html)
        return pdf
      },
    })
    const result = await service.previewPdf({ report: npcReportFixture({ withoutTasks: true }), draftLabel: null })
    expect(result).toMatchObject({ ok: true, value: { pages: 2 } })
    expect(rendered).toHaveLength(1)
  })

  it('a renderer that fails gives a zh-CN message', async () => {
    const service = createPrintService({
      render: async () => {
        throw new Error('Target page, context or browser has been closed')
      },
    })
    const result = await service.previewPdf({ report: npcReportFixture(), draftLabel: null })
    expect(result).toMatchObject({ ok: false, code: 'pdf-failed' })
    if (!result.ok) expect(result.message).toContain('请重试')
  })
})
