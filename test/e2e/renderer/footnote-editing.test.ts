import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { footnotesOf } from '../../../core/document-model'
import { parseReportFile, serializeReportFile } from '../../../core/report-file'
import { footnoteText, richReport } from '../../fixtures/rich-content'
import type { HostProcess } from './renderer-harness'
import { newAppPage, screenshot, closeWithEscape } from './renderer-harness'
import { postToHost, useRendererApp } from './use-renderer-app'

let browser: Browser
let host: HostProcess
useRendererApp({}, app => ({ browser, host } = app))

const body = (page: Page) => page.locator('.report-body')
const notes = (page: Page) =>
  body(page)
    .locator('sup.footnote')
    .evaluateAll(nodes => nodes.map(node => node.getAttribute('data-text')))

async function savedNotes(page: Page, file: string): Promise<unknown[]> {
  await postToHost(host.url, '/test/dialogs', { save: [file] })
  await page.keyboard.press('Control+s')
  await expect.poll(() => page.locator('[data-testid="save-state"]').textContent()).toBe('已保存')
  const saved = parseReportFile(readFileSync(file, 'utf8'))
  if (!saved.ok) throw new Error(saved.message)
  return footnotesOf(saved.value.doc).map(node => node.attrs?.text)
}

function keepShot(file: string, name: string): void {
  mkdirSync('/work/notes/shots', { recursive: true })
  try {
    copyFileSync(file, `/work/notes/shots/${name}.png`)
  } catch {
    // the notes folder is the integrator's; the test's own copy stays under .tmp/screens
  }
}

describe('inserting and editing footnotes in the editor (issue 13)', () => {
  it('inserts with Ctrl+Alt+F, saves, edits on click in one undo step, removes an emptied note after asking', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'wrs-footnote-'))
    const file = path.join(folder, '脚注.wrs')
    writeFileSync(file, serializeReportFile(richReport()))
    const page = await newAppPage(browser, host.url)
    await page.locator('[data-testid="start-page"]').waitFor()
    await postToHost(host.url, '/test/dialogs', { open: [file] })
    await page.keyboard.press('Control+o')
    await expect.poll(() => body(page).textContent()).toContain('保障性住房')
    expect(await notes(page)).toEqual([footnoteText])

    // the caret at the end of a body paragraph
    const target = body(page).locator('p', { hasText: '一年来，共召开常委会会议' })
    await target.click()
    await target.evaluate(element => {
      const range = document.createRange()
      range.selectNodeContents(element)
      range.collapse(false)
      document.getSelection()!.removeAllRanges()
      document.getSelection()!.addRange(range)
    })
    await page.keyboard.press('Control+Alt+f')
    const dialog = page.locator('[data-testid="footnote-dialog"]')
    await dialog.waitFor()
    expect(await dialog.locator('h2, [role="heading"]').first().textContent()).toBe('插入脚注')
    await page.keyboard.insertText('据区统计局2023年快报数。')
    keepShot(await screenshot(page, 'footnote-ui-1-insert-dialog'), 'footnote-ui-1-insert-dialog')
    await page.keyboard.press('Enter')
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(() => notes(page)).toContain('据区统计局2023年快报数。')
    const inserted = (await notes(page)).indexOf('据区统计局2023年快报数。')
    expect(await target.locator('sup.footnote').getAttribute('data-text')).toBe('据区统计局2023年快报数。')
    expect(await savedNotes(page, file)).toContain('据区统计局2023年快报数。')

    // Click the number: the same dialog edits the text.
    await target.locator('sup.footnote').click()
    await dialog.waitFor()
    expect(await dialog.locator('h2, [role="heading"]').first().textContent()).toBe('编辑脚注')
    const field = dialog.locator('[data-testid="footnote-text"]')
    expect(await field.inputValue()).toBe('据区统计局2023年快报数。')
    await field.fill('据区统计局2023年年报数。')
    keepShot(await screenshot(page, 'footnote-ui-2-edit-dialog'), 'footnote-ui-2-edit-dialog')
    await dialog.locator('button[type="submit"]').click()
    await dialog.waitFor({ state: 'detached' })
    await expect.poll(async () => (await notes(page))[inserted]).toBe('据区统计局2023年年报数。')
    expect(await savedNotes(page, file)).toContain('据区统计局2023年年报数。')

    // One undo step brings back the old text (not an empty or missing note).
    await page.keyboard.press('Control+z')
    await expect.poll(async () => (await notes(page))[inserted]).toBe('据区统计局2023年快报数。')
    expect((await notes(page)).length).toBe(2)

    // Emptying the text asks, then removes the note.
    await target.locator('sup.footnote').click()
    await dialog.waitFor()
    await dialog.locator('[data-testid="footnote-text"]').fill('')
    await dialog.locator('button[type="submit"]').click()
    const ask = page.locator('[data-testid="footnote-remove-dialog"]')
    await ask.waitFor()
    keepShot(await screenshot(page, 'footnote-ui-3-remove-ask'), 'footnote-ui-3-remove-ask')
    await ask.locator('button.primary').click()
    await expect.poll(() => notes(page)).toEqual([footnoteText])
    await page.keyboard.press('Control+z')
    await expect.poll(() => notes(page)).toContain('据区统计局2023年快报数。')

    // Enter on a selected note opens it for editing.
    await target.locator('sup.footnote').click()
    await dialog.waitFor()
    await closeWithEscape(page, dialog)
    await page.keyboard.press('Enter')
    await dialog.waitFor()
    expect(await dialog.locator('h2, [role="heading"]').first().textContent()).toBe('编辑脚注')
    await closeWithEscape(page, dialog)
    expect((await notes(page)).sort()).toEqual(['据区统计局2023年快报数。', footnoteText].sort())

    // The toolbar button and the right-click entry insert.
    await target.click({ position: { x: 4, y: 4 } })
    await page.locator('button[data-command="insertFootnote"]').click()
    await dialog.waitFor()
    expect(await dialog.locator('h2, [role="heading"]').first().textContent()).toBe('插入脚注')
    await closeWithEscape(page, dialog)
    await target.click({ button: 'right', position: { x: 4, y: 4 } })
    await page.locator('[data-menu-item="insertFootnote"]').click()
    await dialog.waitFor()
    expect(await dialog.locator('h2, [role="heading"]').first().textContent()).toBe('插入脚注')
    await page.keyboard.insertText('右键插入的注。')
    await page.keyboard.press('Enter')
    await expect
      .poll(async () => (await notes(page)).sort())
      .toEqual(['右键插入的注。', '据区统计局2023年快报数。', footnoteText].sort())
    expect(await target.locator('sup.footnote').first().getAttribute('data-text')).toBe('右键插入的注。')
    await page.close()
  })
})
