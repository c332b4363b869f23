import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runWrs } from '../../helpers/run-wrs'
import { startTeamReport, killAll, startServer, type ServerProcess } from '../../integration/collab/collab-harness'
import {
  ensureRendererBuilt,
  launchChromium,
  newAppPage,
  screenshot,
  startHostProcess,
  type HostProcess,
} from './renderer-harness'

const root = mkdtempSync(path.join(os.tmpdir(), 'wrs-collab-offline-'))
const OFFLINE = '服务器暂时无法连接，正在使用本机副本；修改会在连接恢复后同步。'

let browser: Browser
let host: HostProcess
let server: ServerProcess
let dataDir = ''
let reportId = ''
const tokens = { owner: '', editor: '', reader: '' }

beforeAll(async () => {
  ensureRendererBuilt()
  const team = await startTeamReport(root, { assign: [['1', '财经工委']] })
  ;({ dataDir, server, reportId } = team)
  Object.assign(tokens, team.tokens)
  browser = await launchChromium()
  host = await startHostProcess()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await host?.stop()
  killAll()
  rmSync(root, { recursive: true, force: true })
})

/** 打开共享报告… as the holder of `token`, up to the list of reports (or the refusal). */
async function connect(page: Page, token: string) {
  await page.locator('[data-action="collab-open"]').click()
  const dialog = page.locator('[data-testid="collab-connect"]')
  await dialog.locator('textarea[name="servers"]').fill(server.url)
  await dialog.locator('input[name="token"]').fill(token)
  await dialog.locator('button[type="submit"]').click()
  return dialog
}

const partBody = (page: Page, n: number) => page.locator('.collab-root').nth(n).locator('.ProseMirror p').first()
const status = (page: Page) => page.locator('[data-testid="collab-status"]').textContent()

describe('a shared report opened while its server is down', () => {
  it('opens from the local copy, takes edits in the parts the member may write, and syncs once the server is back', async () => {
    // 李四 opens the report once with the server up: a local copy is kept on this computer.
    const editor = await newAppPage(browser, host.url)
    await (await connect(editor, tokens.editor)).locator(`[data-report="${reportId}"]`).click()
    await editor.locator('[data-testid="collab-status"]', { hasText: '已同步到服务器' }).waitFor()
    await expect.poll(() => editor.locator('.collab-root').count()).toBe(5)

    // The server dies (SIGKILL); the app is started again (the page reloaded) while it is still down.
    const port = server.port
    await server.kill('SIGKILL')
    await editor.reload()
    const dialog = await connect(editor, tokens.editor)
    const offline = dialog.locator('[data-testid="collab-offline"]')
    await offline.waitFor()
    expect(await offline.textContent()).toContain('没有服务在运行')
    expect(await dialog.locator('[data-testid="collab-signed-in"]').textContent()).toContain('按本机记录的上次登录')
    await screenshot(editor, 'collab-offline-connect')
    await dialog.locator(`[data-report="${reportId}"]`).click()

    // The report shows from the copy, with the status saying so; part 1 (财经工委) takes typing, part 2 does not.
    await expect.poll(() => status(editor)).toBe(OFFLINE)
    await expect.poll(() => editor.locator('.collab-root').count()).toBe(5)
    expect(await editor.locator('.collab-root').nth(1).getAttribute('class')).not.toContain('read-only')
    await partBody(editor, 1).click()
    await editor.keyboard.press('End')
    await editor.keyboard.type('离线时补写的一句。')
    await expect.poll(() => partBody(editor, 1).textContent()).toContain('离线时补写的一句。')
    expect(await editor.locator('.collab-root').nth(2).getAttribute('class')).toContain('read-only')
    const before = await partBody(editor, 2).textContent()
    await partBody(editor, 2).click()
    await editor.keyboard.type('x')
    await expect
      .poll(() => editor.locator('[data-testid="collab-notice"]').allTextContents())
      .toContainEqual(expect.stringContaining('第二部分“2024年主要任务”还没有分配给任何处室，只有报告负责人可以修改。'))
    expect(await partBody(editor, 2).textContent()).toBe(before)
    await screenshot(editor, 'collab-offline-editing')

    // 提交 is a request to the server: shown, but disabled with the reason while the server is down.
    const submit = editor.locator('[data-testid="collab-part-1"] .collab-part-actions button', { hasText: '提交' })
    await submit.waitFor()
    expect(await submit.isDisabled()).toBe(true)
    expect(await submit.getAttribute('title')).toBe(
      '连不上协作服务器：分配、提交、审定和退回要由服务器核对身份后记录，请在连接恢复后再操作。',
    )
    await screenshot(editor, 'collab-offline-workflow')

    // A token never used on this computer cannot open anything offline, and is told why.
    const stranger = await newAppPage(browser, host.url)
    const refused = await connect(stranger, tokens.reader)
    await expect
      .poll(() => refused.locator('.collab-problem').textContent())
      .toContain('本机也没有用这个令牌打开过这台服务器上的共享报告')
    await stranger.close()

    // The server comes back on the same address: the edit reaches it and the owner.
    server = await startServer({ dataDir, port })
    await expect.poll(() => status(editor), { timeout: 30_000 }).toBe('已同步到服务器')
    await expect.poll(() => submit.isDisabled()).toBe(false)
    expect(await submit.getAttribute('title')).toBeNull()
    const out = path.join(root, 'pulled.wrs')
    await expect
      .poll(
        async () => {
          const pulled = await runWrs(
            ['pull', '--server', server.url, '--token', tokens.owner, '--report', reportId, '-o', out, '--force'],
            root,
          )
          return pulled.code === 0 ? readFileSync(out, 'utf8') : pulled.err
        },
        { timeout: 30_000 },
      )
      .toContain('离线时补写的一句。')
    const owner = await newAppPage(browser, host.url)
    await (await connect(owner, tokens.owner)).locator(`[data-report="${reportId}"]`).click()
    await expect.poll(() => partBody(owner, 1).textContent()).toContain('离线时补写的一句。')
    expect((editor as Page & { errors: string[] }).errors).toEqual([])
    await owner.close()
    await editor.close()
  }, 180_000)
})
