import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { closeWithEscape, screenshot } from './renderer-harness'
import { postToHost, useRendererApp, type RendererApp } from './use-renderer-app'

let app: RendererApp
useRendererApp({ hostPer: 'file', template: 'npc' }, opened => (app = opened))
const outputs = mkdtempSync(path.join(os.tmpdir(), 'wrs-shell-e2e-'))
afterAll(() => rmSync(outputs, { recursive: true, force: true }))

const body = (page: Page) => page.locator('.report-body')
const menu = (page: Page) => page.locator('[data-testid="editor-context-menu"]')
const hostState = async () =>
  (await (await fetch(new URL('/test/state', app.host.url))).json()) as {
    window: { title: string; language: string } | null
    desktop: Array<{ how: string; path: string }>
  }

/**
 * Right-clicks the paragraph holding `text`: on its first character, or just after its last one (a right-click moves
 * a collapsed cursor to where it lands, as in Word, so the spot must not depend on the zoom or the indent).
 */
async function rightClickOn(page: Page, text: string, where: 'start' | 'end' = 'start'): Promise<void> {
  const paragraph = body(page).locator('p', { hasText: text }).first()
  const spot = await paragraph.evaluate((element, end) => {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
    const texts: Text[] = []
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      if ((node as Text).length) texts.push(node as Text)
    const node = end ? texts.at(-1)! : texts[0]!
    const range = document.createRange()
    range.setStart(node, end ? node.length - 1 : 0)
    range.setEnd(node, end ? node.length : 1)
    const rect = [...range.getClientRects()].at(-1)!
    return { x: end ? rect.right - 1 : rect.left + 1, y: rect.top + rect.height / 2 }
  }, where === 'end')
  await page.mouse.click(spot.x, spot.y, { button: 'right' })
  await menu(page).waitFor()
}

describe('the shell a WPS/Word user expects (Chromium against the test host)', () => {
  it('shows the file name and an unsaved mark in the title, and a right-click menu that copies, pastes plain text and sets heading levels', async () => {
    const { page } = app
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.host.url })
    await expect.poll(() => page.title()).toMatch(/工作报告 — 工作报告编写器$/)

    const guidance = body(page).locator('.guidance')
    const before = await guidance.count()
    await guidance.locator('.guidance-replace').first().click()
    await expect.poll(() => guidance.count()).toBe(before - 1)
    const sentence = '全年召开常委会会议十二次。'
    await page.keyboard.insertText(sentence)
    await expect.poll(() => page.title()).toMatch(/工作报告\* — 工作报告编写器$/)
    await expect.poll(async () => (await hostState()).window?.title).toBe(await page.title())

    // Select the sentence and copy it from the right-click menu.
    await page.keyboard.press('Shift+Home')
    await rightClickOn(page, sentence)
    const labels = await menu(page).locator('[role="menuitem"]').allTextContents()
    for (const label of [
      '剪切',
      '复制',
      '粘贴',
      '粘贴为纯文本',
      '正文',
      '一级标题 一、',
      '二级标题 （一）',
      '添加批注',
    ])
      expect(
        labels.some(each => each.startsWith(label)),
        label,
      ).toBe(true)
    await screenshot(page, 'shell-context-menu')
    await menu(page).locator('[data-menu-item="copy"]').click()
    await menu(page).waitFor({ state: 'detached' })
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(sentence)

    // 粘贴为纯文本 at the end of the paragraph: main reads the system clipboard (faked by the host here, with the
    // text in bold as HTML); the text comes in once more, without the bold.
    await postToHost(app.host.url, '/test/clipboard', { text: sentence, html: `<p><strong>${sentence}</strong></p>` })
    await page.keyboard.press('End')
    await rightClickOn(page, sentence, 'end')
    await menu(page).locator('[data-menu-item="pastePlain"]').click()
    await expect
      .poll(
        () =>
          body(page)
            .locator('p', { hasText: sentence + sentence })
            .count(),
        // main reads the clipboard over IPC: under a loaded CI machine that round trip can take over a second
        { timeout: 10_000 },
      )
      .toBe(1)
    expect(
      await body(page)
        .locator('p', { hasText: sentence + sentence })
        .locator('strong')
        .count(),
    ).toBe(0)

    // A heading level from the menu: named after its printed marker, applied to the paragraph clicked.
    const headings = await body(page).locator('h2.report-heading').count()
    await rightClickOn(page, sentence)
    await menu(page).locator('[data-menu-item="heading2"]').click()
    await expect.poll(() => body(page).locator('h2.report-heading').count()).toBe(headings + 1)
    expect(await page.locator('[data-command="heading2"]').getAttribute('title')).toBe('二级标题 （一） (Ctrl+Alt+2)')
    await page.keyboard.press('Control+z')
    await expect.poll(() => body(page).locator('h2.report-heading').count()).toBe(headings)

    // Saved: the title shows the file name without the mark.
    const target = path.join(outputs, '2024年工作报告.wrs')
    await postToHost(app.host.url, '/test/dialogs', { save: [target] })
    await page.keyboard.press('Control+s')
    await expect.poll(() => page.title()).toBe('2024年工作报告.wrs — 工作报告编写器')
  })

  it('offers 打开文件 and 打开所在文件夹 after an export, and opens only through main', async () => {
    const { page } = app
    await postToHost(app.host.url, '/test/menu/export', {})
    const dialog = page.locator('[data-testid="export-dialog"]')
    await dialog.waitFor()
    await dialog.locator('input[name="version"][value="征求意见稿"]').check()
    const target = path.join(outputs, '征求意见稿.docx')
    await postToHost(app.host.url, '/test/dialogs', { save: [target] })
    await dialog.locator('[data-testid="export-submit"]').click()
    await dialog.locator('[data-testid="export-result"]').waitFor({ timeout: 60_000 })
    await dialog.locator('[data-testid="export-open-file"]').click()
    await dialog.locator('[data-testid="export-open-folder"]').click()
    await expect
      .poll(async () => (await hostState()).desktop)
      .toEqual([
        { how: 'file', path: target },
        { how: 'folder', path: target },
      ])
    await screenshot(page, 'shell-export-open')
    await closeWithEscape(page, dialog)
  })

  it('reaches 往年报告库 and 由上年报告生成 from the toolbar', async () => {
    const { page } = app
    await page.locator('[data-command="library"]').click()
    await page.locator('[data-testid="library-panel"]').waitFor()
    await closeWithEscape(page, page.locator('[data-testid="library-panel"]'))
    await page.locator('[data-command="rollForward"]').click()
    await page.locator('[data-testid="rollforward-dialog"]').waitFor()
    await screenshot(page, 'shell-toolbar-rollforward')
    await closeWithEscape(page, page.locator('[data-testid="rollforward-dialog"]'))
    expect((page as Page & { errors: string[] }).errors).toEqual([])
  })

  it('speaks English in the checks, the menu and the title once switched', async () => {
    const { page } = app
    await page.locator('[data-command="language"]').click()
    await expect.poll(async () => (await hostState()).window?.language).toBe('en')
    expect((await hostState()).window?.title).toMatch(/ — Work Report Studio$/)
    const message = page.locator('.checks-panel .finding .message').first()
    await expect.poll(() => message.textContent()).toMatch(/[A-Za-z]+.*\.$/)
    expect(await page.locator('[data-command="heading1"]').getAttribute('title')).toBe('Heading 1 一、 (Ctrl+Alt+1)')
    await screenshot(page, 'shell-english')
    await page.locator('[data-command="language"]').click()
    await expect.poll(async () => (await hostState()).window?.language).toBe('zh-CN')
  })
})
