import type { Browser } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { HostProcess } from './renderer-harness'
import { createReport, newAppPage, screenshot } from './renderer-harness'
import { postToHost, useRendererApp } from './use-renderer-app'

let browser: Browser
let host: HostProcess
useRendererApp({ hostPer: 'file' }, app => ({ browser, host } = app))

describe('print (Ctrl+P) of a 正式稿 with errors (Chromium against the test host)', () => {
  it('opens on a draft label saying why; a 正式稿 print is refused with the list of errors, each leading to its place', async () => {
    const page = await newAppPage(browser, host.url)
    await page.locator('[data-testid="start-page"]').waitFor()
    await createReport(page, 'npc')
    await postToHost(host.url, '/test/menu/print', {})
    const dialog = page.locator('[data-testid="print-dialog"]')
    const submit = dialog.locator('[data-testid="print-submit"]')
    // It opens on a label that may be printed, and says why it is not 正式稿.
    await expect.poll(() => dialog.locator('select').inputValue(), { timeout: 60_000 }).toBe('征求意见稿')
    expect(await dialog.locator('[data-testid="print-opened-as-draft"]').textContent()).toMatch(
      /检查发现 \d+ 个错误，正式稿不能打印，所以预览的是征求意见稿/,
    )
    await screenshot(page, 'print-opened-as-draft')
    // 正式稿 chosen all the same: previewed, but the print is refused.
    await dialog.locator('select').selectOption('')
    expect(await dialog.locator('[data-testid="print-opened-as-draft"]').count()).toBe(0)
    await expect.poll(() => submit.isDisabled(), { timeout: 60_000 }).toBe(false)
    await submit.click()
    const blocking = dialog.locator('[data-testid="export-blocking"]')
    await blocking.waitFor()
    expect(await blocking.locator('p').textContent()).toContain('正式稿要求检查没有错误，不能打印')
    const items = blocking.locator('li')
    expect(await items.count()).toBeGreaterThan(0)
    await screenshot(page, 'print-refused')

    // A finding leads to its place: the dialog closes and the editor holds the selection.
    await items.first().locator('button').click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => page.evaluate(() => (window.getSelection()?.toString() ?? '').length)).toBeGreaterThan(0)

    // Choosing a draft clears the list (the host has no printer: it says to print from a PDF instead).
    await postToHost(host.url, '/test/menu/print', {})
    await dialog.waitFor()
    await dialog.locator('select').selectOption('征求意见稿')
    await expect.poll(() => submit.isDisabled(), { timeout: 60_000 }).toBe(false)
    await submit.click()
    await expect.poll(() => dialog.locator('.export-problem').textContent()).toContain('PDF')
    expect(await dialog.locator('[data-testid="export-blocking"]').count()).toBe(0)
  }, 180_000)
})
