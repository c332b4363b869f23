import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateReport } from '../../../bench/generate-report'
import { nodeText, paragraph, type DocNode } from '../../../core/document-model'
import { countHan } from '../../../core/report-language/han'
import type { ReportFile } from '../../../core/report-file'
import { launchPdfPrinter, type PdfPrinter } from '../../../main/export/pdf-printer'
import { editorLines, openInEditor, pagesOf, pdfPages, sameStarts, settled } from './page-view-helpers'
import { newAppPage, screenshot, type HostProcess } from './renderer-harness'
import { useRendererApp } from './use-renderer-app'

let browser: Browser
let host: HostProcess
// A host per test: the typing test leaves a recovery snapshot that the next one must not meet.
useRendererApp({ hostPer: 'test' }, app => ({ browser, host } = app))

const folder = mkdtempSync(path.join(os.tmpdir(), 'wrs-page-view-shell-'))
let printer: PdfPrinter
beforeAll(async () => {
  printer = await launchPdfPrinter()
})
afterAll(async () => {
  await printer?.close()
  rmSync(folder, { recursive: true, force: true })
})

const typed =
  '常委会坚持把人民群众的急难愁盼作为人大工作的方向，围绕中心、服务大局，组织代表深入基层开展专题视察和调研，' +
  '推动解决了一批群众反映强烈的难点问题，监督工作的针对性和实效性进一步提升。'

async function viewport(page: Page, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height })
  await page.waitForTimeout(300)
}

const canvasFit = (page: Page) =>
  page.evaluate(() => {
    const canvas = document.querySelector<HTMLElement>('[data-testid="canvas"]')!
    const sheet = document.querySelector('.page-sheet')!.getBoundingClientRect()
    const box = canvas.getBoundingClientRect()
    return { left: sheet.left >= box.left - 0.5, right: sheet.right <= box.left + canvas.clientWidth + 0.5 }
  })

