import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { serializeReportFile } from '../../../core/report-file'
import { richReport } from '../../fixtures/rich-content'
import type { HostProcess } from './renderer-harness'
import { newAppPage, screenshot } from './renderer-harness'
import { postToHost, useRendererApp } from './use-renderer-app'

let browser: Browser
let host: HostProcess
useRendererApp({}, app => ({ browser, host } = app))

const body = (page: Page) => page.locator('.report-body')

/** Word's clipboard with two pictures: each as VML in a comment and an <img> fallback. */
const wordClipboard = `<html xmlns:v="urn:schemas-microsoft-com:vml"><body><!--StartFragment-->
<p class=MsoNormal>全年新建口袋公园12个，如下图所示。</p>
<p class=MsoNormal><!--[if gte vml 1]><v:shape><v:imagedata src="file:///C:/clip_image001.png"/></v:shape><![endif]--><![if !vml]><img width=200 height=120 src="file:///C:/clip_image001.png"><![endif]></p>
<p class=MsoNormal><!--[if gte vml 1]><v:shape><v:imagedata src="file:///C:/clip_image002.png"/></v:shape><![endif]--><![if !vml]><img width=200 height=120 src="file:///C:/clip_image002.png"><![endif]>城市绿化覆盖率达到43%。</p>
<!--EndFragment--></body></html>`

describe('pasting pictures', () => {
  it('pastes the text, leaves the pictures out and says so in a notice', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'wrs-paste-images-')), '配图.wrs')
    writeFileSync(file, serializeReportFile(richReport()))
    const page = await newAppPage(browser, host.url)
    await page.locator('[data-testid="start-page"]').waitFor()
    await postToHost(host.url, '/test/dialogs', { open: [file] })
    await page.keyboard.press('Control+o')
    await expect.poll(() => body(page).textContent()).toContain('保障性住房')
    const target = body(page).locator('p', { hasText: '一年来，共召开常委会会议' })
    await target.click()

    await page.evaluate(clipboard => {
      const data = new DataTransfer()
      data.setData('text/html', clipboard)
      data.setData('text/plain', '全年新建口袋公园12个，如下图所示。\n城市绿化覆盖率达到43%。')
      document
        .querySelector('.report-body')!
        .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    }, wordClipboard)
    await expect.poll(() => body(page).textContent()).toContain('城市绿化覆盖率达到43%。')
    const banner = page.locator('[data-testid="error-banner"] .notice')
    await banner.waitFor()
    expect(await banner.locator('span').textContent()).toBe(
      '粘贴的内容含 2 张图片，工作报告不含图片，已略去；文字已粘贴。如需配图，请在导出的 Word 文档中插入。',
    )
    // ProseMirror's own separator images aside (it draws one after a trailing hard break)
    expect(await body(page).locator('img:not(.ProseMirror-separator)').count()).toBe(0)
    await screenshot(page, 'paste-images-1-notice')
    await banner.locator('button').click()
    await banner.waitFor({ state: 'detached' })

    // a picture alone on the clipboard (a screenshot): nothing pasted, and the notice says that
    const before = await body(page).textContent()
    await page.evaluate(() => {
      const data = new DataTransfer()
      data.items.add(new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], 'screenshot.png', { type: 'image/png' }))
      document
        .querySelector('.report-body')!
        .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    })
    await banner.waitFor()
    expect(await banner.locator('span').textContent()).toBe(
      '粘贴的内容是 1 张图片，工作报告不含图片，未粘贴任何内容。如需配图，请在导出的 Word 文档中插入。',
    )
    expect(await body(page).textContent()).toBe(before)
    expect((page as Page & { errors: string[] }).errors).toEqual([])
    await page.close()
  }, 120_000)
})
