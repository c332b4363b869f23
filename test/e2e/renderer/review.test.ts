import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, CDPSession, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseReportFile, REPORT_VERSION, serializeReportFile } from '../../../core/report-file'
import { reviewFixturesDir } from '../../fixtures/review/make-review-fixtures'
import { basePrinted as b, baseReport } from '../../fixtures/review/review-base'
import type { HostProcess } from './renderer-harness'
import { newAppPage, screenshot } from './renderer-harness'
import { postToHost, useRendererApp } from './use-renderer-app'
import { composeWithIme } from '../../helpers/compose-with-ime'

/**
 * The review round in the editor, in Chromium against the test host: comments (add, reply, resolve), suggestion
 * mode with Chinese IME composition, accepting all of one author as one undo step, importing returned copies.
 */
let browser: Browser
let host: HostProcess
let page: Page
let cdp: CDPSession
let file: string
useRendererApp({ hostPer: 'file' }, app => ({ browser, host } = app))

const body = () => page.locator('.report-body')

/** The live editor's state, read in the page. */
async function editorJson(): Promise<{ doc: string; attrs: Record<string, unknown> }> {
  return page.evaluate(() => {
    const editor = (document.querySelector('.ProseMirror') as HTMLElement & { editor: any }).editor
    return { doc: JSON.stringify(editor.getJSON().content), attrs: editor.state.doc.attrs }
  })
}

/** Selects `text` (the first occurrence) in the editor, or puts the cursor after it when `collapse`. */
async function select(text: string, collapse: 'start' | 'end' | null = null): Promise<void> {
  await page.evaluate(
    ([wanted, where]) => {
      const editor = (document.querySelector('.ProseMirror') as HTMLElement & { editor: any }).editor
      let found: { from: number; to: number } | null = null
      editor.state.doc.descendants((node: any, pos: number) => {
        if (found || !node.isText) return !found
        const at = node.text.indexOf(wanted)
        if (at >= 0) found = { from: pos + at, to: pos + at + wanted.length }
        return false
      })
      if (!found) throw new Error(`no “${wanted}” in the editor`)
      const { from, to } = found as { from: number; to: number }
      const range = where === 'start' ? from : where === 'end' ? to : { from, to }
      editor.chain().focus().setTextSelection(range).run()
    },
    [text, collapse] as const,
  )
  // TipTap focuses the view a frame later: keys pressed before that would go to whatever had focus.
  await page.waitForFunction(() => document.activeElement?.classList.contains('ProseMirror'))
}

async function suggestions(): Promise<Array<{ kind: string; text: string; author: string }>> {
  return page.evaluate(() => {
    const editor = (document.querySelector('.ProseMirror') as HTMLElement & { editor: any }).editor
    const out: Array<{ kind: string; text: string; author: string; id: string }> = []
    editor.state.doc.descendants((node: any) => {
      if (!node.isText) return true
      for (const mark of node.marks) {
        if (mark.type.name !== 'insertion' && mark.type.name !== 'deletion') continue
        const last = out.find(each => each.id === mark.attrs.id)
        if (last) last.text += node.text
        else out.push({ id: mark.attrs.id, kind: mark.type.name, text: node.text, author: mark.attrs.author })
      }
      return false
    })
    return out.map(({ kind, text, author }) => ({ kind, text, author }))
  })
}

const compose = (pinyin: string, committed: string) => composeWithIme(page, cdp, pinyin, committed)

beforeAll(async () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'wrs-review-e2e-'))
  file = path.join(folder, '报告.wrs')
  writeFileSync(file, serializeReportFile(baseReport()))
  page = await newAppPage(browser, host.url)
  await page.addInitScript('window.__name = (fn) => fn')
  await page.reload()
  await page.locator('[data-testid="start-page"]').waitFor()
  await postToHost(host.url, '/test/dialogs', { open: [file] })
  await page.keyboard.press('Control+o')
  await body().waitFor()
  await page.waitForFunction(text => document.querySelector('.report-body')?.textContent?.includes(text), b.p1)
  // Room for the pane beside the page.
  await page.locator('button[data-command="toggleOutline"]').click()
  cdp = await page.context().newCDPSession(page)
})

