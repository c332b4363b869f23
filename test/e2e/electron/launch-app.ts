import { promises as fs } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import type { ElectronApplication, Page } from 'playwright-core'
import { _electron } from 'playwright-core'

export interface LaunchedApp {
  app: ElectronApplication
  page: Page
  userDataDir: string
}

/** Starts the built app (out/main/index.js) with its own user data folder; `extraArgs` follow the app folder. */
export async function launchApp(userDataDir?: string, extraArgs: string[] = []): Promise<LaunchedApp> {
  const dir = userDataDir ?? (await fs.mkdtemp(path.join(os.tmpdir(), 'wrs-electron-')))
  // run.mjs passes the binary it found; require('electron') would try to download one.
  const executablePath =
    process.env.WRS_ELECTRON_BINARY ?? (createRequire(import.meta.url)('electron') as unknown as string)
  const app = await _electron.launch({
    executablePath,
    args: [process.cwd(), ...extraArgs],
    cwd: process.cwd(),
    env: { ...process.env, WRS_USER_DATA_DIR: dir } as Record<string, string>,
    timeout: 60_000,
  })
  const page = await app.firstWindow()
  await page.waitForLoadState('domcontentloaded')
  return { app, page, userDataDir: dir }
}

/** Replaces the native save dialog in the main process (the only substitution in this suite). */
export async function answerNextSaveDialog(app: ElectronApplication, filePath: string): Promise<void> {
  await app.evaluate(({ dialog }, target) => {
    dialog.showSaveDialog = (async () => ({ canceled: false, filePath: target })) as typeof dialog.showSaveDialog
  }, filePath)
}

/** Answers the next native message boxes (close prompt, crash notice) with these button indexes, in order. */
export async function answerMessageBoxes(app: ElectronApplication, responses: number[]): Promise<void> {
  await app.evaluate(({ dialog }, queued) => {
    const answers = [...queued]
    dialog.showMessageBox = (async () => ({
      response: answers.shift() ?? 0,
      checkboxChecked: false,
    })) as typeof dialog.showMessageBox
  }, responses)
}
