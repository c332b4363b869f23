import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { numberedListsDocx } from '../../fixtures/numbered-lists-docx'
import type { HostProcess } from './renderer-harness'
import { newAppPage, screenshot } from './renderer-harness'
import { postToHost, useRendererApp } from './use-renderer-app'

let browser: Browser
let host: HostProcess
useRendererApp({}, app => ({ browser, host } = app))

describe('importing a DOCX with Word numbered lists', () => {
  it('shows each list with the numbers Word printed (start, 中文 numbers, ①), bullets as bullets', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'wrs-import-lists-')), '人大报告编号列表.docx')
    writeFileSync(file, await numberedListsDocx())
    const page: Page = await newAppPage(browser, host.url)
    await page.locator('[data-testid="start-page"]').waitFor()
    await postToHost(host.url, '/test/dialogs', { open: [file] })
    await postToHost(host.url, '/test/menu/import', {})
    const body = page.locator('.report-body')
    const dialog = page.locator('[data-testid="import-dialog"]')
    await Promise.race([body.waitFor(), dialog.waitFor()])
    if (await dialog.isVisible()) await dialog.locator('.choice-list button').first().click()
    await body.waitFor()
    const items = () =>
      body
        .locator('ol > li')
        .evaluateAll(nodes => nodes.map(node => `${node.getAttribute('data-marker')}${node.textContent}`))
    await expect
      .poll(items)
      .toEqual([
        '3.召开常委会会议11次。',
        '4.听取审议专项工作报告10项。',
        '（一）聚焦经济运行开展监督。',
        '（二）聚焦民生实事开展监督。',
        '（三）聚焦生态环境开展监督。',
        '1、走访代表112人次。',
        '2、办理建议56件。',
        '3、组织代表视察8次。',
        '1、完善议事规则。',
        '①修订常委会组成人员守则。',
        '②修订代表建议办理办法。',
      ])
    // what the page shows as the marker is that attribute, at the start of the item's first line
    const shown = await body
      .locator('ol > li > p')
      .nth(2)
      .evaluate(node => getComputedStyle(node, '::before').content)
    expect(shown).toContain('（一）')
    // Every marker's box starts inside the type area (no wide （一） hanging into the left margin), two characters in
    // at the first level as the PDF prints it, and the text follows the marker on the same line.
    const boxes = await body.locator('ol > li > p.list-first').evaluateAll(nodes =>
      nodes.map(node => {
        const paragraph = node as HTMLElement
        const style = getComputedStyle(paragraph, '::before')
        const probe = document.createElement('span')
        probe.style.cssText = `position:absolute;white-space:nowrap;font:${style.font};letter-spacing:${style.letterSpacing}`
        probe.textContent = paragraph.getAttribute('data-marker')
        document.body.append(probe)
        const markerWidth = probe.getBoundingClientRect().width
        probe.remove()
        const range = document.createRange()
        range.setStart(paragraph.firstChild ?? paragraph, 0)
        range.setEnd(paragraph.firstChild ?? paragraph, 1)
        const text = range.getBoundingClientRect()
        const own = getComputedStyle(paragraph)
        const box = paragraph.getBoundingClientRect()
        // the first line box starts at the content edge plus the first-line indent; the marker is its first inline
        const lineStart =
          box.left + parseFloat(own.borderLeftWidth) + parseFloat(own.paddingLeft) + parseFloat(own.textIndent)
        const root = paragraph.closest('.report-body')!
        const typeLeft = root.getBoundingClientRect().left + parseFloat(getComputedStyle(root).paddingLeft)
        const em = parseFloat(own.fontSize)
        return {
          marker: paragraph.getAttribute('data-marker'),
          markerFromTypeArea: (lineStart - typeLeft) / em,
          // the text follows the whole marker on the same line
          textAfterMarker: (text.left - lineStart) / markerWidth,
          sameLine: Math.abs(text.top - box.top) < em,
        }
      }),
    )
    expect(boxes).toHaveLength(11)
    for (const box of boxes) {
      expect(box.markerFromTypeArea, box.marker!).toBeGreaterThanOrEqual(1.9)
      expect(box.sameLine, box.marker!).toBe(true)
      expect(box.textAfterMarker, box.marker!).toBeGreaterThanOrEqual(0.95)
    }
    // first level two characters in, as a body paragraph's first line
    expect(boxes[0]!.markerFromTypeArea).toBeCloseTo(2, 1)
    expect(await body.locator('ul > li').count()).toBe(2)
    await body.locator('ol').first().scrollIntoViewIfNeeded()
    await screenshot(page, 'import-lists-1-editor')

    // A sub-item typed under （一） (Enter, Tab): its marker two characters further in, a long line wrapping back to
    // the level's edge, as the PDF prints it.
    await body.locator('ol > li > p', { hasText: '聚焦经济运行开展监督。' }).click()
    await page.keyboard.press('End')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Tab')
    const long = '围绕优化营商环境开展专题询问，推动有关部门整改落实问题清单所列事项并按期报告整改情况。'
    await page.keyboard.insertText(long)
    const sub = body.locator('ol ol > li > p.list-first', { hasText: long })
    await sub.waitFor()
    const geometry = await sub.evaluate(node => {
      const paragraph = node as HTMLElement
      const root = paragraph.closest('.report-body')!
      const typeLeft = root.getBoundingClientRect().left + parseFloat(getComputedStyle(root).paddingLeft)
      const own = getComputedStyle(paragraph)
      const em = parseFloat(own.fontSize)
      const box = paragraph.getBoundingClientRect()
      const text = paragraph.lastChild!
      const range = document.createRange()
      range.setStart(text, text.textContent!.length - 1)
      range.setEnd(text, text.textContent!.length)
      const last = range.getBoundingClientRect()
      return {
        marker: paragraph.getAttribute('data-marker'),
        markerFromTypeArea: (box.left + parseFloat(own.paddingLeft) + parseFloat(own.textIndent) - typeLeft) / em,
        lines: Math.round(box.height / parseFloat(own.lineHeight)),
        wrappedFromTypeArea: (box.left + parseFloat(own.paddingLeft) - typeLeft) / em,
        lastCharInside: last.left >= typeLeft,
      }
    })
    expect(geometry.marker).toBe('（1）')
    expect(geometry.markerFromTypeArea).toBeCloseTo(4, 1)
    expect(geometry.lines).toBeGreaterThanOrEqual(2)
    expect(geometry.wrappedFromTypeArea).toBeCloseTo(2, 1)
    expect(geometry.lastCharInside).toBe(true)
    await sub.scrollIntoViewIfNeeded()
    await screenshot(page, 'import-lists-2-sub-item')
    expect((page as Page & { errors: string[] }).errors).toEqual([])
    await page.close()
  }, 120_000)
})