describe('comments in the editor', () => {
  it('asks for the name once, then adds a comment at the selection, beside its text', async () => {
    await select('八件')
    await page.keyboard.press('Control+Alt+m')
    const nameDialog = page.locator('[data-testid="reviewer-name-dialog"]')
    await nameDialog.waitFor()
    await nameDialog.locator('input[name="reviewerName"]').fill('办公室 张三')
    await nameDialog.locator('button[type="submit"]').click()
    const draft = page.locator('[data-testid="comment-draft"]')
    await draft.waitFor()
    await draft.locator('textarea').fill('“八件”请与法规室核对。')
    await draft.locator('button[data-action="submit-comment"]').click()
    const card = page.locator('.comment-card[data-comment-id]')
    await expect.poll(() => card.count()).toBe(1)
    await expect.poll(() => card.first().textContent()).toContain('办公室 张三')
    expect(await card.first().textContent()).toContain('“八件”请与法规室核对。')
    expect(await body().locator('.comment-anchor').textContent()).toBe('八件')
    // The card sits at the height of its anchor.
    const anchorTop = (await body().locator('.comment-anchor').boundingBox())!.y
    const cardTop = (await card.first().boundingBox())!.y
    expect(Math.abs(cardTop - anchorTop)).toBeLessThan(40)
    // An unresolved comment keeps a 正式稿 back: the checks list it.
    await expect
      .poll(() => page.locator('[data-testid="checks-panel"]').textContent(), { timeout: 5000 })
      .toContain('未处理的修订和批注')
    const stored = await editorJson()
    expect((stored.attrs.review as { comments: Array<{ author: string; text: string }> }).comments).toEqual([
      expect.objectContaining({ author: '办公室 张三', text: '“八件”请与法规室核对。', resolved: false }),
    ])
  })

  it('takes a reply, then resolves the comment (hidden until 显示已解决)', async () => {
    const card = page.locator('.comment-card[data-comment-id]').first()
    await card.click()
    await card.locator('textarea').fill('已核对，无误。')
    await card.locator('button[data-action="reply"]').click()
    await expect.poll(() => card.locator('.comment-reply').textContent()).toContain('已核对，无误。')
    // A second comment, on another paragraph, for the screenshot of the pane.
    await select('执法检查六次')
    await page.locator('button[data-command="comment"]').click()
    await page.locator('[data-testid="comment-draft"] textarea').fill('补充去年的次数作对比。')
    await page.keyboard.press('Control+Enter')
    await expect.poll(() => page.locator('.comment-card[data-comment-id]').count()).toBe(2)
    await page.waitForTimeout(200)
    await screenshot(page, 'review-comments-pane')
    await card.locator('button[data-action="resolve"]').click()
    await expect.poll(() => page.locator('.comment-card[data-comment-id]').count()).toBe(1)
    await page.getByLabel('显示已解决').check()
    await expect.poll(() => page.locator('.comment-card.resolved').count()).toBe(1)
    const comments = (
      (await editorJson()).attrs.review as { comments: Array<{ resolved: boolean; replies: unknown[] }> }
    ).comments
    expect(comments[0]).toMatchObject({
      resolved: true,
      replies: [expect.objectContaining({ author: '办公室 张三', text: '已核对，无误。' })],
    })
    await page.getByLabel('显示已解决').uncheck()
  })
})

