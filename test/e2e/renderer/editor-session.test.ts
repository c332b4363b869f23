import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { parseReportFile } from '../../../core/report-file'
import type { HostProcess } from './renderer-harness'
import { createReport, newAppPage, screenshot, startHostProcess } from './renderer-harness'
import { postToHost as hostPost, useRendererApp } from './use-renderer-app'

let browser: Browser
let host: HostProcess
// A fresh host (and user data folder) per test: recovery snapshots of one test's unsaved reports
// would otherwise be offered to the next.
useRendererApp({}, app => ({ browser, host } = app))
// A test that starts hosts of its own leaves the last one in `host`.
afterEach(() => host?.stop())

const body = (page: Page) => page.locator('.report-body')

/** Clicks the 替换 button of the first guidance placeholder after the heading titled `heading` and types `text`. */
async function writeInto(page: Page, text: string): Promise<void> {
  const guidance = body(page).locator('.guidance')
  const before = await guidance.count()
  await guidance.locator('.guidance-replace').first().click()
  // The placeholder must be gone (and the caret in its paragraph) before typing.
  await expect.poll(() => guidance.count()).toBe(before - 1)
  await page.keyboard.insertText(text)
}

async function outlineMissing(page: Page) {
  return page.locator('[data-testid="outline-missing"]')
}

