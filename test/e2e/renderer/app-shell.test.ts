import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { HostProcess } from './renderer-harness'
import { postToHost, useRendererApp } from './use-renderer-app'

let host: HostProcess
let page: Page
useRendererApp({ template: 'npc' }, app => ({ host, page } = app))

const body = () => page.locator('.report-body')
const menu = (command: string) => postToHost(host.url, `/test/menu/${command}`)

describe('app shell', () => {
  it('follows application menu commands sent by main', async () => {
    await expect.poll(() => page.locator('[data-testid="outline"]').count()).toBe(1)
    await menu('toggleOutline')
    await expect.poll(() => page.locator('[data-testid="outline"]').count()).toBe(0)
    await menu('toggleOutline')
    await expect.poll(() => page.locator('[data-testid="outline"]').count()).toBe(1)
    await menu('toggleChecks')
    await expect.poll(() => page.locator('[data-testid="checks-panel"]').count()).toBe(0)
    await menu('replace')
    await expect.poll(() => page.locator('.find-bar input').count()).toBe(2)
    await menu('new')
    await page.locator('[data-testid="start-page"]').waitFor()
  })

  it('replaces a guidance placeholder by typing on it, and Enter on it gives an empty paragraph', async () => {
    const first = body().locator('.guidance').first()
    const prompt = await first.locator('.guidance-text').textContent()
    await first.locator('.guidance-text').click()
    await page.keyboard.insertText('直接在提示上输入。')
    await expect.poll(() => body().textContent()).toContain('直接在提示上输入。')
    expect(await body().textContent()).not.toContain(prompt!)
    const next = body().locator('.guidance').first()
    const nextPrompt = await next.locator('.guidance-text').textContent()
    await next.locator('.guidance-text').click()
    await page.keyboard.press('Enter')
    await page.keyboard.insertText('回车后输入。')
    await expect.poll(() => body().textContent()).toContain('回车后输入。')
    expect(await body().textContent()).not.toContain(nextPrompt!)
  })

  it('keeps the metadata panel and the front matter lines in step', async () => {
    await page.locator('button[data-command="toggleMeta"]').click()
    const panel = page.locator('[data-testid="meta-panel"]')
    await expect.poll(() => panel.locator('input[name="speakerName"]').inputValue()).toBe('张三')
    await panel.locator('input[name="speakerName"]').fill('李四')
    await expect.poll(() => body().locator('[data-type="speaker-line"]').textContent()).toBe('××区人大常委会主任 李四')
    await panel.locator('input[name="date"]').fill('2024-02-03')
    await expect.poll(() => body().locator('[data-type="report-subtitle"]').textContent()).toContain('——2024年2月3日在')
    // Typing in the title line shows up in the panel.
    await body().locator('[data-type="report-title"]').click()
    await page.keyboard.press('End')
    // (a status word such as （草案） would move to 稿别 instead: see draft-label.test.ts)
    await page.keyboard.insertText('（摘要）')
    await expect.poll(() => panel.locator('input[name="title"]').inputValue()).toContain('工作报告（摘要）')
  })

  it('turns a rule off for this report (after the question an error rule asks) and back on; guards stay on', async () => {
    const guard = page.locator('[data-testid="checks-panel"] .rule-group[data-rule="STR-PLACEHOLDER"]')
    await guard.waitFor()
    expect(await guard.locator('.disable').count()).toBe(0)
    expect(await guard.locator('[data-testid="rule-locked"]').textContent()).toBe('正式稿必查')

    await body().locator('.guidance .guidance-text').first().click()
    await page.keyboard.insertText('全年召开常委会会议8次,听取审议专项报告10项。')
    const group = page.locator('[data-testid="checks-panel"] .rule-group[data-rule="PUN-HALFWIDTH"]')
    await group.waitFor()
    await group.locator('.disable').click()
    const question = page.locator('[data-testid="confirm-disable"]')
    await question.waitFor()
    expect(await question.textContent()).toContain('关闭后，正式稿导出不再检查“半角标点”')
    await question.locator('[data-testid="confirm-disable-ok"]').click()
    await expect.poll(() => group.count()).toBe(0)
    const disabled = page.locator('[data-testid="checks-panel"] .disabled-rules')
    await expect.poll(() => disabled.textContent()).toContain('PUN-HALFWIDTH')
    await expect.poll(() => page.locator('[data-testid="save-state"]').textContent()).toBe('有未保存的修改')
    await disabled.getByRole('button', { name: '恢复检查' }).click()
    await expect.poll(() => group.count()).toBe(1)
  })

  it('shows a refused open as a zh-CN banner and keeps the open report', async () => {
    const broken = path.join(mkdtempSync(path.join(os.tmpdir(), 'wrs-broken-')), '坏文件.wrs')
    writeFileSync(broken, '{"format":"work-report-studio","version":1,"meta":')
    await body().locator('.guidance .guidance-replace').first().click()
    await page.keyboard.insertText('打开失败也不能丢的文字。')
    await postToHost(host.url, '/test/dialogs', { open: [broken] })
    await page.keyboard.press('Control+o')
    const banner = page.locator('[data-testid="error-banner"]')
    await banner.waitFor()
    expect(await banner.textContent()).toContain('文件已损坏')
    expect(await body().textContent()).toContain('打开失败也不能丢的文字。')
    await banner.getByRole('button', { name: '关闭' }).click()
    await expect.poll(() => banner.count()).toBe(0)
  })

  it('jumps from the outline to a section: the cursor lands in its heading', async () => {
    const entry = page.locator('[data-testid="outline"] li.level-2 .entry').nth(2)
    const title = (await entry.locator('.title').textContent())!.replace(/^（[一二三四五六七八九十]+）/, '')
    await entry.click()
    await expect
      .poll(() =>
        page.evaluate(
          () => window.getSelection()!.anchorNode?.parentElement?.closest('.report-heading')?.textContent ?? null,
        ),
      )
      .toBe(title)
  })

  it('opens a report holding nodes the editor does not know without losing their text', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'wrs-foreign-')), '外来格式.wrs')
    const report = await page.evaluate(() =>
      (window as unknown as { api: { newReport(o: unknown): Promise<{ value: { report: unknown } }> } }).api.newReport({
        templateId: 'npc',
        planYear: 2024,
        organisation: '东城区',
        meetingName: '',
        date: '',
        speakerOffice: '',
        speakerName: '',
        termEnd: false,
      }),
    )
    const withForeign = report.value.report as { doc: { content: unknown[] } }
    withForeign.doc.content.push({
      type: 'blockquote',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: '引用块里的文字不能丢。' }] }],
    })
    writeFileSync(file, JSON.stringify(withForeign))
    await postToHost(host.url, '/test/dialogs', { open: [file] })
    await page.keyboard.press('Control+o')
    await expect.poll(() => body().textContent()).toContain('引用块里的文字不能丢。')
    await expect.poll(() => page.locator('[data-testid="error-banner"]').textContent()).toContain('编辑器不支持的格式')
  })
})
