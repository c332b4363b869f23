import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { serializeReportFile, type ReportFile } from '../../../core/report-file'
import { npcReportFixture } from '../../fixtures/docx-npc-report'
import type { HostProcess } from './renderer-harness'
import { newAppPage, screenshot, closeWithEscape } from './renderer-harness'
import { postToHost, useRendererApp } from './use-renderer-app'
import { settled } from './page-view-helpers'

let browser: Browser
let host: HostProcess
useRendererApp({ hostPer: 'test' }, app => ({ browser, host } = app))

const folder = mkdtempSync(path.join(os.tmpdir(), 'wrs-export-gate-e2e-'))
const body = (page: Page) => page.locator('.report-body')
const panel = (page: Page) => page.locator('[data-testid="checks-panel"]')

/** Opens a .wrs in a new app page through the scripted open dialog. */
async function openReport(report: ReportFile, name: string): Promise<Page> {
  const file = path.join(folder, name)
  writeFileSync(file, serializeReportFile(report))
  const page = await newAppPage(browser, host.url)
  await page.locator('[data-testid="start-page"]').waitFor()
  await postToHost(host.url, '/test/dialogs', { open: [file] })
  await page.keyboard.press('Control+o')
  await body(page).waitFor()
  await expect.poll(() => body(page).textContent()).toContain('金水区人民代表大会常务委员会工作报告')
  return page
}

/** Puts the cursor at the start of a block (its first line) and selects to the end of the document with the keyboard. */
async function selectToEnd(page: Page, block: ReturnType<Page['locator']>): Promise<void> {
  await block.click({ position: { x: 4, y: 4 } })
  await page.keyboard.press('Home')
  await page.keyboard.press('Control+Shift+End')
  await expect.poll(() => page.evaluate(() => window.getSelection()!.toString().length)).toBeGreaterThan(100)
}

describe('the export gate in the editor (Chromium against the test host)', () => {
  it('a report whose file switches STR-MISSING off and lacks its tasks part: still checked, a 正式稿 refused and the dialog says why', async () => {
    const report = npcReportFixture({ withoutTasks: true })
    const page = await openReport(
      { ...report, checks: { ...report.checks, disabled: ['STR-MISSING'] } },
      '缺少任务部分.wrs',
    )
    // The checks panel shows the missing part: no 不检查 for it, and the file's setting is named as overruled.
    const missing = panel(page).locator('[data-severity="error"] .rule-group[data-rule="STR-MISSING"]')
    await missing.waitFor()
    expect(await missing.textContent()).toContain('缺少必需的部分“2024年主要任务”')
    expect(await missing.locator('.disable').count()).toBe(0)
    expect(await missing.locator('[data-testid="rule-locked"]').textContent()).toBe('正式稿必查')
    expect(await panel(page).locator('.disabled-rules li[data-rule="STR-MISSING"] .kept').textContent()).toBe(
      '守护报告结构，仍然检查',
    )

    await postToHost(host.url, '/test/menu/export', {})
    const dialog = page.locator('[data-testid="export-dialog"]')
    await dialog.waitFor()
    expect(await dialog.locator('input[name="format"][value="docx"]').isChecked()).toBe(true)
    const blocking = dialog.locator('[data-testid="export-blocking"]')
    await blocking.waitFor()
    expect(await blocking.textContent()).toContain('缺少必需的部分“2024年主要任务”')
    expect(await dialog.locator('[data-testid="export-rules-kept"]').textContent()).toContain(
      '缺少部分（STR-MISSING）守护报告的结构，不能关闭：正式稿仍然检查',
    )
    expect(await dialog.locator('[data-testid="export-submit"]').isDisabled()).toBe(true)
    await screenshot(page, 'gate-1-refused-final')

    // Asked directly (as a renderer that skipped the dialog would), main refuses too and writes nothing.
    const target = path.join(folder, '绕过.docx')
    const outcome = await page.evaluate(
      ([file, target]) =>
        window.api.exportReport({ report: JSON.parse(file) as never, format: 'docx', draftLabel: null, path: target }),
      [serializeReportFile({ ...report, checks: { ...report.checks, disabled: ['STR-MISSING'] } }), target] as const,
    )
    expect(outcome).toMatchObject({ ok: true, value: { kind: 'refused', rulesKept: ['STR-MISSING'] } })
    expect(existsSync(target)).toBe(false)
    expect((page as Page & { errors: string[] }).errors).toEqual([])
    await page.close()
  })

  it('switching another error rule off asks first, then the export dialog and the print preview list it', async () => {
    const page = await openReport(npcReportFixture(), '完整报告.wrs')
    await expect.poll(() => panel(page).locator('.summary').textContent()).toMatch(/^0 个错误/)
    const lastParagraph = body(page).locator('p', { hasText: '为谱写中国式现代化金水篇章' })
    await lastParagraph.click()
    await page.keyboard.press('End')
    await page.keyboard.insertText('全年召开会议8次,审议议题45项。')
    const group = panel(page).locator('.rule-group[data-rule="PUN-HALFWIDTH"]')
    await group.waitFor()
    await group.locator('.disable').click()
    const question = page.locator('[data-testid="confirm-disable"]')
    await question.waitFor()
    expect(await question.textContent()).toContain('关闭后，正式稿导出不再检查“半角标点”')
    await screenshot(page, 'gate-2-question-before-switching-off')
    await question.locator('[data-testid="confirm-disable-ok"]').click()
    await expect.poll(() => group.count()).toBe(0)

    await postToHost(host.url, '/test/menu/export', {})
    const dialog = page.locator('[data-testid="export-dialog"]')
    await dialog.waitFor()
    const rulesOff = dialog.locator('[data-testid="export-rules-off"]')
    await rulesOff.waitFor()
    expect(await rulesOff.textContent()).toContain(
      '这份报告关闭了 1 项检查，导出和打印时不检查：半角标点（PUN-HALFWIDTH）',
    )
    expect(await dialog.locator('[data-testid="export-blocking"]').count()).toBe(0)
    await screenshot(page, 'gate-3-export-dialog-rules-off')
    const target = path.join(folder, '正式稿.docx')
    await postToHost(host.url, '/test/dialogs', { save: [target] })
    await dialog.locator('[data-testid="export-submit"]').click()
    await dialog.locator('[data-testid="export-result"]').waitFor()
    expect(existsSync(target)).toBe(true)
    expect(await rulesOff.textContent()).toContain('PUN-HALFWIDTH')
    await closeWithEscape(page, dialog)

    await postToHost(host.url, '/test/menu/print', {})
    const print = page.locator('[data-testid="print-dialog"]')
    await print.waitFor()
    expect(await print.locator('[data-testid="export-rules-off"]').textContent()).toContain('半角标点（PUN-HALFWIDTH）')
    await expect
      .poll(() => print.locator('[data-testid="print-preview"] canvas').count(), { timeout: 60_000 })
      .toBeGreaterThan(0)
    // Drawn: the first canvas has ink on it.
    await expect
      .poll(
        () =>
          print
            .locator('[data-testid="print-preview"] canvas')
            .first()
            .evaluate(canvas => {
              const element = canvas as HTMLCanvasElement
              if (element.width === 0) return 0
              const data = element.getContext('2d')!.getImageData(0, 0, element.width, element.height).data
              let dark = 0
              for (let offset = 0; offset < data.length; offset += 4) if (data[offset]! < 128) dark++
              return dark
            }),
        { timeout: 30_000 },
      )
      .toBeGreaterThan(1000)
    await screenshot(page, 'gate-4-print-preview-rules-off')
    expect((page as Page & { errors: string[] }).errors).toEqual([])
    await page.close()
  }, 180_000)
})

