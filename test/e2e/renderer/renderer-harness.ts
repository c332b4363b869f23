import { spawn, spawnSync } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import type { Browser, Locator, Page } from 'playwright-core'
import { chromiumMissingMessage, findChromium } from '../../../main/export/find-chromium'

const root = process.cwd()
const rendererDir = path.join(root, 'out', 'renderer')

function newestMtime(folder: string): number {
  let newest = 0
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs)
  }
  return newest
}

/** Builds out/renderer when it is older than renderer/, core/ or templates/ (once per test run; a lock folder keeps parallel files from building twice). */
export function ensureRendererBuilt(): void {
  const lock = path.join(root, '.tmp', 'renderer-build.lock')
  mkdirSync(path.dirname(lock), { recursive: true })
  const deadline = Date.now() + 120_000
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch {
      if (Date.now() > deadline) rmSync(lock, { recursive: true, force: true })
      spawnSync('sleep', ['0.5'])
    }
  }
  try {
    let built = 0
    try {
      built = statSync(path.join(rendererDir, 'index.html')).mtimeMs
    } catch {}
    const sources = Math.max(
      newestMtime(path.join(root, 'renderer')),
      newestMtime(path.join(root, 'core')),
      newestMtime(path.join(root, 'templates')),
      statSync(path.join(root, 'vite.renderer.config.ts')).mtimeMs,
    )
    if (built > sources) return
    const result = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'vite.renderer.config.ts'],
      {
        cwd: root,
        encoding: 'utf8',
        // Vitest sets NODE_ENV=test, and vite builds React's development runtime under any NODE_ENV but production.
        env: { ...process.env, NODE_ENV: 'production' },
      },
    )
    if (result.status !== 0) throw new Error(`renderer build failed:\n${result.stdout}\n${result.stderr}`)
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

export interface HostProcess {
  url: string
  userDataDir: string
  child: ChildProcess
  stop(): Promise<void>
}

/** Starts test/e2e/host/start-host.ts in its own process (so a test can SIGKILL it). */
export function startHostProcess(
  userDataDir = mkdtempSync(path.join(os.tmpdir(), 'wrs-renderer-e2e-')),
): Promise<HostProcess> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/e2e/host/start-host.ts', '--user-data-dir', userDataDir],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let stderr = ''
  child.stderr!.on('data', chunk => (stderr += String(chunk)))
  return new Promise((resolve, reject) => {
    let stdout = ''
    const onData = (chunk: Buffer) => {
      stdout += chunk.toString('utf8')
      const line = stdout.split('\n').find(each => each.startsWith('WRS_TEST_HOST '))
      if (!line) return
      child.stdout!.off('data', onData)
      const info = JSON.parse(line.slice('WRS_TEST_HOST '.length)) as { url: string; userDataDir: string }
      resolve({
        url: info.url,
        userDataDir: info.userDataDir,
        child,
        stop: () =>
          new Promise(done => {
            if (child.exitCode !== null || child.signalCode !== null) return done()
            child.once('exit', () => done())
            child.kill('SIGTERM')
          }),
      })
    }
    child.stdout!.on('data', onData)
    child.once('exit', code => reject(new Error(`test host exited (${code}) before it was ready:\n${stderr}`)))
  })
}

/** The browser the app's own PDF export would use (WRS_CHROMIUM, else the usual install paths). */
export function launchChromium(): Promise<Browser> {
  const executablePath = findChromium()
  if (!executablePath) throw new Error(chromiumMissingMessage)
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}

export async function newAppPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
  const errors: string[] = []
  page.on('pageerror', error => errors.push(error.message))
  ;(page as Page & { errors: string[] }).errors = errors
  await page.goto(url)
  await eventsOpen(page)
  return page
}

/**
 * Presses Escape until `dialog` is gone: a key pressed before the dialog took the focus goes elsewhere, and a loaded
 * machine makes that window wide.
 */
export async function closeWithEscape(page: Page, dialog: Locator): Promise<void> {
  const deadline = Date.now() + 30_000
  while ((await dialog.count()) > 0) {
    if (Date.now() > deadline) throw new Error('the dialog stayed open after Escape')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached', timeout: 2_000 }).catch(() => undefined)
  }
}

/** Waits until the page listens to the host's events (an event sent before that would be lost). */
export async function eventsOpen(page: Page): Promise<void> {
  await page.waitForFunction(() => (window as Window & { __wrsEventsOpen?: boolean }).__wrsEventsOpen === true, null, {
    timeout: 30_000,
  })
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(root, '.tmp', 'screens', `${name}.png`)
  mkdirSync(path.dirname(file), { recursive: true })
  await page.screenshot({ path: file })
  return file
}

/** Fills the start page form and creates a report from `templateId`. */
export async function createReport(
  page: Page,
  templateId: string,
  fields: { planYear?: number; organisation?: string } = {},
): Promise<void> {
  await page.locator('[data-testid="new-report-form"] select[name="templateId"]').selectOption(templateId)
  await page.locator('input[name="planYear"]').fill(String(fields.planYear ?? 2024))
  await page.locator('input[name="organisation"]').fill(fields.organisation ?? '××区')
  await page.locator('input[name="meetingName"]').fill('××区第十八届人民代表大会第三次会议')
  await page.locator('input[name="date"]').fill('2024-01-16')
  await page.locator('input[name="speakerOffice"]').fill('××区人大常委会主任')
  await page.locator('input[name="speakerName"]').fill('张三')
  await page.locator('[data-testid="new-report-form"] button[type="submit"]').click()
  await page.locator('.report-body').waitFor()
}
