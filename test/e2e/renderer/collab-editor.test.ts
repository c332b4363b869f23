import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runWrs } from '../../helpers/run-wrs'
import { startTeamReport, killAll, startServer, type ServerProcess } from '../../integration/collab/collab-harness'
import {
  ensureRendererBuilt,
  launchChromium,
  createReport,
  newAppPage,
  screenshot,
  startHostProcess,
  type HostProcess,
} from './renderer-harness'
import { openSharedReport } from './open-shared-report'
import { postToHost } from './use-renderer-app'

const root = mkdtempSync(path.join(os.tmpdir(), 'wrs-collab-e2e-'))

let browser: Browser
let host: HostProcess
let server: ServerProcess
let dataDir = ''
let reportId = ''
const tokens = { owner: '', editor: '', reader: '' }

beforeAll(async () => {
  ensureRendererBuilt()
  const team = await startTeamReport(root, {
    assign: [
      ['1', '财经工委'],
      ['2', '法制工委'],
    ],
    due: '2099-12-20',
  })
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

/** Opens the shared report from the start page (打开共享报告…) as the holder of `token`. */
function openShared(token: string, existing?: Page): Promise<Page> {
  return openSharedReport({ browser, hostUrl: host.url, serverUrl: server.url, reportId }, token, existing)
}

/** Yjs updates in the page's local copies of shared reports (y-indexeddb's `updates` stores). */
function storedUpdates(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const names = (await indexedDB.databases()).flatMap(each =>
      each.name?.startsWith('wrs-collab:') ? [each.name] : [],
    )
    let count = 0
    for (const name of names) {
      count += await new Promise<number>(resolve => {
        const open = indexedDB.open(name)
        open.onerror = () => resolve(0)
        open.onsuccess = () => {
          const request = open.result.transaction('updates').objectStore('updates').count()
          request.onsuccess = () => {
            open.result.close()
            resolve(request.result)
          }
        }
      })
    }
    return count
  })
}

const partBody = (page: Page, n: number) => page.locator('.collab-root').nth(n).locator('.ProseMirror p').first()

