import { promises as fs } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import type { LaunchedApp } from './launch-app'
import { answerNextSaveDialog, launchApp } from './launch-app'

const opened: LaunchedApp[] = []

afterAll(async () => {
  for (const launched of opened) await launched.app.close().catch(() => undefined)
})

describe('create, type, save and reopen a report in the Electron app', () => {
  it('keeps the typed text through save and reopen', async () => {
    const first = await launchApp()
    opened.push(first)
    const { app, page, userDataDir } = first
    await page.getByTestId('start-page').waitFor()
    const form = page.getByTestId('new-report-form')
    await form.locator('select[name="templateId"]').selectOption('npc')
    await form.locator('input[name="organisation"]').fill('××区')
    await form.locator('button[type="submit"]').click()
    const editor = page.locator('.ProseMirror')
    await editor.waitFor()

    await editor.locator('p').last().click()
    await page.keyboard.press('End')
    await page.keyboard.type('电子应用端到端测试输入的文字。')

    const target = path.join(userDataDir, '端到端测试报告.wrs')
    await answerNextSaveDialog(app, target)
    await page.keyboard.press('Control+S')
    await expect
      .poll(() => fs.readFile(target, 'utf8').catch(() => ''), { timeout: 15_000 })
      .toContain('电子应用端到端测试输入的文字。')
    await app.close()

    const second = await launchApp(userDataDir)
    opened.push(second)
    await second.page.getByTestId('recent-files').getByRole('button').first().click()
    await expect
      .poll(() => second.page.locator('.ProseMirror').innerText(), { timeout: 15_000 })
      .toContain('电子应用端到端测试输入的文字。')
  })

  it('offers the unsaved text after the app is killed mid-session', async () => {
    const first = await launchApp()
    opened.push(first)
    const { app, page, userDataDir } = first
    await page.getByTestId('start-page').waitFor()
    await page.getByTestId('new-report-form').locator('button[type="submit"]').click()
    const editor = page.locator('.ProseMirror')
    await editor.waitFor()
    await editor.locator('p').last().click()
    await page.keyboard.press('End')
    await page.keyboard.type('崩溃前尚未保存的文字')
    const recovery = path.join(userDataDir, 'recovery')
    await expect
      .poll(
        async () => {
          const names = await fs.readdir(recovery).catch(() => [] as string[])
          const texts = await Promise.all(names.map(name => fs.readFile(path.join(recovery, name), 'utf8')))
          return texts.some(text => text.includes('崩溃前尚未保存的文字'))
        },
        { timeout: 15_000 },
      )
      .toBe(true)
    app.process().kill('SIGKILL')

    const second = await launchApp(userDataDir)
    opened.push(second)
    const dialog = second.page.getByTestId('recovery-dialog')
    await dialog.waitFor()
    await dialog.locator('button.primary').first().click()
    await expect
      .poll(() => second.page.locator('.ProseMirror').innerText(), { timeout: 15_000 })
      .toContain('崩溃前尚未保存的文字')
  })
})
