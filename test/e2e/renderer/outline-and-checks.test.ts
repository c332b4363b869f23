import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { screenshot } from './renderer-harness'
import { useRendererApp } from './use-renderer-app'

let page: Page
useRendererApp({ template: 'npc' }, app => ({ page } = app))

const body = () => page.locator('.report-body')
const partTitles = () => page.locator('[data-testid="outline-part"] > .entry .title').allTextContents()
const headingMarkers = () =>
  body()
    .locator('h1.report-heading')
    .evaluateAll(nodes => nodes.map(node => (node.getAttribute('data-marker') ?? '') + node.textContent))

describe('outline, checks panel, find and replace', () => {
  it('drags a part above another: the whole part moves, numbering follows, one undo restores', async () => {
    await expect.poll(partTitles).toEqual(expect.arrayContaining(['一、2023年主要工作', '二、2024年主要任务']))
    // The page view's gaps are drawn, not content: their heights may differ by a rounding after a re-measure.
    const content = async () => (await body().innerHTML()).replace(/ style="height: [\d.]+px;"/g, '')
    const before = await content()
    await page
      .locator('[data-testid="outline-part"]', { hasText: '2024年主要任务' })
      .dragTo(page.locator('[data-testid="outline-part"]', { hasText: '2023年主要工作' }))
    await expect.poll(headingMarkers).toEqual(['一、2024年主要任务', '二、2023年主要工作'])
    await expect.poll(partTitles).toEqual(expect.arrayContaining(['一、2024年主要任务', '二、2023年主要工作']))
    // The sub-sections travelled with their part.
    const order = await body()
      .locator('.report-heading')
      .evaluateAll(nodes => nodes.map(node => node.textContent))
    expect(order.indexOf('2024年主要任务')).toBe(0)
    expect(order.indexOf('2023年主要工作')).toBeGreaterThan(
      order.findIndex(text => text?.includes('加强自身建设，建设让党放心')),
    )
    await body().locator('p').first().click()
    await page.keyboard.press('Control+z')
    await expect.poll(content).toBe(before)
  })

  it('moves a part with Alt+↓ and Alt+↑ on its outline entry', async () => {
    const entry = page.locator('[data-testid="outline-part"]', { hasText: '2023年主要工作' }).locator('> .entry')
    await entry.focus()
    await page.keyboard.press('Alt+ArrowDown')
    await expect.poll(headingMarkers).toEqual(['一、2024年主要任务', '二、2023年主要工作'])
    await expect.poll(partTitles).toEqual(expect.arrayContaining(['一、2024年主要任务', '二、2023年主要工作']))
    // The moved entry keeps the focus: a second key press moves it back.
    await page.keyboard.press('Alt+ArrowUp')
    await expect.poll(headingMarkers).toEqual(['一、2023年主要工作', '二、2024年主要任务'])
  })

  it('finds and replaces Chinese text, replace all being one undo step', async () => {
    await body().locator('p').first().click()
    await page.keyboard.press('Control+f')
    await page.locator('.find-bar input').first().fill('常委会')
    await expect.poll(() => page.locator('[data-testid="find-count"]').textContent()).toMatch(/共 \d+ 处/)
    const count = Number((await page.locator('[data-testid="find-count"]').textContent())!.match(/共 (\d+) 处/)![1])
    expect(count).toBeGreaterThan(1)
    expect(await body().locator('.search-match').count()).toBeGreaterThanOrEqual(count)
    await page.keyboard.press('Enter')
    await expect.poll(() => body().locator('.search-match.current').textContent()).toBe('常委会')
    // The matches are seen: the current one in orange, the others in yellow (a merge once dropped these styles).
    const background = (selector: string) =>
      body()
        .locator(selector)
        .first()
        .evaluate(element => getComputedStyle(element).backgroundColor)
    expect(await background('.search-match.current')).toBe('rgb(255, 157, 59)')
    expect(await background('.search-match:not(.current)')).toBe('rgb(255, 227, 138)')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('[data-testid="find-count"]').textContent()).toMatch(/^第 2 处/)
    await page.keyboard.press('Control+h')
    await page.locator('.find-bar input').nth(1).fill('人大常委会')
    const before = await body().textContent()
    await page.getByRole('button', { name: '全部替换' }).click()
    await expect.poll(() => body().textContent()).toContain('区人大人大常委会')
    await page.keyboard.press('Escape')
    await body().locator('p').first().click()
    await page.keyboard.press('Control+z')
    await expect.poll(() => body().textContent()).toBe(before)
  })

  it('fixes every half-width mark of a rule in one click and one undo takes them back; counts follow the text', async () => {
    const totalBefore = await page.locator('[data-testid="count-total"]').textContent()
    await body().locator('.guidance .guidance-replace').first().click()
    await page.keyboard.insertText('全年召开会议12次,审议议题45项;听取报告8个.')
    await expect.poll(() => page.locator('[data-testid="count-total"]').textContent()).not.toBe(totalBefore)
    const fixAll = page.locator('[data-testid="checks-panel"] .rule-group[data-rule="PUN-HALFWIDTH"] .fix-all')
    await fixAll.waitFor()
    await screenshot(page, 'checks-fix-all')
    await fixAll.click()
    await expect.poll(() => body().textContent()).toContain('全年召开会议12次，审议议题45项；听取报告8个。')
    await expect.poll(() => fixAll.count()).toBe(0)
    await page.keyboard.press('Control+z')
    await expect.poll(() => body().textContent()).toContain('全年召开会议12次,审议议题45项;听取报告8个.')
  })

  it('jumps from a finding to its text and confirms a needs-review figure', async () => {
    await body().locator('.guidance .guidance-replace').first().click()
    await page.keyboard.insertText('全年召开会议12次,审议议题45项。')
    const finding = page.locator('[data-testid="checks-panel"] .finding[data-rule="PUN-HALFWIDTH"] .message').first()
    await finding.waitFor()
    await finding.click()
    await expect.poll(() => page.evaluate(() => window.getSelection()!.toString())).toBe(',')
    await page.evaluate(() => {
      const editor = (document.querySelector('.ProseMirror') as HTMLElement & { editor: any }).editor
      const { from } = editor.state.selection
      editor
        .chain()
        .setTextSelection({ from: from - 3, to: from - 1 })
        .setNeedsReview('2023年报告')
        .setTextSelection(from - 2)
        .run()
    })
    await expect.poll(() => body().locator('mark.needs-review').textContent()).toBe('12')
    expect(
      await body()
        .locator('mark.needs-review')
        .evaluate(element => getComputedStyle(element).borderBottomStyle),
    ).toBe('dotted')
    await page.locator('button[data-command="confirmReview"]').click()
    await expect.poll(() => body().locator('mark.needs-review').count()).toBe(0)
  })
})
