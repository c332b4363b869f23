import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import type { Browser, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
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
const body = (page: Page) => page.locator('.report-body').first()
const sectionBox = (page: Page, title: string) =>
  body(page).locator(`h2.report-heading:text-is("${title}") + [data-testid="promise-box"]`)

/** What the DOCX says, paragraph by paragraph. */
function docxText(file: string): string {
  const xml = strFromU8(unzipSync(readFileSync(file))['word/document.xml']!)
  return [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map(match => match[1]).join('')
}

describe('last year’s promise stays in view until the section is marked done', () => {
  it('rolls the seed 人大 report forward, keeps the promise above what is typed, folds it when done, never prints it', async () => {
    const page = await newAppPage(browser, host.url)
    const dialog = await openRollForwardDialog(page, host.url, lastYearFile)
    await dialog.locator('[data-testid="rollforward-confirm"]').click()
    await body(page).waitFor()

    // One box per promised task, each right under its section heading, quoting last year's words.
    const boxes = body(page).locator('[data-testid="promise-box"]')
    await expect.poll(() => boxes.count()).toBe(4)
    const title = '以更实举措提升履职实效'
    const box = sectionBox(page, title)
    expect(await box.locator('.promise-label').textContent()).toBe('2023年报告承诺')
    const promised = (await box.locator('.promise-text').textContent())!
    expect(promised).toMatch(/^“以更实举措提升履职实效。围绕‘安居’工程建设/u)
    // A piece of the promise that is not the section title: it must never reach a printout.
    const fragment = promised.slice(promised.indexOf('。') + 1, promised.indexOf('。') + 13)

    // 在下面写, then type: the text goes under the box; the box stays, word for word.
    await box.locator('.promise-write').click()
    const written = '全年开展安置房建设专项视察3次，督促解决问题12个。'
    await page.keyboard.type(written)
    await expect.poll(() => body(page).textContent()).toContain(written)
    expect(await box.locator('.promise-text').textContent()).toBe(promised)
    expect(
      await box.evaluate(element => element.nextElementSibling?.textContent ?? ''),
      'the typed paragraph sits right under the box',
    ).toBe(written)
    // Backspace at the start of the paragraph joins it to the heading: the promise still stays with the section.
    // (A pause first, longer than the history's grouping delay, so that Ctrl+Z undoes the join alone.)
    await page.waitForTimeout(700)
    await page.keyboard.press('Home')
    await page.keyboard.press('Backspace')
    await expect.poll(() => boxes.count()).toBe(4)
    await page.keyboard.press('Control+z')
    await expect.poll(() => box.evaluate(element => element.nextElementSibling?.textContent ?? '')).toBe(written)
    await screenshot(page, 'promise-1-box-above-typed-text')

    // 已完成 folds the box to one line; undo opens it again.
    await box.locator('.promise-done').click()
    await expect.poll(() => box.getAttribute('data-done')).toBe('true')
    expect(await box.textContent()).toContain('✓ 已对照2023年报告的承诺写完')
    await screenshot(page, 'promise-2-marked-done')
    await page.keyboard.press('Control+z')
    await expect.poll(() => box.getAttribute('data-done')).toBe('false')
    await box.locator('.promise-done').click()
    await expect.poll(() => box.getAttribute('data-done')).toBe('true')
    const open = page.locator('[data-testid="checks-panel"] .finding[data-rule="STR-PLACEHOLDER"]', {
      hasText: '还没有标为已完成',
    })
    await expect.poll(() => open.count()).toBe(3)

    // 与去年对照: this year's side edits the report itself, with the promise box shown there too.
    await hostPost('/test/menu/library', {})
    const library = page.locator('[data-testid="library-panel"]')
    await library.waitFor()
    await library.locator('[data-testid="library-compare-tab"]').click()
    const compare = library.locator('[data-testid="compare-view"]')
    await compare.waitFor()
    const options = await compare.locator('[data-testid="compare-section"] option').allTextContents()
    const other = '以更优服务支持代表依法履职'
    await compare
      .locator('[data-testid="compare-section"]')
      .selectOption({ index: options.findIndex(text => text.trim() === other) })
    const pane = compare.locator('[data-testid="compare-pane"]')
    await expect
      .poll(() => pane.locator('[data-testid="promise-box"] .promise-text').textContent())
      .toMatch(/^“以更优服务/u)
    await expect
      .poll(() => compare.locator('[data-testid="compare-last-year"]').textContent())
      .toContain('拓展深化街道居民议事会制度')
    await pane.locator('.promise-write').click()
    // 在下面写 puts the caret into the pane's editor; type only once it has the focus (a loaded machine is slow to give it).
    await expect
      .poll(() =>
        pane.evaluate(element => element.contains(document.activeElement) && document.activeElement !== element),
      )
      .toBe(true)
    const inPane = '扩大街道居民议事会覆盖面，代表联络站全年接待群众1200人次。'
    await page.keyboard.type(inPane)
    await expect.poll(() => pane.textContent()).toContain(inPane)
    await screenshot(page, 'promise-3-compare-editable')
    await closeWithEscape(page, library)
    // Written into the real document: the editor shows it under that section's box.
    await expect
      .poll(() => sectionBox(page, other).evaluate(element => element.nextElementSibling?.textContent))
      .toBe(inPane)

    // Exported (a draft: the figures carried over are not yet confirmed), the promises are nowhere.
    await hostPost('/test/menu/export', {})
    const exportDialog = page.locator('[data-testid="export-dialog"]')
    await exportDialog.waitFor()
    await exportDialog.locator('input[name="version"][value="征求意见稿"]').check()
    const target = path.join(path.dirname(lastYearFile), '2024年报告（征求意见稿）.docx')
    await hostPost('/test/dialogs', { save: [target] })
    await expect.poll(() => exportDialog.locator('[data-testid="export-submit"]').isDisabled()).toBe(false)
    await exportDialog.locator('[data-testid="export-submit"]').click()
    await exportDialog.locator('[data-testid="export-result"]').waitFor()
    expect(existsSync(target)).toBe(true)
    const printed = docxText(target)
    expect(printed).toContain(written)
    expect(printed).toContain(inPane)
    expect(printed).toContain(title)
    expect(printed).not.toContain(fragment)
    expect(printed).not.toContain('报告承诺')
    expect((page as Page & { errors: string[] }).errors).toEqual([])
    await page.close()
  }, 240_000)
})
