import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { numberedListsDocx } from '../../fixtures/numbered-lists-docx'
import type { HostProcess } from './renderer-harness'
import { newAppPage, screenshot } from './renderer-harness'
import { postToHost, useRendererApp } from './use-renderer-app'

let browser: Browser
let host: HostProcess
useRendererApp({}, app => ({ browser, host } = app))

describe('importing a DOCX with Word numbered lists', () => {
  it('shows each list with the numbers Word printed (start, 中文 numbers, ①), bullets as bullets', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'wrs-import-lists-')), '人大报告编号列表.docx')
    writeFileSync(file, await numberedListsDocx())
    const page: Page = await newAppPage(browser, host.url)
    await page.locator('[data-testid="start-page"]').waitFor()
    await postToHost(host.url, '/test/dialogs', { open: [file] })
    await postToHost(host.url, '/test/menu/import', {})
    const body = page.locator('.report-body')
    const dialog = page.locator('[data-testid="import-dialog"]')
    await Promise.race([body.waitFor(), dialog.waitFor()])
    if (await dialog.isVisible()) await dialog.locator('.choice-list button').first().click()
    await body.waitFor()
    const items = () =>
      body
        .locator('ol > li')
        .evaluateAll(nodes => nodes.map(node => `${node.getAttribute('data-marker')}${node.textContent}`))
    await expect
      .poll(items)
      .toEqual([
        '3.召开常委会会议11次。',
        '4.听取审议专项工作报告10项。',
        '（一）聚焦经济运行开展监督。',
        '（二）聚焦民生实事开展监督。',
        '（三）聚焦生态环境开展监督。',
        '1、走访代表112人次。',
        '2、办理建议56件。',
        '3、组织代表视察8次。',
        '1、完善议事规则。',
        '①修订常委会组成人员守则。',
        '②修订代表建议办理办法。',
      ])
    // what the page shows as the marker is that attribute
    const shown = await body
      .locator('ol > li')
      .nth(2)
      .evaluate(node => getComputedStyle(node, '::marker').content)
    expect(shown).toContain('（一）')
    expect(await body.locator('ul > li').count()).toBe(2)
    await body.locator('ol').first().scrollIntoViewIfNeeded()
    await screenshot(page, 'import-lists-1-editor')
    expect((page as Page & { errors: string[] }).errors).toEqual([])
    await page.close()
  }, 120_000)
})
