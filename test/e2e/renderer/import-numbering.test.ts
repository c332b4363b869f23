import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { numberingGapSource } from '../../fixtures/numbering-gap-source'
import type { HostProcess } from './renderer-harness'
import { newAppPage, screenshot } from './renderer-harness'
import { postToHost, useRendererApp } from './use-renderer-app'

let browser: Browser
let host: HostProcess
useRendererApp({}, app => ({ browser, host } = app))

/** A clerk's draft whose themes skip （三）, and whose tasks open with three lead sentences. */
const source = numberingGapSource([
  '紧盯经济运行强化监督。听取审议计划执行情况的报告，督促政府落实惠企政策。',
  '紧盯民生实事强化监督。听取审议民生实事项目进展情况的报告，推动项目按期完成。',
  '紧盯生态环境强化监督。听取审议环境状况和环境保护目标完成情况的报告。',
])

describe('importing a report whose numbering has a gap', () => {
  it('names the gap, keeps a 序号不连续 finding on the heading until 确认编号, and invents no numbers', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'wrs-import-numbering-')), '人大报告初稿.md')
    writeFileSync(file, source)
    const page: Page = await newAppPage(browser, host.url)
    await page.locator('[data-testid="start-page"]').waitFor()
    await postToHost(host.url, '/test/dialogs', { open: [file] })
    await postToHost(host.url, '/test/menu/import', {})
    const dialog = page.locator('[data-testid="import-dialog"]')
    await dialog.waitFor()
    expect(await dialog.locator('.notes').textContent()).toContain('“（四）加强代表工作”前缺少“（三）”')
    await screenshot(page, 'import-numbering-1-notice')
    await dialog.locator('.choice-list button').first().click()

    const body = page.locator('.report-body')
    await body.waitFor()
    const markers = () =>
      body
        .locator('.report-heading')
        .evaluateAll(nodes => nodes.map(node => (node.getAttribute('data-marker') ?? '') + node.textContent))
    await expect
      .poll(markers)
      .toEqual([
        '一、2023年主要工作',
        '（一）坚持党的全面领导',
        '（二）依法履行监督职责',
        '（三）加强代表工作',
        '二、2024年主要任务',
      ])
    // the lead sentences are paragraphs: no heading, no number
    expect(await body.locator('p', { hasText: '紧盯民生实事强化监督。' }).count()).toBe(1)

    const group = page.locator('[data-testid="checks-panel"] .rule-group[data-rule="TXT-SEQ-CONT"]')
    await group.waitFor()
    expect(await group.locator('.finding .message').textContent()).toContain('现按顺序编为“（三）”')
    const confirm = group.locator('button.fix')
    expect(await confirm.textContent()).toBe('确认编号')
    await confirm.scrollIntoViewIfNeeded()
    await screenshot(page, 'import-numbering-2-finding')
    await confirm.click()
    await expect.poll(() => group.count()).toBe(0)
    expect(await markers()).toContain('（三）加强代表工作')
    await screenshot(page, 'import-numbering-3-confirmed')
    await body.locator('p').first().click()
    await page.keyboard.press('Control+z')
    await expect.poll(() => group.count()).toBe(1)
    expect((page as Page & { errors: string[] }).errors).toEqual([])
    await page.close()
  }, 120_000)
})