describe('an emptied part in the editor', () => {
  it('selecting the tasks part from its heading to the end and deleting it: STR-MISSING names it by its role, never “”', async () => {
    const page = await openReport(npcReportFixture(), '清空部分.wrs')
    await expect.poll(() => panel(page).locator('.summary').textContent()).toMatch(/^0 个错误/)
    const tasksHeading = body(page).locator('h1.report-heading', { hasText: '2024年主要任务' })
    await selectToEnd(page, tasksHeading)
    await page.keyboard.press('Delete')
    // The empty heading keeps its role: the part counts as missing all the same.
    await expect.poll(() => body(page).locator('h1.report-heading').count()).toBe(2)
    const finding = panel(page).locator('[data-severity="error"] .finding[data-rule="STR-MISSING"]')
    await expect.poll(() => finding.count()).toBe(1)
    expect(await finding.textContent()).toContain(
      '必需的“2024年主要任务”部分（标题为空）也没有正文，视同缺少。请写上标题和内容，或按 Ctrl+Z 撤销删除。',
    )
    expect(await panel(page).textContent()).not.toContain('“”')
    expect(await page.locator('[data-testid="status-bar"]').textContent()).not.toContain('“”')
    await screenshot(page, 'gate-5-emptied-part')

    // Undo brings the part back; deleting only its body (the heading stays) still counts as missing.
    await page.keyboard.press('Control+z')
    await expect.poll(() => finding.count()).toBe(0)
    const afterHeading = await tasksHeading.evaluate(element => element.nextElementSibling!.textContent!.slice(0, 10))
    expect(afterHeading).toBe('2024年是全面贯彻')
    // The undo re-paginates: select only once the page view has settled, or the drag starts above the paragraph.
    await settled(page)
    await selectToEnd(page, body(page).locator('p', { hasText: '2024年是全面贯彻落实党的二十大精神的关键之年' }))
    await page.keyboard.press('Delete')
    await expect.poll(() => finding.count()).toBe(1)
    expect(await finding.textContent()).toContain(
      '必需的“2024年主要任务”部分（本年度主要任务）只剩标题，没有正文，视同缺少。',
    )
    expect(readdirSync(folder)).toContain('清空部分.wrs')
    expect((page as Page & { errors: string[] }).errors).toEqual([])
    await page.close()
  })
})