describe('page view: status bar, typing, zoom, panels and toolbar', () => {
  it('counts pages and reading time, and typing moves the page breaks where the PDF has them', async () => {
    const report = generateReport(6)
    const page = await newAppPage(browser, host.url)
    await page.locator('[data-testid="start-page"]').waitFor()
    await openInEditor(page, report, path.join(folder, 'six.wrs'), host.url)
    const sheets = await page.locator('.page-sheet').count()
    expect(sheets).toBeGreaterThan(3)
    const status = page.locator('[data-testid="page-count"]')
    await expect.poll(() => status.textContent()).toBe(`第 1 页 / 共 ${sheets} 页`)
    const han = countHan((report.doc.content ?? []).map(nodeText).join(''))
    const reading = page.locator('[data-testid="reading-time"]')
    await expect.poll(() => reading.textContent()).toBe(`朗读约 ${Math.ceil(han / 220)} 分钟`)
    expect(await reading.getAttribute('title')).toContain('每分钟 220 个汉字')

    // The caret on page 3 shows in the status bar.
    const third = page.locator('.page-sheet[data-page="3"]')
    const box = (await third.boundingBox())!
    await page.locator('[data-testid="canvas"]').evaluate((canvas, top) => canvas.scrollBy(0, top - 200), box.y)
    const sheet3 = (await third.boundingBox())!
    await page.mouse.click(sheet3.x + sheet3.width / 2, sheet3.y + 300)
    await expect.poll(() => status.textContent()).toBe(`第 3 页 / 共 ${sheets} 页`)

    // Typing at the end of the first body paragraph pushes every page start on, as the PDF of the same text.
    const index = (report.doc.content ?? []).findIndex(node => node.type === 'paragraph' && nodeText(node).length > 60)
    const target = report.doc.content![index]!
    const paragraphLocator = page.locator('.report-body > p', { hasText: nodeText(target).slice(0, 40) }).first()
    await paragraphLocator.scrollIntoViewIfNeeded()
    await paragraphLocator.evaluate(element => {
      const range = document.createRange()
      range.selectNodeContents(element)
      range.collapse(false)
      getSelection()!.removeAllRanges()
      getSelection()!.addRange(range)
    })
    await page.keyboard.insertText(typed)
    await settled(page)
    const content = [...report.doc.content!]
    content[index] = paragraph(nodeText(target) + typed) as DocNode
    const changed: ReportFile = { ...report, doc: { ...report.doc, content } }
    const pdf = await pdfPages(changed, path.join(folder, 'six-typed.pdf'), printer)
    const editor = pagesOf(await editorLines(page))
    expect(editor.length).toBe(pdf.length)
    const { same, differing } = sameStarts(editor, pdf)
    expect(same, differing.join('\n')).toBe(pdf.length)
    expect(await page.locator('.page-sheet').count()).toBe(pdf.length)
    expect((page as Page & { errors: string[] }).errors).toEqual([])
    await page.close()
  }, 180_000)

  it('typing key by key (most keys leave their paragraph as tall as it was) keeps every page start where the PDF has it', async () => {
    const report = generateReport(6)
    const page = await newAppPage(browser, host.url)
    await page.locator('[data-testid="start-page"]').waitFor()
    await openInEditor(page, report, path.join(folder, 'keys.wrs'), host.url)
    // The caret at the end of a long paragraph in the second half: one without a page break, then one a page
    // break splits (the break itself stays put while the typing is more than two lines after it).
    const caretAtEnd = (split: boolean) =>
      page.evaluate(wanted => {
        const paragraphs = [...document.querySelectorAll<HTMLElement>('.report-body > p')]
        const candidate = paragraphs
          .slice(Math.floor(paragraphs.length / 2))
          .find(
            element =>
              !!element.querySelector('.page-gap:not(.block)') === wanted &&
              (element.textContent ?? '').length > (wanted ? 120 : 60),
          )!
        const range = document.createRange()
        range.selectNodeContents(candidate)
        range.collapse(false)
        candidate.scrollIntoView({ block: 'center' })
        getSelection()!.removeAllRanges()
        getSelection()!.addRange(range)
        return candidate.textContent!.slice(0, 40)
      }, split)
    const content = [...report.doc.content!]
    for (const [split, keys] of [
      [false, typed.slice(0, 36)],
      [true, typed.slice(36, 72)],
    ] as const) {
      const prefix = await caretAtEnd(split)
      await page.keyboard.type(keys)
      await expect.poll(() => page.locator('.report-body').textContent()).toContain(keys)
      await settled(page)
      const index = content.findIndex(node => node.type === 'paragraph' && nodeText(node).startsWith(prefix))
      expect(index).toBeGreaterThan(0)
      content[index] = paragraph(nodeText(content[index]!) + keys) as DocNode
    }
    const pdf = await pdfPages({ ...report, doc: { ...report.doc, content } }, path.join(folder, 'keys.pdf'), printer)
    const editor = pagesOf(await editorLines(page))
    expect(editor.length).toBe(pdf.length)
    const { same, differing } = sameStarts(editor, pdf)
    expect(same, differing.join('\n')).toBe(pdf.length)
    expect((page as Page & { errors: string[] }).errors).toEqual([])
    await page.close()
  }, 180_000)

  it('fits 1280×720 without cutting, zooms with Ctrl+= / Ctrl+- / Ctrl+0 and fit width, remembers it; the toolbar keeps its height', async () => {
    const report = generateReport(4)
    const page = await newAppPage(browser, host.url)
    await viewport(page, 1280, 720)
    await page.locator('[data-testid="start-page"]').waitFor()
    await openInEditor(page, report, path.join(folder, 'four.wrs'), host.url)
    // Default zoom: 100 % where the sheet fits, smaller where it does not: the sheet is never cut.
    expect(await canvasFit(page)).toEqual({ left: true, right: true })
    const zoomLabel = page.locator('[data-testid="view-controls"] [data-command="zoomReset"]')
    const percent = async () => Number((await zoomLabel.textContent())!.replace('%', ''))
    const start = await percent()
    expect(start).toBeLessThan(100)
    await screenshot(page, 'page-view-1280x720')

    // The toolbar is one row whatever the caret is in (a table's tools are in their slot, enabled).
    const toolbar = page.locator('[role="toolbar"]').first()
    const height = (await toolbar.boundingBox())!.height
    expect(await page.locator('[data-command="addRow"]').isDisabled()).toBe(true)
    await page.locator('.report-body td').first().click()
    await expect.poll(() => page.locator('[data-command="addRow"]').isDisabled()).toBe(false)
    expect((await toolbar.boundingBox())!.height).toBe(height)

    // Ctrl+= / Ctrl+- step the zoom; Ctrl+0 is 100 %; fit width fills the canvas.
    await page.keyboard.press('Control+=')
    await expect.poll(percent).toBeGreaterThan(start)
    await page.keyboard.press('Control+-')
    await page.keyboard.press('Control+-')
    await expect.poll(percent).toBeLessThan(start)
    await page.keyboard.press('Control+0')
    await expect.poll(percent).toBe(100)
    await page.locator('[data-command="fitWidth"]').click()
    await expect.poll(async () => (await canvasFit(page)).right).toBe(true)
    const fitted = await percent()
    // Zoom leaves the pages alone: the same sheets, lines and page starts at any scale.
    const before = await editorLines(page)
    await page.locator('[data-command="fitPage"]').click()
    await expect.poll(percent).toBeLessThan(fitted)
    expect(await editorLines(page)).toEqual(before)

    // Closing both panels gives the page the window; the choice and the zoom are remembered after a restart.
    await page.locator('[data-command="toggleOutline"]').click()
    await page.locator('[data-command="toggleChecks"]').click()
    await page.locator('[data-command="fitWidth"]').click()
    await expect.poll(percent).toBeGreaterThan(fitted)
    await page.reload()
    await page.locator('[data-testid="start-page"]').waitFor()
    await openInEditor(page, report, path.join(folder, 'four.wrs'), host.url)
    expect(await page.locator('[data-command="fitWidth"]').getAttribute('aria-pressed')).toBe('true')
    expect(await page.locator('.side-panel').count()).toBe(0)
    expect(await page.locator('nav.outline').count()).toBe(0)
    expect(await canvasFit(page)).toEqual({ left: true, right: true })

    // The draft view: one long sheet, no page breaks; back to pages.
    await page.locator('[data-command="togglePageView"]').click()
    await expect.poll(() => page.locator('.report-body .page-gap').count()).toBe(0)
    expect(await page.locator('.page-sheet').count()).toBe(0)
    await page.locator('[data-command="togglePageView"]').click()
    await settled(page)

    // Panels open again: at 1366×768 fit width keeps the whole sheet beside them; at 1920×1080 100 % fits.
    await page.locator('[data-command="toggleOutline"]').click()
    await page.locator('[data-command="toggleChecks"]').click()
    await viewport(page, 1366, 768)
    expect(await canvasFit(page)).toEqual({ left: true, right: true })
    await screenshot(page, 'page-view-1366x768')
    await viewport(page, 1920, 1080)
    await page.keyboard.press('Control+0')
    await expect.poll(percent).toBe(100)
    expect(await canvasFit(page)).toEqual({ left: true, right: true })
    await screenshot(page, 'page-view-1920x1080')
    expect((page as Page & { errors: string[] }).errors).toEqual([])
    await page.close()
  }, 180_000)
  it('prints a draft’s label at the head of every sheet, as the PDF does, and none on a 正式稿', async () => {
    const page = await newAppPage(browser, host.url)
    await page.locator('[data-testid="start-page"]').waitFor()
    const draft = generateReport(3)
    draft.meta = { ...draft.meta, draftLabel: '征求意见稿' }
    await openInEditor(page, draft, path.join(folder, 'draft.wrs'), host.url)
    const sheets = await page.locator('.page-sheet').count()
    expect(sheets).toBeGreaterThan(1)
    const labels = page.locator('.page-sheet .page-label')
    expect(await labels.allTextContents()).toEqual(Array.from({ length: sheets }, () => '征求意见稿'))
    // Centred over the type area, above it: as the PDF's @top-center header.
    const placed = await page.evaluate(() => {
      const sheet = document.querySelector('.page-sheet')!.getBoundingClientRect()
      const label = document.querySelector('.page-sheet .page-label')!.getBoundingClientRect()
      const text = document.querySelector('.report-body > *')!.getBoundingClientRect()
      return {
        centre: label.left + label.width / 2 - sheet.left,
        sheetWidth: sheet.width,
        above: label.bottom < text.top,
      }
    })
    expect(placed.above).toBe(true)
    // The type area is 28 mm from the left edge and 156 mm wide: its centre is 106 mm in, on a 210 mm sheet.
    expect(Math.abs(placed.centre / placed.sheetWidth - 106 / 210)).toBeLessThan(0.01)
    await screenshot(page, 'page-view-draft-label')

    const final = generateReport(3)
    await openInEditor(
      page,
      { ...final, meta: { ...final.meta, draftLabel: '' } },
      path.join(folder, 'final.wrs'),
      host.url,
    )
    await expect.poll(() => page.locator('.page-sheet .page-label').count()).toBe(0)
  })
})
