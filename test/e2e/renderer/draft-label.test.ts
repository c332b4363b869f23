import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { HostProcess } from './renderer-harness'
import { screenshot } from './renderer-harness'
import { postToHost, useRendererApp } from './use-renderer-app'

let browser: Browser
let host: HostProcess
let page: Page
useRendererApp({ template: 'npc' }, app => ({ browser, host, page } = app))

describe('the status suffix typed after the title (Chromium against the test host)', () => {
  it('moves to 稿别 in 报告信息, leaves the title, and the export dialog starts on it', async () => {
    expect(browser).toBeDefined()
    const title = page.locator('[data-type="report-title"]')
    const before = (await title.textContent()) ?? ''
    await title.click()
    await page.keyboard.press('End')
    await page.keyboard.type('（征求意见稿）')

    await page.getByRole('tab', { name: '报告信息' }).click()
    const label = page.locator('[data-testid="meta-panel"] select[name="draftLabel"]')
    await expect.poll(() => label.inputValue(), { timeout: 5000 }).toBe('征求意见稿')
    await expect.poll(() => title.textContent()).toBe(before)
    const titleField = page.locator('[data-testid="meta-panel"] label', { hasText: '标题' }).locator('input')
    expect(await titleField.inputValue()).toBe(before)
    await screenshot(page, 'draft-label-1-meta-panel')

    await postToHost(host.url, '/test/menu/export', {})
    const dialog = page.locator('[data-testid="export-dialog"]')
    await dialog.waitFor()
    expect(await dialog.locator('input[name="version"][value="征求意见稿"]').isChecked()).toBe(true)
    expect(await dialog.locator('input[name="version"]').count()).toBe(3)
    await screenshot(page, 'draft-label-2-export-dialog')

    // a label chosen in 稿别 is where the next export starts
    await dialog.locator('button', { hasText: '关闭' }).click()
    await dialog.waitFor({ state: 'detached' })
    await label.selectOption('讨论稿')
    await postToHost(host.url, '/test/menu/export', {})
    await dialog.waitFor()
    expect(await dialog.locator('input[name="version"][value="讨论稿"]').isChecked()).toBe(true)
    expect((page as Page & { errors: string[] }).errors).toEqual([])
  })
})