describe('renderer in Chromium against the test host', () => {
  it('creates a report from each template with numbered headings and guidance, and takes Chinese text', async () => {
    const page = await newAppPage(browser, host.url)
    await page.locator('[data-testid="start-page"]').waitFor()
    const options = await page
      .locator('select[name="templateId"] option')
      .evaluateAll(nodes => nodes.map(node => (node as HTMLOptionElement).value))
    expect(options).toEqual(expect.arrayContaining(['npc', 'cppcc', 'gov', 'summary']))
    await screenshot(page, 'start-page')
    for (const templateId of ['npc', 'cppcc', 'gov', 'summary']) {
      // A fresh host each time: the last report's recovery snapshot would otherwise be offered.
      await page.goto('about:blank')
      await host.stop()
      host = await startHostProcess()
      await page.goto(host.url)
      await createReport(page, templateId)
      await expect.poll(() => body(page).locator('.guidance').count()).toBeGreaterThan(0)
      const markers = await body(page)
        .locator('h1.report-heading')
        .evaluateAll(nodes => nodes.map(node => node.getAttribute('data-marker')))
      expect(markers.length).toBeGreaterThan(0)
      expect(markers[0]).toBe('一、')
      if (markers.length > 1) expect(markers[1]).toBe('二、')
      await expect.poll(() => page.locator('[data-testid="outline-part"]').count()).toBeGreaterThan(0)
      await writeInto(page, '全年召开常委会会议十二次，审议议题四十五项。')
      await expect.poll(() => body(page).textContent()).toContain('全年召开常委会会议十二次，审议议题四十五项。')
      await page.keyboard.type('新增一句。')
      await expect.poll(() => body(page).textContent()).toContain('审议议题四十五项。新增一句。')
      if (templateId === 'npc') {
        await page.waitForTimeout(400)
        await screenshot(page, 'editor-npc')
      }
    }
    expect((page as Page & { errors: string[] }).errors).toEqual([])
    await page.close()
  })

  it('shows a deleted next-year part as a red outline entry and an STR-MISSING error, and undo brings it back', async () => {
    const page = await newAppPage(browser, host.url)
    await createReport(page, 'npc')
    const tasksPart = page.locator('[data-testid="outline-part"]', { hasText: '2024年主要任务' })
    await tasksPart.waitFor()
    await tasksPart.hover()
    await tasksPart.locator('.delete-part').click()
    const missing = await outlineMissing(page)
    await expect.poll(() => missing.count()).toBe(1)
    await expect.poll(() => missing.first().textContent()).toContain('2024年主要任务')
    const error = page.locator('[data-testid="checks-panel"] [data-severity="error"] .finding[data-rule="STR-MISSING"]')
    await expect.poll(() => error.count()).toBe(1)
    await expect.poll(() => body(page).textContent()).not.toContain('2024年主要任务')
    await screenshot(page, 'outline-missing-and-checks')

    await body(page).locator('p').first().click()
    await page.keyboard.press('Control+z')
    await expect.poll(() => missing.count()).toBe(0)
    await expect.poll(() => error.count()).toBe(0)
    await expect.poll(() => body(page).textContent()).toContain('2024年主要任务')
    await page.keyboard.press('Control+Shift+z')
    await expect.poll(() => missing.count()).toBe(1)
    await page.keyboard.press('Control+y')
    await page.keyboard.press('Control+z')
    await expect.poll(() => missing.count()).toBe(0)

    // The red entry's insert action puts the template part back.
    await tasksPart.hover()
    await tasksPart.locator('.delete-part').click()
    await expect.poll(() => missing.count()).toBe(1)
    await missing.first().locator('.insert').click()
    await expect.poll(() => missing.count()).toBe(0)
    await expect.poll(() => error.count()).toBe(0)
    await page.close()
  })

  it('saves with Ctrl+S, reopens the file and finds the typed text', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'wrs-save-'))
    const file = path.join(folder, '2024年工作报告.wrs')
    const page = await newAppPage(browser, host.url)
    await createReport(page, 'npc')
    await writeInto(page, '保存以后再打开，这句话还在。')
    await expect.poll(() => page.locator('[data-testid="save-state"]').textContent()).toBe('有未保存的修改')
    await hostPost(host.url, '/test/dialogs', { save: [file] })
    await page.keyboard.press('Control+s')
    await expect.poll(() => page.locator('[data-testid="save-state"]').textContent()).toBe('已保存')
    expect(existsSync(file)).toBe(true)
    const saved = parseReportFile(readFileSync(file, 'utf8'))
    expect(saved.ok).toBe(true)
    expect(JSON.stringify(saved.ok && saved.value.doc)).toContain('保存以后再打开，这句话还在。')
    expect(saved.ok && saved.value.meta.speakerName).toBe('张三')
    await page.close()

    const again = await newAppPage(browser, host.url)
    await again.locator('[data-testid="recent-files"]').waitFor()
    expect(await again.locator('[data-testid="recent-files"]').textContent()).toContain(file)
    await hostPost(host.url, '/test/dialogs', { open: [file] })
    await again.keyboard.press('Control+o')
    await expect.poll(() => body(again).textContent()).toContain('保存以后再打开，这句话还在。')
    await expect.poll(() => again.locator('[data-testid="status-bar"] .path').textContent()).toBe(file)
    await again.close()
  })

  it('asks before another report replaces one with unsaved changes', async () => {
    const page = await newAppPage(browser, host.url)
    await createReport(page, 'npc')
    await writeInto(page, '这句话还没有保存。')
    await page.keyboard.press('Control+n')
    await page.locator('[data-testid="start-page"]').waitFor()
    await page.locator('select[name="templateId"]').selectOption('gov')
    await page.locator('[data-testid="new-report-form"] button[type="submit"]').click()
    const dialog = page.locator('[data-testid="unsaved-dialog"]')
    await dialog.waitFor()
    await dialog.getByRole('button', { name: '取消' }).click()
    await page.getByRole('button', { name: '返回当前报告' }).click()
    await expect.poll(() => body(page).textContent()).toContain('这句话还没有保存。')
    await page.keyboard.press('Control+n')
    await page.locator('[data-testid="new-report-form"] button[type="submit"]').click()
    await dialog.getByRole('button', { name: '不保存' }).click()
    await expect.poll(() => body(page).textContent()).not.toContain('这句话还没有保存。')
    await expect.poll(() => body(page).locator('.guidance').count()).toBeGreaterThan(0)
    await expect.poll(() => page.locator('[data-testid="save-state"]').textContent()).toBe('')
    await page.close()
  })

  it('offers the unsaved text back after the host is killed mid-session', async () => {
    const userDataDir = host.userDataDir
    let first = host
    const page = await newAppPage(browser, first.url)
    await createReport(page, 'cppcc')
    await writeInto(page, '这段文字没有保存，进程被强行结束后要能找回来。')
    const recoveryDir = path.join(userDataDir, 'recovery')
    await expect
      .poll(
        () =>
          existsSync(recoveryDir)
            ? readdirSync(recoveryDir)
                .filter(name => name.endsWith('.json'))
                .map(name => readFileSync(path.join(recoveryDir, name), 'utf8'))
                .join('')
            : '',
        { timeout: 10_000 },
      )
      .toContain('这段文字没有保存')
    first.child.kill('SIGKILL')
    await new Promise(resolve => first.child.once('exit', resolve))
    await page.close()

    first = await startHostProcess(userDataDir)
    host = first
    try {
      const restarted = await newAppPage(browser, first.url)
      const dialog = restarted.locator('[data-testid="recovery-dialog"]')
      await dialog.waitFor()
      expect(await dialog.textContent()).toContain('恢复')
      await screenshot(restarted, 'recovery-dialog')
      // The restore button has the focus: Enter restores.
      await expect.poll(() => restarted.evaluate(() => document.activeElement?.textContent)).toBe('恢复')
      await restarted.keyboard.press('Enter')
      await expect.poll(() => body(restarted).textContent()).toContain('这段文字没有保存，进程被强行结束后要能找回来。')
      await expect.poll(() => restarted.locator('[data-testid="save-state"]').textContent()).toBe('有未保存的修改')
      await restarted.close()
    } finally {
      await first.stop()
    }
  })
})
