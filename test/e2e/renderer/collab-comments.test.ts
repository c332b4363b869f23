import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  startTeamReport,
  killAll,
  reviewedSample,
  writeSample,
  type ServerProcess,
} from '../../integration/collab/collab-harness'
import {
  ensureRendererBuilt,
  launchChromium,
  newAppPage,
  screenshot,
  startHostProcess,
  type HostProcess,
} from './renderer-harness'
import { openSharedReport } from './open-shared-report'
import { postToHost } from './use-renderer-app'

const root = mkdtempSync(path.join(os.tmpdir(), 'wrs-collab-comments-e2e-'))

let browser: Browser
let host: HostProcess
let server: ServerProcess
let reportId = ''
const tokens = { owner: '', editor: '', reader: '' }

beforeAll(async () => {
  ensureRendererBuilt()
  const team = await startTeamReport(root, { assign: [['1', '财经工委']] })
  ;({ server, reportId } = team)
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

async function openShared(token: string): Promise<Page> {
  const page = await openSharedReport({ browser, hostUrl: host.url, serverUrl: server.url, reportId }, token)
  await page.locator('[data-testid="shared-comments-toggle"]').click()
  await page.locator('[data-testid="shared-comments"]').waitFor()
  return page
}

const partBody = (page: Page, n: number) => page.locator('.collab-root').nth(n).locator('.ProseMirror p').first()

/** Selects characters [from, to) of part n's first body paragraph, as a mouse drag would. */
async function selectInPart(page: Page, n: number, from: number, to: number): Promise<void> {
  await partBody(page, n).click()
  await partBody(page, n).evaluate(
    (paragraph, [start, end]) => {
      const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT)
      const text = walker.nextNode()!
      document.getSelection()!.setBaseAndExtent(text, start!, text, end!)
    },
    [from, to],
  )
}

describe('comments on a shared report', () => {
  it('a reader comments on a part he may not edit; the owner sees it anchored, replies and resolves it', async () => {
    const owner = await openShared(tokens.owner)
    const reader = await openShared(tokens.reader)
    expect(await reader.locator('.collab-root').nth(1).getAttribute('class')).toContain('read-only')

    // 赵六 (reader) selects “依法履职” in part 1 and comments on it.
    await selectInPart(reader, 1, 9, 13)
    await reader.locator('[data-testid="shared-comment-add"]').click()
    const draft = reader.locator('[data-testid="shared-comment-draft"]')
    await expect.poll(() => draft.locator('blockquote').textContent()).toBe('依法履职')
    await draft.locator('textarea').fill('请补充全年审议的法规件数。')
    await draft.locator('button[type="submit"]').click()

    // The owner sees the thread in the panel and the words highlighted in part 1.
    const thread = owner.locator('[data-testid="shared-thread"]')
    await expect.poll(() => thread.textContent()).toContain('请补充全年审议的法规件数。')
    expect(await thread.textContent()).toContain('赵六')
    await expect
      .poll(() => owner.locator('.collab-root').nth(1).locator('.comment-anchor').textContent())
      .toBe('依法履职')

    // The owner replies; 赵六 sees it. The owner (a writer of part 1) resolves the thread; 赵六 sees that too.
    await thread.locator('input').fill('下一稿补上。')
    await thread.locator('button', { hasText: '回复' }).click()
    await expect
      .poll(() => reader.locator('[data-testid="shared-reply"]').textContent())
      .toContain('王主任：下一稿补上。')
    await screenshot(owner, 'collab-comments-owner')
    await thread.locator('button', { hasText: '解决' }).click()
    await expect.poll(() => reader.locator('[data-testid="shared-thread"]').getAttribute('class')).toContain('resolved')
    expect(await reader.locator('[data-testid="shared-thread"]').textContent()).toContain('王主任 已标为解决')
    await expect.poll(() => owner.locator('.collab-root .comment-anchor').count()).toBe(0)
    await screenshot(reader, 'collab-comments-reader')

    // Nothing the reader did was refused by the server.
    expect(await reader.locator('[data-testid="collab-notice"]').count()).toBe(0)
    expect((owner as Page & { errors: string[] }).errors).toEqual([])
    expect((reader as Page & { errors: string[] }).errors).toEqual([])
    await owner.close()
    await reader.close()
  }, 120_000)

  it('a writer of a part suggests (修订); the others see it, a reader cannot decide it, the owner accepts it', async () => {
    const owner = await openShared(tokens.owner)
    const editor = await openShared(tokens.editor)
    const reader = await openShared(tokens.reader)
    expect(await reader.locator('[data-testid="shared-suggesting"]').count()).toBe(0)

    // 李四 turns 修订 on and adds to part 1 (his office's): kept as his suggestion, seen by the owner and 赵六.
    await editor.locator('[data-testid="shared-suggesting"]').click()
    await partBody(editor, 1).click()
    await editor.keyboard.press('End')
    await editor.keyboard.type('全年审议法规草案五件。')
    const inserted = (page: Page) => page.locator('.collab-root').nth(1).locator('ins.suggestion')
    await expect.poll(() => inserted(owner).textContent()).toBe('全年审议法规草案五件。')
    expect(await inserted(owner).getAttribute('data-author')).toBe('李四')
    const ownerSuggestion = owner.locator('[data-testid="shared-suggestion"]')
    await expect.poll(() => ownerSuggestion.textContent()).toContain('李四 建议增加')
    const readerSuggestion = reader.locator('[data-testid="shared-suggestion"]')
    await expect.poll(() => readerSuggestion.textContent()).toContain('全年审议法规草案五件。')
    expect(await readerSuggestion.locator('button').count()).toBe(0)
    await screenshot(owner, 'collab-suggestion-owner')

    // The owner accepts: the words stay, unmarked, on every side; nobody's change was refused.
    await ownerSuggestion.locator('button', { hasText: '接受' }).click()
    await expect.poll(() => inserted(reader).count()).toBe(0)
    await expect.poll(() => partBody(reader, 1).textContent()).toContain('全年审议法规草案五件。')
    await expect.poll(() => readerSuggestion.count()).toBe(0)
    await expect.poll(() => inserted(editor).count()).toBe(0)

    // Ctrl+Shift+E in a part switches 修订 off for the whole report (the bar says so); typing is plain again.
    const toggle = editor.locator('[data-testid="shared-suggesting"]')
    expect(await toggle.getAttribute('aria-pressed')).toBe('true')
    await partBody(editor, 1).click()
    await editor.keyboard.press('End')
    await editor.keyboard.press('Control+Shift+E')
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false')
    await editor.keyboard.type('直接写入。')
    await expect.poll(() => partBody(owner, 1).textContent()).toContain('直接写入。')
    expect(await inserted(owner).count()).toBe(0)
    for (const page of [owner, editor, reader]) {
      expect(await page.locator('[data-testid="collab-notice"]').count()).toBe(0)
      expect((page as Page & { errors: string[] }).errors).toEqual([])
      await page.close()
    }
  }, 120_000)
  it('shares a reviewed file from the editor (共享到服务器…): its comments arrive as shared comments', async () => {
    const file = writeSample(root, '审阅过的报告.wrs', reviewedSample())
    const page = await newAppPage(browser, host.url)
    await page.locator('[data-testid="start-page"]').waitFor()
    await postToHost(host.url, '/test/dialogs', { open: [file] })
    await page.keyboard.press('Control+o')
    await page.waitForFunction(() => document.querySelector('.report-body')?.textContent?.includes('依法履职'))
    await page.locator('[data-command="collabShare"]').click()
    const dialog = page.locator('[data-testid="collab-connect"]')
    await dialog.locator('textarea[name="servers"]').fill(server.url)
    await dialog.locator('input[name="token"]').fill(tokens.owner)
    await dialog.locator('button[type="submit"]').click()
    await dialog.locator('[data-testid="collab-signed-in"]').waitFor()
    await dialog.locator('button', { hasText: '共享并打开' }).click()
    await page.locator('[data-testid="collab-status"]', { hasText: '已同步到服务器' }).waitFor()
    await page.locator('[data-testid="shared-comments-toggle"]').click()
    const threads = page.locator('[data-testid="shared-thread"]')
    await expect.poll(() => threads.count()).toBe(2)
    const wangwu = threads.filter({ hasText: '请补充具体数字。' })
    expect(await wangwu.textContent()).toContain('王五')
    expect(await wangwu.locator('[data-testid="shared-reply"]').textContent()).toContain('已补充。')
    expect(await wangwu.getAttribute('class')).not.toContain('resolved')
    expect(await threads.filter({ hasText: '这一句已经改好。' }).getAttribute('class')).toContain('resolved')
    // The open thread is highlighted on the words the file's comment mark was on.
    await expect.poll(() => page.locator('.collab-root .comment-anchor').allTextContents()).toContainEqual('依法履职')
    await screenshot(page, 'collab-shared-file-review')
    expect((page as Page & { errors: string[] }).errors).toEqual([])
    await page.close()
  }, 120_000)
})
