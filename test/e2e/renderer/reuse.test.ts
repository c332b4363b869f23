import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseReportFile } from '../../../core/report-file'
import type { HostProcess } from './renderer-harness'
import { newAppPage, screenshot, closeWithEscape } from './renderer-harness'
import { writeSeedLastYear } from './seed-last-year'
import { postToHost, useRendererApp } from './use-renderer-app'
import { openRollForwardDialog } from '../../helpers/open-roll-forward-dialog'

let browser: Browser
let host: HostProcess
let lastYearFile: string
useRendererApp({ hostPer: 'file' }, app => ({ browser, host } = app))

beforeAll(() => {
  lastYearFile = writeSeedLastYear()
})

const hostPost = (route: string, body: unknown) => postToHost(host.url, route, body)

const editorBody = (page: Page) => page.locator('.report-body')

/** Word's clipboard HTML with the usual Office noise and hostile additions. */
const wordClipboard = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{mso-style-parent:""}</style><script>window.__pwned = 1</script></head>
<body><!--StartFragment--><p class=MsoNormal style='mso-outline-level:2'><span style='font-family:楷体'>（一）坚持依法监督<o:p></o:p></span></p>
<p class=MsoNormal onclick="window.__pwned = 2">全年开展执法检查<b>4</b>次。<img src=x onerror="window.__pwned = 3"><a href="javascript:window.__pwned = 4">详见附件</a></p><!--EndFragment--></body></html>`

describe('reuse in the renderer (Chromium against the test host)', () => {
  it('rolls forward from the start page, searches the library, inserts a section, compares and pastes from Word', async () => {
    const page = await newAppPage(browser, host.url)
    const dialog = await openRollForwardDialog(page, host.url, lastYearFile)
    expect(await dialog.locator('input[name="meetingName"]').inputValue()).toBe('二七区第十七届人民代表大会第四次会议')
    expect(await dialog.locator('input[name="date"]').inputValue()).toBe('2024-02-27')
    const skeleton = await dialog.locator('[data-testid="rollforward-preview"] li').allTextContents()
    expect(skeleton).toEqual([
      '以更高政治站位推动党的二十大精神落地落细',
      '以更实举措提升履职实效',
      '以更优服务支持代表依法履职',
      '以更高标准加强自身建设',
    ])
    await dialog.locator('input[name="date"]').fill('2024-01-16')
    await screenshot(page, 'reuse-1-rollforward-dialog')
    await dialog.locator('[data-testid="rollforward-confirm"]').click()

    await editorBody(page).waitFor()
    await expect
      .poll(() => editorBody(page).locator('h1.report-heading').allTextContents())
      .toEqual(['2023年主要工作', '2024年主要任务'])
    expect(await editorBody(page).locator('h2.report-heading').allTextContents()).toEqual(skeleton)
    // Each review section shows last year's promise under its heading (a box, not text of the report).
    const promises = await editorBody(page).locator('[data-testid="promise-box"] .promise-label').allTextContents()
    expect(promises).toEqual(Array(4).fill('2023年报告承诺'))
    expect(await editorBody(page).locator('[data-type="report-subtitle"]').first().textContent()).toContain(
      '2024年1月16日在二七区第十七届人民代表大会第四次会议上',
    )
    await screenshot(page, 'reuse-2-rolled-forward')

    // Paste from Word onto the tasks part's guidance: reduced to the editor schema, nothing of the markup survives.
    await editorBody(page).locator('.guidance .guidance-text').last().click()
    await page.evaluate(html => {
      const data = new DataTransfer()
      data.setData('text/html', html)
      data.setData('text/plain', '（一）坚持依法监督\n全年开展执法检查4次。详见附件')
      document
        .querySelector('.report-body')!
        .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    }, wordClipboard)
    // the report has year parts, where `（一）` is level 3: the number as written decides the level, as on import
    await expect
      .poll(() =>
        editorBody(page)
          .locator('h3.report-heading')
          .evaluateAll(nodes => nodes.map(node => (node.getAttribute('data-marker') ?? '') + node.textContent)),
      )
      .toContain('（一）坚持依法监督')
    // The document's own markup: without ProseMirror's drawing aids (widgets such as the page view's gaps, and the
    // <img class="ProseMirror-separator"> it puts after a widget that ends a text block), which no paste brought.
    const pasted = await editorBody(page).evaluate(element => {
      const copy = element.cloneNode(true) as HTMLElement
      copy.querySelectorAll('.ProseMirror-widget, img.ProseMirror-separator').forEach(node => node.remove())
      return copy.innerHTML
    })
    for (const bad of [
      '<img',
      'onerror',
      'onclick',
      'javascript:',
      'mso-',
      'MsoNormal',
      '<o:p',
      '<script',
      'font-family',
    ])
      expect(pasted).not.toContain(bad)
    expect(pasted).toContain('全年开展执法检查<strong>4</strong>次。详见附件')
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    await screenshot(page, 'reuse-3-pasted')

    // The library now holds last year's report: search words, preview, insert at the cursor (end of the pasted text).
    await editorBody(page).locator('p', { hasText: '全年开展执法检查' }).click()
    await page.keyboard.press('End')
    const marksBefore = await editorBody(page).locator('mark.needs-review').count()
    await hostPost('/test/menu/library', {})
    const library = page.locator('[data-testid="library-panel"]')
    await library.waitFor()
    const search = async (words: string) => {
      await library.locator('input[name="query"]').fill(words)
      await library.locator('button[type="submit"]').click()
    }
    const hits = library.locator('[data-testid="library-hits"] li button')
    await search('安置房')
    await expect.poll(() => hits.count()).toBe(2)
    expect(await library.locator('[data-testid="library-hits"] h3').allTextContents()).toEqual([
      '二七区 · 人大常委会工作报告 · 2023年',
    ])
    expect((await hits.allTextContents()).every(text => text.includes('安置房'))).toBe(true)
    await search('视察 专题调研')
    await expect.poll(() => hits.allTextContents()).toEqual([expect.stringMatching(/^紧紧围绕中心服务大局/)])
    // Every search word is highlighted, not only the first.
    const marked = await hits.first().locator('mark').allTextContents()
    expect(new Set(marked)).toEqual(new Set(['视察', '专题调研']))
    await hits.first().click()
    const preview = library.locator('[data-testid="library-preview"]')
    await preview.waitFor()
    expect(await preview.textContent()).toContain('累计召开常委会会议8次')
    expect(await preview.locator('mark.needs-review').allTextContents()).toEqual(['8', '10', '12', '31', '4'])
    await screenshot(page, 'reuse-4-library-search')
    await library.locator('[data-testid="library-insert"]').click()
    await expect.poll(() => library.locator('[role="status"]').textContent()).toContain('已插入“紧紧围绕中心服务大局”')

    // Last year's section beside this year's.
    await library.locator('[data-testid="library-compare-tab"]').click()
    const compare = library.locator('[data-testid="compare-view"]')
    await compare.waitFor()
    const options = await compare.locator('[data-testid="compare-section"] option').allTextContents()
    await compare
      .locator('[data-testid="compare-section"]')
      .selectOption({ index: options.findIndex(text => text.trim() === '以更优服务支持代表依法履职') })
    await expect
      .poll(() => compare.locator('[data-testid="compare-last-year"]').textContent())
      .toContain('拓展深化街道居民议事会制度')
    expect(await compare.locator('[data-testid="compare-this-year"]').textContent()).toContain('2023年报告承诺')
    await screenshot(page, 'reuse-5-compare')
    await closeWithEscape(page, library)

    expect(await editorBody(page).locator('h2.report-heading').allTextContents()).toEqual([
      ...skeleton,
      '紧紧围绕中心服务大局',
    ])
    expect(await editorBody(page).locator('h3.report-heading').allTextContents()).toContain('坚持依法监督')
    await expect.poll(() => editorBody(page).locator('mark.needs-review').count()).toBe(marksBefore + 5)
    await screenshot(page, 'reuse-6-inserted')

    // Saved, the report records where the inserted section came from.
    const saved = path.join(path.dirname(lastYearFile), '2024年人大常委会工作报告.wrs')
    await hostPost('/test/dialogs', { save: [saved] })
    await hostPost('/test/menu/save', {})
    await expect.poll(() => existsSync(saved)).toBe(true)
    const report = parseReportFile(readFileSync(saved, 'utf8'))
    if (!report.ok) throw new Error(report.message)
    expect(report.value.meta.planYear).toBe(2024)
    expect(report.value.provenance.filter(entry => entry.kind === 'rollforward').length).toBeGreaterThanOrEqual(4)
    expect(report.value.provenance.find(entry => entry.kind === 'library')).toMatchObject({
      target: '紧紧围绕中心服务大局',
      sourceYear: 2023,
      sourceFile: lastYearFile,
    })
    expect((page as Page & { errors: string[] }).errors).toEqual([])
  })
})
