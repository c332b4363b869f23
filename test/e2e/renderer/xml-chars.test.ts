import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { screenshot } from './renderer-harness'
import { useRendererApp } from './use-renderer-app'

let page: Page
useRendererApp({ template: 'npc' }, app => ({ page } = app))

const body = () => page.locator('.report-body')

describe('characters no Word file may hold, in the editor', () => {
  it('are flagged by TXT-XML-CHAR as they are typed, and its fix removes them', async () => {
    await body().locator('.guidance .guidance-replace').first().click()
    await page.keyboard.insertText('全年召开常委会会议\uffff11次，审议议题42项。')
    const group = page.locator('[data-testid="checks-panel"] .rule-group[data-rule="TXT-XML-CHAR"]')
    await group.waitFor()
    const message = group.locator('.finding .message').first()
    await expect.poll(() => message.textContent()).toContain('U+FFFF')
    await group.scrollIntoViewIfNeeded()
    await screenshot(page, 'xml-char-finding')
    await group.locator('.finding .fix').first().click()
    await expect.poll(() => body().textContent()).toContain('全年召开常委会会议11次，审议议题42项。')
    await expect.poll(() => group.count()).toBe(0)
  })
})