describe('suggestion mode', () => {
  it('turns on with Ctrl+Shift+E; Chinese IME text becomes the author’s insertion, and one undo takes it back', async () => {
    await select('推动解决', 'start')
    await page.keyboard.press('Control+Shift+E')
    await expect.poll(() => page.locator('button[data-command="suggesting"]').getAttribute('aria-pressed')).toBe('true')
    const before = (await editorJson()).doc
    await page.waitForTimeout(600)
    await compose('jianchaheshi', '检查核实')
    const after = await editorJson()
    expect(after.doc).not.toContain('jiancha')
    expect(await suggestions()).toEqual([{ kind: 'insertion', text: '检查核实', author: '办公室 张三' }])
    expect(await body().locator('ins.suggestion').textContent()).toBe('检查核实')
    await page.keyboard.press('Control+z')
    await expect.poll(async () => (await editorJson()).doc).toBe(before)
  })

  it('keeps what Backspace deletes, struck through, and colours each author', async () => {
    await select('八件', 'end')
    await page.keyboard.press('Backspace')
    await page.keyboard.press('Backspace')
    await page.keyboard.insertText('九项')
    // As in Word: Backspace leaves the caret before the struck text, so what is typed next comes before it.
    expect(await suggestions()).toEqual([
      { kind: 'insertion', text: '九项', author: '办公室 张三' },
      { kind: 'deletion', text: '八件', author: '办公室 张三' },
    ])
    expect(await body().locator('del.suggestion').textContent()).toBe('八件')
    // Another person (署名 changed) suggests in the next paragraph.
    await page.locator('button[data-command="reviewRound"]').click()
    await page.locator('[data-menu-item="name"]').click()
    const nameDialog = page.locator('[data-testid="reviewer-name-dialog"]')
    await nameDialog.locator('input[name="reviewerName"]').fill('财经委 李四')
    await nameDialog.locator('button[type="submit"]').click()
    await nameDialog.waitFor({ state: 'detached' })
    await select('不断', 'start')
    await page.keyboard.insertText('持续')
    await select('代表工作', 'end')
    await page.keyboard.press('Enter')
    const authors = await body()
      .locator('ins.suggestion')
      .evaluateAll(nodes => [
        ...new Set(nodes.map(node => `${node.getAttribute('data-author')}:${getComputedStyle(node).color}`)),
      ])
    expect(authors).toHaveLength(2)
    expect(new Set(authors.map(each => each.split(':')[1])).size).toBe(2)
    await page.waitForTimeout(200)
    await screenshot(page, 'review-suggestion-colours')
  })

  it('accepts all of one author in one undo step', async () => {
    const before = await editorJson()
    await page.locator('button[data-command="accept"]').click()
    await page.locator('[data-menu-item="accept-author-办公室 张三"]').click()
    expect((await suggestions()).map(each => each.author)).toEqual(['财经委 李四'])
    await expect.poll(() => body().textContent()).toContain('全年共审议法规草案九项，')
    const decided = ((await editorJson()).attrs.review as { decided: Array<{ author: string; status: string }> })
      .decided
    expect(decided.map(each => [each.author, each.status])).toEqual([
      ['办公室 张三', 'accepted'],
      ['办公室 张三', 'accepted'],
    ])
    await page.keyboard.press('Control+z')
    await expect.poll(async () => (await editorJson()).doc).toBe(before.doc)
    expect(((await editorJson()).attrs.review as { decided: unknown[] }).decided).toEqual([])
    await page.keyboard.press('Control+Shift+E')
  })
})

describe('returned copies', () => {
  it('imports several copies at once and shows their items, conflicts side by side and the round', async () => {
    await postToHost(host.url, '/test/dialogs', {
      openMany: [
        ['copy-tracked.docx', 'copy-untracked.docx', 'copy-comments.docx'].map(name =>
          path.join(reviewFixturesDir, name),
        ),
      ],
    })
    await page.locator('button[data-command="reviewRound"]').click()
    await page.locator('[data-menu-item="importFeedback"]').click()
    const dialog = page.locator('[data-testid="import-feedback-dialog"]')
    await dialog.locator('button[data-action="merge"]').waitFor()
    await dialog.getByLabel('copy-comments.docx 的提出单位或个人').fill('法制工作委员会')
    await dialog.locator('button[data-action="merge"]').click()
    await expect.poll(() => dialog.textContent()).toContain('copy-untracked.docx')
    expect(await dialog.textContent()).toContain('批注 3，回复 1')
    await dialog.getByRole('button', { name: '审阅面板' }).click()
    const panel = page.locator('[data-testid="review-panel"]')
    await panel.waitFor()
    await expect.poll(() => panel.locator('[data-testid="conflict"]').count()).toBeGreaterThan(0)
    expect(await panel.textContent()).toContain('发出 报告（征求意见稿）-财经委.docx → 财经委')
    expect(await panel.textContent()).toContain('收回 copy-comments.docx（法制工作委员会）')
    expect(await panel.textContent()).toContain('收回 copy-tracked.docx（王芳）')
    await page.waitForTimeout(200)
    await screenshot(page, 'review-panel-conflicts')
    // Taking one copy's version of the first conflicting sentence.
    await panel.locator('[data-testid="conflict"]').first().getByRole('button', { name: '采用此稿' }).first().click()
    await expect.poll(() => panel.locator('[data-testid="conflict"]').count()).toBeLessThan(2)
  })
})

