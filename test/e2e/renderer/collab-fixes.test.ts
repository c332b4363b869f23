import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DocNode } from '../../../core/document-model'
import { startTeamReport, killAll, sampleReport, type ServerProcess } from '../../integration/collab/collab-harness'
import { ensureRendererBuilt, launchChromium, screenshot, startHostProcess, type HostProcess } from './renderer-harness'
import { openSharedReport } from './open-shared-report'
import { postToHost } from './use-renderer-app'

const root = mkdtempSync(path.join(os.tmpdir(), 'wrs-collab-fixes-'))

let browser: Browser
let host: HostProcess
let server: ServerProcess
let reportId = ''
const tokens = { owner: '', editor: '' }

/** The sample report with a half-width comma (PUN-HALFWIDTH, a fixable finding) and 甲乙 in parts 1 and 2. */
function reportWithFindings() {
  const report = sampleReport()
  const texts: Record<string, string> = {
    '一年来，常委会坚持依法履职。': '一年来,常委会坚持依法履职，甲乙。',
    '今年常委会将继续加强监督。': '今年常委会将继续加强监督,甲乙。',
    '财经监督取得新进展。': '财经监督,取得新进展。',
  }
  const content = report.doc.content!.map((node: DocNode) => {
    const text = node.content?.[0]?.text
    return text && texts[text] ? { ...node, content: [{ type: 'text', text: texts[text] }] } : node
  })
  return { ...report, doc: { ...report.doc, content } }
}

beforeAll(async () => {
  ensureRendererBuilt()
  const team = await startTeamReport(root, {
    assign: [
      ['1', '财经工委'],
      ['2', '法制工委'],
    ],
    report: reportWithFindings(),
    reader: false,
  })
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

function openShared(token: string): Promise<Page> {
  return openSharedReport({ browser, hostUrl: host.url, serverUrl: server.url, reportId }, token)
}

const partBody = (page: Page, n: number) => page.locator('.collab-root').nth(n).locator('.ProseMirror p').first()
/** A part's first paragraph as its reader sees the text (without the other side's caret and its name). */
const partText = (page: Page, n: number) =>
  partBody(page, n).evaluate(node => {
    const copy = node.cloneNode(true) as HTMLElement
    for (const caret of copy.querySelectorAll('.collab-caret')) caret.remove()
    return copy.textContent
  })

describe('checks fixes and 替换 in a shared report', () => {
  it('offers 修正 only in parts the user may write, applies it as one undo step, and 替换 one match', async () => {
    const owner = await openShared(tokens.owner)
    const editor = await openShared(tokens.editor)
    const halfWidth = editor.locator('li.finding[data-rule="PUN-HALFWIDTH"]')
    const inPart = (title: string) => halfWidth.filter({ has: editor.locator('.where', { hasText: title }) })

    // Part 1 is 财经工委's (李四 writes it): 修正. Part 2 is 法制工委's: no button, the reason as its tooltip.
    await inPart('2023年主要工作').first().locator('button.fix').waitFor()
    const refused = inPart('2024年主要任务').locator('[data-testid="fix-refused"]')
    await refused.waitFor()
    expect(await inPart('2024年主要任务').locator('button.fix').count()).toBe(0)
    expect(await refused.getAttribute('title')).toBe(
      '第二部分“2024年主要任务”分配给了法制工委，李四（财经工委）不能修改。',
    )
    // 全部修正 counts only the two in part 1.
    await editor.locator('.rule-group[data-rule="PUN-HALFWIDTH"] .fix-all', { hasText: '全部修正（2 处）' }).waitFor()

    // Typing, then 修正 at once: the comma is fixed, the owner sees it; Ctrl+Z takes back the fix, not the typing.
    await partBody(editor, 1).click()
    await editor.keyboard.press('End')
    await editor.keyboard.type('补充')
    await inPart('2023年主要工作').first().locator('button.fix').click()
    await expect.poll(() => partBody(editor, 1).textContent()).toBe('一年来，常委会坚持依法履职，甲乙。补充')
    await expect.poll(() => partText(owner, 1)).toBe('一年来，常委会坚持依法履职，甲乙。补充')
    await expect.poll(() => inPart('2023年主要工作').count()).toBe(1)
    await screenshot(editor, 'collab-fixes-checks')
    await partBody(editor, 1).click()
    await editor.keyboard.press('Control+z')
    await expect.poll(() => partBody(editor, 1).textContent()).toBe('一年来,常委会坚持依法履职，甲乙。补充')
    await expect.poll(() => partText(owner, 1)).toBe('一年来,常委会坚持依法履职，甲乙。补充')
    // The checks run again on the merged document: the finding and its 修正 are back.
    await expect.poll(() => inPart('2023年主要工作').locator('button.fix').count()).toBe(2)

    // 替换: the first 甲乙 (part 1) is replaced; the current match moves to part 2, where 替换 is not offered.
    await postToHost(host.url, '/test/menu/replace')
    const find = editor.locator('[data-testid="shared-find"]')
    await find.locator('input').first().fill('甲乙')
    await find.locator('input').nth(1).fill('丙丁')
    await expect.poll(() => find.locator('[data-testid="find-count"]').textContent()).toBe('第 0 处，共 2 处')
    const replaceOne = find.locator('[data-testid="find-replace-one"]')
    await replaceOne.click()
    await expect.poll(() => partText(owner, 1)).toBe('一年来,常委会坚持依法履职，丙丁。补充')
    await expect.poll(() => find.locator('[data-testid="find-count"]').textContent()).toBe('第 1 处，共 1 处')
    expect(await replaceOne.isDisabled()).toBe(true)
    expect(await replaceOne.getAttribute('title')).toContain('法制工委')
    expect(await partText(owner, 2)).toBe('今年常委会将继续加强监督,甲乙。')
    await screenshot(editor, 'collab-fixes-replace')

    // 全部修正: both commas of part 1 in one step; part 2's stays (法制工委's).
    await editor.locator('.rule-group[data-rule="PUN-HALFWIDTH"] .fix-all', { hasText: '全部修正（2 处）' }).click()
    await expect.poll(() => partText(owner, 1)).toBe('一年来，常委会坚持依法履职，丙丁。补充')
    await expect
      .poll(() => owner.locator('.collab-root').nth(1).locator('.ProseMirror p').nth(1).textContent())
      .toBe('财经监督，取得新进展。')
    expect(await partText(owner, 2)).toBe('今年常委会将继续加强监督,甲乙。')
  }, 120_000)
})