describe('a shared report in two editors against one wrs serve', () => {
  it('shows typing on the other side, who is where, and refuses typing in a part of another office', async () => {
    const owner = await openShared(tokens.owner)
    const editor = await openShared(tokens.editor)

    // Front, three parts, closing; each part numbered by its place in the report.
    await expect.poll(() => editor.locator('.collab-root').count()).toBe(5)
    const markers = (page: Page) =>
      page.locator('.report-heading').evaluateAll(headings => headings.map(each => each.getAttribute('data-marker')))
    await expect.poll(() => markers(owner)).toEqual(['一、', '二、', '三、'])

    // 李四 (财经工委) types in part 1, assigned to 财经工委: the owner's editor shows it.
    await partBody(editor, 1).click()
    await editor.keyboard.press('End')
    await editor.keyboard.type('财经委补充一句。')
    await expect.poll(() => partBody(owner, 1).textContent()).toContain('财经委补充一句。')

    // Presence: the owner sees 李四 in part 1 (outline and caret), 李四 sees 王主任 once he is in the closing.
    await expect.poll(() => owner.locator('[data-testid="collab-people-1"]').textContent()).toContain('李四')
    await expect.poll(() => owner.locator('.collab-caret-label').allTextContents()).toContain('李四')
    await owner.locator('.collab-root').nth(4).locator('.ProseMirror').click()
    await expect.poll(() => editor.locator('[data-testid="collab-online"]').textContent()).toContain('王主任')
    await expect
      .poll(() => editor.locator('.collab-root').nth(4).locator('.collab-caret-label').allTextContents())
      .toContain('王主任')

    // Part 2 belongs to 法制工委: read-only for 李四, typing shows the server's own sentence, nothing changes.
    const before = await partBody(editor, 2).textContent()
    await partBody(editor, 2).click()
    // Keys reach the read-only part as keydown (an IME's too, as 'Process'); Playwright types CJK as insertText.
    await editor.keyboard.type('abc')
    const refusal = '第二部分“2024年主要任务”分配给了法制工委，李四（财经工委）不能修改。'
    await expect
      .poll(() => editor.locator('[data-testid="collab-notice"]').allTextContents())
      .toContainEqual(expect.stringContaining(refusal))
    expect(await partBody(editor, 2).textContent()).toBe(before)
    expect(await partBody(owner, 2).textContent()).toBe(before)

    // The outline: who holds what, the status, and 提交 only where 李四 may submit.
    const outline = editor.locator('[data-testid="collab-outline"]')
    await expect
      .poll(() => outline.locator('[data-testid="collab-part-1"]').textContent())
      .toMatch(/财经工委.*期限 2099-12-20.*起草中/)
    expect(await outline.locator('[data-testid="collab-part-1"] button', { hasText: '提交' }).count()).toBe(1)
    expect(await outline.locator('[data-testid="collab-part-2"] button', { hasText: '提交' }).count()).toBe(0)

    // 提交 from the outline: 已提交 on both sides, and part 1 is no longer writable for 李四.
    await outline.locator('[data-testid="collab-part-1"] button', { hasText: '提交' }).click()
    const ownerPart1 = owner.locator('[data-testid="collab-part-1"]')
    await expect.poll(() => ownerPart1.textContent()).toContain('已提交')
    await expect.poll(() => editor.locator('.collab-root').nth(1).getAttribute('class')).toContain('read-only')
    // 审定 through the command table (the menu's command), on the part holding the owner's cursor.
    await partBody(owner, 1).click()
    await postToHost(host.url, '/test/menu/collabApprove')
    await expect.poll(() => outline.locator('[data-testid="collab-part-1"]').textContent()).toContain('已审定')
    // 分配… from the outline (the owner): part 3 goes to 研究室 with a due date.
    await owner.locator('[data-testid="collab-part-3"] button', { hasText: '分配…' }).click()
    const form = owner.locator('[data-testid="collab-assign"]')
    await form.locator('input[name="office"]').fill('研究室')
    await form.locator('input[name="due"]').fill('2099-01-31')
    await form.locator('button[type="submit"]').click()
    await expect
      .poll(() => outline.locator('[data-testid="collab-part-3"]').textContent())
      .toMatch(/研究室.*期限 2099-01-31.*起草中/)
    await screenshot(owner, 'collab-owner')

    // The checks and the export gate see the joined report: its front matter lacks the subtitle and speaker line.
    await owner.locator('.shared-bar button', { hasText: '导出…' }).click()
    const exportDialog = owner.locator('[data-testid="export-dialog"]')
    await expect.poll(() => exportDialog.locator('[data-testid="export-blocking"]').textContent()).toContain('副题')
    expect(await exportDialog.locator('[data-testid="export-submit"]').isDisabled()).toBe(true)
    await owner.keyboard.press('Escape')
    // 打印… from the menu prints the shared report (no file report is open under it on this page).
    await postToHost(host.url, '/test/menu/print')
    const printDialog = owner.locator('[data-testid="print-dialog"]')
    const printSubmit = printDialog.locator('[data-testid="print-submit"]')
    // With errors the preview opens on a draft label (it may be printed); 正式稿 chosen all the same is refused.
    await expect.poll(() => printDialog.locator('select').inputValue(), { timeout: 60_000 }).toBe('征求意见稿')
    await printDialog.locator('select').selectOption('')
    await expect.poll(() => printSubmit.isDisabled(), { timeout: 60_000 }).toBe(false)
    await printSubmit.click()
    await expect.poll(() => printDialog.locator('[data-testid="export-blocking"]').textContent()).toContain('副题')
    await owner.keyboard.press('Escape')
    await editor.keyboard.press('Escape')
    // A finding jumps to its place in the editor of its part (“2024年主要任务” is too short).
    const secondPart = await owner.locator('.collab-root').nth(2).getAttribute('data-root')
    await owner
      .locator('.checks-panel .finding[data-rule="STR-EMPTY"] button.message', { hasText: '2024年主要任务' })
      .click()
    await expect
      .poll(() => owner.evaluate(() => document.activeElement?.closest('.collab-root')?.getAttribute('data-root')))
      .toBe(secondPart)
    // 退回: drafting again.
    await ownerPart1.locator('button', { hasText: '退回' }).click()
    await expect.poll(() => outline.locator('[data-testid="collab-part-1"]').textContent()).toContain('起草中')
    await expect.poll(() => editor.locator('.collab-root').nth(1).getAttribute('class')).not.toContain('read-only')

    // 替换 across the editors: 李四 replaces in his own part only; the matches elsewhere are counted and left.
    await postToHost(host.url, '/test/menu/replace')
    const find = editor.locator('[data-testid="shared-find"]')
    await find.locator('input').first().fill('常委会')
    await expect.poll(() => find.locator('[data-testid="find-count"]').textContent()).toContain('共 4 处')
    await find.locator('input').nth(1).fill('本会')
    await find.locator('button', { hasText: '全部替换' }).click()
    await expect.poll(() => partBody(owner, 1).textContent()).toContain('一年来，本会坚持依法履职。')
    await expect
      .poll(() => editor.locator('[data-testid="collab-notice"]').allTextContents())
      .toContainEqual(expect.stringContaining('有 3 处在您不能修改的部分中，没有替换。'))
    expect(await partBody(owner, 2).textContent()).toContain('今年常委会')
    await find.locator('input').first().press('Escape')
    await owner.locator('[data-testid="shared-find"] input').first().press('Escape')
    await screenshot(editor, 'collab-editor')
    expect((owner as Page & { errors: string[] }).errors).toEqual([])
    expect((editor as Page & { errors: string[] }).errors).toEqual([])
    await owner.close()
    await editor.close()
  }, 120_000)

  it('keeps offline edits and merges them; a change the server refuses on reconnect is shown and not kept', async () => {
    const owner = await openShared(tokens.owner)
    const editor = await openShared(tokens.editor)
    const status = (page: Page) => page.locator('[data-testid="collab-status"]').textContent()

    // The server goes away: both keep editing what they may edit.
    const port = server.port
    await server.kill('SIGTERM')
    await expect.poll(() => status(editor)).toContain('服务器暂时无法连接，正在使用本机副本')
    await expect.poll(() => status(owner)).toContain('服务器暂时无法连接，正在使用本机副本')
    await partBody(owner, 4).click()
    await owner.keyboard.press('End')
    const stored = await storedUpdates(owner)
    await owner.keyboard.type('负责人离线补充。')
    // Kept on the machine: the owner's window is reloaded while the server is still away.
    await expect.poll(() => storedUpdates(owner)).toBeGreaterThan(stored)
    await owner.reload()
    await partBody(editor, 1).click()
    await editor.keyboard.press('End')
    await editor.keyboard.type('财经委离线写的一句。')

    // Meanwhile part 1 goes to 法制工委 (through another process on the same data folder).
    const other = await startServer({ dataDir })
    const as = ['--server', other.url, '--token', tokens.owner, '--report', reportId]
    const assigned = await runWrs(['assign', ...as, '--part', '1', '--office', '法制工委'], root)
    expect(assigned.code, assigned.err).toBe(0)
    await other.kill('SIGTERM')
    server = await startServer({ dataDir, port })

    // The owner's offline sentence (from the local copy) merges and reaches 李四; 李四's is refused as a whole, shown to him, and gone.
    await openShared(tokens.owner, owner)
    await expect.poll(() => partBody(owner, 4).textContent()).toContain('负责人离线补充。')
    await expect.poll(() => partBody(editor, 4).textContent(), { timeout: 30_000 }).toContain('负责人离线补充。')
    const notice = editor.locator('[data-testid="collab-notice"]')
    await expect
      .poll(() => notice.textContent(), { timeout: 30_000 })
      .toContain('第一部分“2023年主要工作”分配给了法制工委，李四（财经工委）不能修改。')
    expect(await notice.locator('textarea').inputValue()).toContain('财经委离线写的一句。')
    await expect.poll(() => status(editor), { timeout: 30_000 }).toContain('已同步到服务器')
    await expect.poll(() => partBody(editor, 1).textContent()).not.toContain('财经委离线写的一句。')
    expect(await editor.locator('.collab-root').nth(1).getAttribute('class')).toContain('read-only')
    expect(await partBody(owner, 1).textContent()).not.toContain('财经委离线写的一句。')
    await screenshot(editor, 'collab-refused')
    await owner.close()
    await editor.close()
  }, 180_000)

  it('shares the open report from the editor (共享到服务器…) and opens it shared', async () => {
    const page = await newAppPage(browser, host.url)
    await createReport(page, 'npc')
    await page.locator('[data-command="collabShare"]').click()
    const dialog = page.locator('[data-testid="collab-connect"]')
    await dialog.locator('textarea[name="servers"]').fill(`http://127.0.0.1:1\n${server.url}`)
    await dialog.locator('input[name="token"]').fill(tokens.owner)
    await dialog.locator('button[type="submit"]').click()
    await dialog.locator('[data-testid="collab-signed-in"]').waitFor()
    await screenshot(page, 'collab-connect')
    await dialog.locator('button', { hasText: '共享并打开' }).click()
    await page.locator('[data-testid="collab-status"]', { hasText: '已同步到服务器' }).waitFor()
    // The template's parts, each on the server now and listed in the outline.
    const parts = await page.locator('[data-testid="collab-outline"] li').count()
    expect(parts).toBeGreaterThan(1)
    const id = await sharedId(page)
    const listed = await runWrs(['parts', '--server', server.url, '--token', tokens.owner, '--report', id], root)
    expect(listed.code, listed.err).toBe(0)
    expect(
      listed.out
        .trim()
        .split('\n')
        .filter(line => line.includes('部分“')),
    ).toHaveLength(parts)

    // The owner adds a part, moves it up one place and removes it; the server holds each order.
    const outline = page.locator('[data-testid="collab-outline"]')
    const serverTitles = async () => {
      const answer = await runWrs(['parts', '--server', server.url, '--token', tokens.owner, '--report', id], root)
      return answer.out.split('\n').flatMap(line => /部分“(.*?)”/.exec(line)?.[1] ?? [])
    }
    await page.locator('[data-testid="collab-add-part"]').click()
    await expect.poll(() => outline.locator('li').count()).toBe(parts + 1)
    await expect.poll(async () => (await serverTitles()).at(-1)).toBe('新的部分')
    await outline.locator(`[data-testid="collab-part-${parts + 1}"] button`, { hasText: '↑' }).click()
    await expect.poll(async () => (await serverTitles()).at(-2)).toBe('新的部分')
    expect(await page.locator('.collab-root').nth(parts).locator('.report-heading').first().textContent()).toBe(
      '新的部分',
    )
    const remove = outline.locator(`[data-testid="collab-part-${parts}"] button`, { hasText: '删除' })
    await remove.click()
    await outline.locator(`[data-testid="collab-part-${parts}"] button`, { hasText: '确认删除' }).click()
    await expect.poll(async () => (await serverTitles()).includes('新的部分')).toBe(false)
    await expect.poll(() => outline.locator('li').count()).toBe(parts)
    expect((page as Page & { errors: string[] }).errors).toEqual([])
    await page.close()
  }, 120_000)

  it('shows everything read-only to a reader, with no workflow buttons', async () => {
    const page = await openShared(tokens.reader)
    const roots = page.locator('.collab-root')
    await expect.poll(() => roots.count()).toBe(5)
    expect(await page.locator('.collab-root.read-only').count()).toBe(5)
    expect(await page.locator('[data-testid="collab-lock"]').allTextContents()).toEqual(
      new Array(5).fill('赵六是只读成员，不能修改报告。'),
    )
    expect(
      await page.locator('[data-testid="collab-outline"] button', { hasText: /分配|提交|审定|退回/ }).count(),
    ).toBe(0)
    await partBody(page, 3).click()
    await page.keyboard.type('x')
    await expect
      .poll(() => page.locator('[data-testid="collab-notice"]').textContent())
      .toContain('赵六是只读成员，不能修改报告。')
    expect((page as Page & { errors: string[] }).errors).toEqual([])
    await page.close()
  }, 60_000)
})

/** The id of the shared report a page shows. */
function sharedId(page: Page): Promise<string> {
  return page.locator('[data-testid="shared-screen"]').evaluate(element => element.getAttribute('data-report') ?? '')
}