describe('saving', () => {
  it('keeps comments, suggestions, decisions and the round in the .wrs, and shows them again when reopened', async () => {
    await page.keyboard.press('Control+s')
    await expect.poll(() => page.locator('[data-testid="status-bar"]').textContent()).not.toContain('未保存')
    const saved = parseReportFile(readFileSync(file, 'utf8'))
    if (!saved.ok) throw new Error(saved.message)
    const report = saved.value
    expect(report.version).toBe(REPORT_VERSION)
    expect(report.review.comments.map(thread => thread.author)).toEqual(
      expect.arrayContaining(['办公室 张三', '法工委 张明']),
    )
    expect(report.review.round.returns.map(entry => entry.file)).toEqual([
      'copy-tracked.docx',
      'copy-untracked.docx',
      'copy-comments.docx',
    ])
    expect(report.review.decided.length).toBeGreaterThan(0)
    expect(JSON.stringify(report.doc)).toContain('"insertion"')
    // The document itself carries no review attrs (they live in `review`), and no empty paragraph marks.
    expect(report.doc.attrs?.review).toBeUndefined()
    expect(JSON.stringify(report.doc)).not.toContain('"paragraphMark":null')
    const cards = await page.locator('.comment-card[data-comment-id]').count()
    await page.keyboard.press('Control+n')
    await postToHost(host.url, '/test/dialogs', { open: [file] })
    await page.keyboard.press('Control+o')
    await body().waitFor()
    await expect.poll(() => page.locator('.comment-card[data-comment-id]').count()).toBe(cards)
    expect(await body().locator('ins.suggestion').count()).toBeGreaterThan(0)
  })
})

describe('sending for comments', () => {
  it('writes one Word copy per office, lists them, and 关闭 closes', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'wrs-review-send-'))
    await postToHost(host.url, '/test/dialogs', { save: [path.join(folder, '报告（征求意见稿）-财经委.docx')] })
    await page.locator('button[data-command="reviewRound"]').click()
    await page.locator('[data-menu-item="send"]').click()
    const dialog = page.locator('[data-testid="send-dialog"]')
    await dialog.locator('textarea[name="recipients"]').fill('财经委\n法制委')
    expect(await dialog.locator('.dialog-buttons button').allTextContents()).toEqual(['写出…', '取消'])
    await screenshot(page, 'review-send-1-form')
    await dialog.locator('button[type="submit"]').click()
    await expect.poll(() => dialog.textContent()).toContain('已写出 2 份，并记入本轮征求意见：')
    expect(await dialog.locator('li').allTextContents()).toEqual([
      '报告（征求意见稿）-财经委.docx',
      '××区人大常委会工作报告（征求意见稿）-法制委.docx',
    ])
    expect(existsSync(path.join(folder, '××区人大常委会工作报告（征求意见稿）-法制委.docx'))).toBe(true)
    expect(await dialog.locator('.dialog-buttons button').allTextContents()).toEqual(['关闭'])
    await screenshot(page, 'review-send-2-written')
    await dialog.getByRole('button', { name: '关闭' }).click()
    await expect.poll(() => dialog.count()).toBe(0)
  })
})
