import { promises as fs } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ElectronApplication, Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import type { LaunchedApp } from './launch-app'
import { answerMessageBoxes, answerNextSaveDialog, launchApp } from './launch-app'
import { serializeReportFile } from '../../../core/report-file'
import { npcReportFixture } from '../../fixtures/docx-npc-report'

// The paths only the real shell has: printToPDF in a hidden window, printing, the close prompt, reload after
// the editor process died, and a .wrs handed over on the command line. Native dialogs are answered in main.
const opened: LaunchedApp[] = []
afterAll(async () => {
  for (const launched of opened) await launched.app.close().catch(() => undefined)
})

async function start(userDataDir?: string, extraArgs: string[] = []): Promise<LaunchedApp> {
  const launched = await launchApp(userDataDir, extraArgs)
  opened.push(launched)
  return launched
}

async function newReportWithText(page: Page, text: string): Promise<void> {
  await page.getByTestId('start-page').waitFor()
  await page.getByTestId('new-report-form').locator('button[type="submit"]').click()
  const editor = page.locator('.ProseMirror')
  await editor.waitFor()
  await editor.locator('p').last().click()
  await page.keyboard.press('End')
  await page.keyboard.type(text)
}

async function exited(app: ElectronApplication, timeout = 20_000): Promise<boolean> {
  const process = app.process()
  if (process.exitCode !== null) return true
  return new Promise(resolve => {
    const timer = setTimeout(() => resolve(false), timeout)
    process.once('exit', () => {
      clearTimeout(timer)
      resolve(true)
    })
  })
}

describe('the Electron shell', () => {
  it('exports a PDF through webContents.printToPDF in a hidden window', async () => {
    const { page, userDataDir } = await start()
    await page.getByTestId('start-page').waitFor()
    const target = path.join(userDataDir, '导出.pdf')
    const report = npcReportFixture()
    const result = await page.evaluate(
      ([report, target]) => window.api.exportReport({ report, format: 'pdf', draftLabel: null, path: target }),
      [report, target] as const,
    )
    expect(result).toMatchObject({ ok: true, value: { kind: 'written', path: target } })
    const pdf = await fs.readFile(target)
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.2\d* 841\.8\d*\]/)
  })

  it('refuses to print a 正式稿 with errors and sends a draft to the print dialog', async () => {
    const { app, page } = await start()
    await page.getByTestId('start-page').waitFor()
    // The system print dialog cannot be driven: the hidden print window answers as if the user cancelled.
    await app.evaluate(({ app }) => {
      app.on('web-contents-created', (_event, contents) => {
        ;(contents as unknown as { print: unknown }).print = (
          _options: unknown,
          callback: (ok: boolean, reason: string) => void,
        ) => callback(false, 'cancelled')
      })
    })
    const unfinished = npcReportFixture({ withoutTasks: true })
    const refused = await page.evaluate(report => window.api.printReport({ report, draftLabel: null }), unfinished)
    expect(refused).toMatchObject({ ok: true, value: { kind: 'refused' } })
    if (refused.ok && refused.value.kind === 'refused') expect(refused.value.blocking.length).toBeGreaterThan(0)
    const draft = await page.evaluate(
      report => window.api.printReport({ report, draftLabel: '征求意见稿' }),
      unfinished,
    )
    expect(draft).toEqual({ ok: true, value: { kind: 'cancelled' } })
  })

  it('closing with unsaved changes: 取消 keeps the window, 保存 saves and then closes', async () => {
    const { app, page, userDataDir } = await start()
    await newReportWithText(page, '关闭前输入的文字')
    await expect.poll(() => page.getByTestId('save-state').innerText()).not.toBe('')
    await answerMessageBoxes(app, [2])
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.close())
    await page.waitForTimeout(1000)
    expect(app.windows()).toHaveLength(1)

    const target = path.join(userDataDir, '关闭时保存.wrs')
    await answerNextSaveDialog(app, target)
    await answerMessageBoxes(app, [0])
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.close())
    expect(await exited(app)).toBe(true)
    expect(await fs.readFile(target, 'utf8')).toContain('关闭前输入的文字')
  })

  it('after the editor process crashed, reloads and offers the unsaved text', async () => {
    const { app, page, userDataDir } = await start()
    await newReportWithText(page, '崩溃前输入的文字')
    const recovery = path.join(userDataDir, 'recovery')
    await expect
      .poll(async () => (await fs.readdir(recovery).catch(() => [] as string[])).length, { timeout: 15_000 })
      .toBeGreaterThan(0)
    await answerMessageBoxes(app, [0])
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.forcefullyCrashRenderer())
    // The same window loads the editor again; Playwright may hand out a fresh page for it.
    let reloaded: Page | undefined
    await expect
      .poll(
        async () => {
          for (const candidate of app.windows()) {
            const visible = await candidate
              .getByTestId('recovery-dialog')
              .isVisible()
              .catch(() => false)
            if (visible) reloaded = candidate
          }
          return reloaded !== undefined
        },
        { timeout: 30_000 },
      )
      .toBe(true)
    await reloaded!.getByTestId('recovery-dialog').locator('button.primary').first().click()
    await expect
      .poll(() => reloaded!.locator('.ProseMirror').innerText(), { timeout: 15_000 })
      .toContain('崩溃前输入的文字')
  })

  it('opens a .wrs given on the command line as a file: URL (GIO file managers)', async () => {
    const first = await start()
    const file = path.join(first.userDataDir, '命令行打开的报告.wrs')
    const report = npcReportFixture()
    await fs.writeFile(file, serializeReportFile(report))
    await first.app.close()
    const { page } = await start(first.userDataDir, [pathToFileURL(file).href])
    await expect.poll(() => page.locator('.ProseMirror').innerText(), { timeout: 20_000 }).toContain('金水区')
  })
})
