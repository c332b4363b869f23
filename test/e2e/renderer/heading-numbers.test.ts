import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { screenshot } from './renderer-harness'
import { useRendererApp } from './use-renderer-app'

let page: Page
useRendererApp({ template: 'npc' }, app => ({ page } = app))

const body = () => page.locator('.report-body')
/** What a reader sees of every heading: its marker (CSS ::before from data-marker) and its text. */
const shown = () =>
  body()
    .locator('.report-heading')
    .evaluateAll(nodes =>
      nodes.map(
        node =>
          `${node.getAttribute('data-marker') ?? ''}|${getComputedStyle(node, '::before').content}|${node.textContent}`,
      ),
    )

describe('heading numbers in the editor (markers set from a node view, not decorations)', () => {
  it('a heading typed in renumbers the parts after it, typing elsewhere leaves them, undo restores', async () => {
    await expect.poll(shown).toEqual(expect.arrayContaining([expect.stringMatching(/^二、\|"二、"\|2024年主要任务$/)]))
    const before = await shown()
    // A new part heading after the opening paragraph (before the first part): Enter, Ctrl+Alt+1, its title.
    await body().locator('p', { hasText: '请予审议' }).click()
    await body()
      .locator('p', { hasText: '请予审议' })
      .evaluate(paragraph => {
        const range = document.createRange()
        range.selectNodeContents(paragraph)
        range.collapse(false)
        getSelection()!.removeAllRanges()
        getSelection()!.addRange(range)
      })
    await page.keyboard.press('Enter')
    await page.keyboard.press('Control+Alt+1')
    await page.keyboard.type('新增的部分')
    await expect
      .poll(shown)
      .toEqual(
        expect.arrayContaining(['一、|"一、"|新增的部分', '二、|"二、"|2023年主要工作', '三、|"三、"|2024年主要任务']),
      )
    // Typing in a body paragraph changes no number (and the markers are not re-read as content).
    await body().locator('p').last().click()
    await page.keyboard.press('End')
    await page.keyboard.type('又写了一句。')
    expect((await shown()).filter(line => line.startsWith('三、'))).toEqual(['三、|"三、"|2024年主要任务'])
    expect(await body().innerText()).not.toContain('三、2024')
    // The outline (analysed in a worker after a pause in typing) agrees with the editor.
    await expect
      .poll(() => page.locator('[data-testid="outline-part"] > .entry .title').allTextContents())
      .toEqual(expect.arrayContaining(['一、新增的部分', '二、2023年主要工作', '三、2024年主要任务']))
    await body().locator('h1', { hasText: '新增的部分' }).scrollIntoViewIfNeeded()
    await screenshot(page, 'heading-numbers')
    for (let step = 0; step < 12 && JSON.stringify(await shown()) !== JSON.stringify(before); step++)
      await page.keyboard.press('Control+z')
    expect(await shown()).toEqual(before)
    expect((page as Page & { errors: string[] }).errors).toEqual([])
  })
})
