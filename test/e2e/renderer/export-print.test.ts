import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import type { HostProcess } from './renderer-harness'
import { createReport, newAppPage, screenshot, closeWithEscape } from './renderer-harness'
import { postToHost, useRendererApp } from './use-renderer-app'

let browser: Browser
let host: HostProcess
const outputs = mkdtempSync(path.join(os.tmpdir(), 'wrs-export-e2e-'))
useRendererApp({ hostPer: 'file' }, app => ({ browser, host } = app))
afterAll(() => rmSync(outputs, { recursive: true, force: true }))

const hostPost = (route: string, body: unknown) => postToHost(host.url, route, body)

/** Dark pixels on a canvas the preview drew (pdf.js canvases are same-origin, so readable). */
function inkOn(page: Page, index: number): Promise<number> {
  return page.evaluate(position => {
    const canvas = document.querySelectorAll<HTMLCanvasElement>('[data-testid="print-preview"] canvas')[position]!
    if (canvas.width === 0) return 0
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data
    let dark = 0
    for (let offset = 0; offset < data.length; offset += 4) if (data[offset]! < 128 && data[offset + 3]! > 0) dark++
    return dark
  }, index)
}

describe('export dialog and print preview (Chromium against the test host)', () => {
  it('lists the errors that block a final export, exports a PDF draft instead, and previews real pages under the app CSP', async () => {
    const page = await newAppPage(browser, host.url)
    const cspViolations: string[] = []
    page.on('console', message => {
      if (/Content Security Policy|Refused to/i.test(message.text())) cspViolations.push(message.text())
    })
    await page.locator('[data-testid="start-page"]').waitFor()
    await createReport(page, 'npc')

    // A fresh report still holds template guidance: a final export is refused, with the reasons listed.
    await hostPost('/test/menu/export', {})
    const dialog = page.locator('[data-testid="export-dialog"]')
    await dialog.waitFor()
    await dialog.locator('input[name="format"][value="pdf"]').check()
    const blocking = dialog.locator('[data-testid="export-blocking"] li')
    await expect.poll(() => blocking.count()).toBeGreaterThan(0)
    expect(await dialog.locator('[data-testid="export-submit"]').isDisabled()).toBe(true)
    await screenshot(page, 'export-1-blocking')

    // A blocking finding jumps to its place: the dialog closes and the editor selects that text.
    const firstFinding = (await blocking.first().textContent()) ?? ''
    await blocking.first().locator('button').click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.report-body') !== null)).toBe(true)
    const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '')
    expect(selected.length).toBeGreaterThan(0)
    expect(firstFinding).toContain(selected.slice(0, 4))

    await hostPost('/test/menu/export', {})
    await dialog.waitFor()
    await dialog.locator('input[name="format"][value="pdf"]').check()
    await expect.poll(() => blocking.count()).toBeGreaterThan(0)

    // 改为导出征求意见稿: the list goes, the save dialog answers with a path, the result names the file and fonts.
    await dialog.locator('[data-testid="export-as-draft"]').click()
    expect(await dialog.locator('input[name="version"][value="征求意见稿"]').isChecked()).toBe(true)
    expect(await blocking.count()).toBe(0)
    const target = path.join(outputs, '征求意见稿.pdf')
    await hostPost('/test/dialogs', { save: [target] })
    await dialog.locator('[data-testid="export-submit"]').click()
    const result = dialog.locator('[data-testid="export-result"]')
    await result.waitFor({ timeout: 60_000 })
    expect(await result.textContent()).toContain(target)
    expect(existsSync(target)).toBe(true)
    expect(execFileSync('pdftotext', ['-f', '1', '-l', '1', target, '-'], { encoding: 'utf8' })).toContain('征求意见稿')
    await screenshot(page, 'export-2-written')
    await closeWithEscape(page, dialog)

    // 打印预览: the PDF pages drawn by pdf.js (module worker, no eval) on canvases.
    await hostPost('/test/menu/print', {})
    const preview = page.locator('[data-testid="print-dialog"] [data-testid="print-preview"] canvas')
    await expect.poll(() => preview.count(), { timeout: 60_000 }).toBeGreaterThan(0)
    await expect.poll(() => inkOn(page, 0), { timeout: 30_000 }).toBeGreaterThan(2000)
    const size = await preview.first().evaluate(canvas => ({ width: canvas.clientWidth, height: canvas.clientHeight }))
    expect(size.height / size.width).toBeCloseTo(297 / 210, 2)
    await screenshot(page, 'export-3-print-preview')
    const count = await preview.count()
    await expect.poll(() => page.locator('[data-testid="print-page"]').textContent()).toBe(`第 1 页，共 ${count} 页`)
    await page
      .locator('[data-testid="print-dialog"] [data-testid="print-preview"]')
      .evaluate(element => element.scrollTo(0, element.scrollHeight))
    await expect
      .poll(() => page.locator('[data-testid="print-page"]').textContent())
      .toBe(`第 ${count} 页，共 ${count} 页`)
    await expect.poll(() => inkOn(page, count - 1), { timeout: 30_000 }).toBeGreaterThan(500)
    expect(cspViolations).toEqual([])
    expect((page as Page & { errors: string[] }).errors).toEqual([])
  }, 240_000)
})
