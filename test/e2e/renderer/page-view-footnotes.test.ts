import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NodeType, paragraph } from '../../../core/document-model'
import { parseReportFile } from '../../../core/report-file'
import { launchPdfPrinter, type PdfPrinter } from '../../../main/export/pdf-printer'
import { footnoteReport, rowspanFootnoteReport } from '../../fixtures/footnote-report'
import { richReport } from '../../fixtures/rich-content'
import { newAppPage, screenshot, type HostProcess } from './renderer-harness'
import {
  editorLines,
  editorNotesByPage,
  openInEditor,
  pagesOf,
  pdfPages,
  sameStarts,
  settled,
} from './page-view-helpers'
import { postToHost, useRendererApp } from './use-renderer-app'

let browser: Browser
let host: HostProcess
useRendererApp({ hostPer: 'file' }, app => ({ browser, host } = app))

const folder = mkdtempSync(path.join(os.tmpdir(), 'wrs-page-notes-'))
let printer: PdfPrinter
beforeAll(async () => {
  printer = await launchPdfPrinter()
})
afterAll(async () => {
  await printer?.close()
  rmSync(folder, { recursive: true, force: true })
})

/** Footnote numbers of each PDF page (the `注n：` the notes of footnoteReport start with). */
function pdfNotesByPage(file: string, pages: number): number[][] {
  return Array.from({ length: pages }, (_, index) =>
    [
      ...execFileSync('pdftotext', ['-raw', '-f', String(index + 1), '-l', String(index + 1), file, '-'], {
        encoding: 'utf8',
      })
        .replace(/\s+/g, '')
        .matchAll(/注(\d+)：/g),
    ].map(match => Number(match[1])),
  )
}

/**
 * Pages without the table's header cells: pdftotext sets a table column by column (the header cells after the rows,
 * `2023` and `年` sometimes apart), the editor cell by cell at the top of the sheet, so page starts are compared
 * without them.
 */
const withoutHeader = (pages: string[][]): string[][] =>
  pages.map(lines => lines.filter(line => !['项目', '年', ''].includes(line.replace(/[\x00-\x7f]/g, ''))))

describe('the page view sets footnotes at the page foot as the PDF does (issue 13/12)', () => {
  it('same page starts as the PDF, and each sheet shows the notes the PDF page prints, at the foot of its type area', async () => {
    const report = footnoteReport()
    const file = path.join(folder, 'notes.pdf')
    const pdf = await pdfPages(report, file, printer)
    const pdfNotes = pdfNotesByPage(file, pdf.length)
    const page = await newAppPage(browser, host.url)
    await page.locator('[data-testid="start-page"]').waitFor()
    await openInEditor(page, report, path.join(folder, 'notes.wrs'), host.url)
    const editor = pagesOf(await editorLines(page))
    // A sheet the table runs onto opens with its header row repeated, as the PDF page does (issue 12: it was blank).
    const header = '项目2022年2023年'
    const tablePages = editor.filter(lines => lines.some(line => line.startsWith('监督事项')))
    expect(tablePages.length).toBeGreaterThan(1)
    // (the editor's lines come cell by cell)
    for (const lines of tablePages.slice(1)) expect(lines.slice(0, 3).join('')).toBe(header)
    for (const lines of pdf.filter(lines => lines.some(line => line.startsWith('监督事项'))))
      expect(lines).toContain('项目')
    const { same, differing } = sameStarts(withoutHeader(editor), withoutHeader(pdf))
    expect(editor.length).toBe(pdf.length)
    expect(same, differing.join('\n')).toBe(pdf.length)
    expect(await editorNotesByPage(page)).toEqual(pdfNotes)

    // The last note of every sheet ends inside the type area, in its last 40 mm (37 + 225 mm from the sheet's top).
    const misplaced = await page.evaluate(() => {
      const mm = 96 / 25.4
      const sheets = [...document.querySelectorAll('.page-sheet')].map(sheet => sheet.getBoundingClientRect())
      const scale = sheets[0]!.height / (297 * mm)
      const out: string[] = []
      for (const foot of document.querySelectorAll('.report-body .page-foot')) {
        const note = foot.querySelector('.note:last-child')
        if (!note) continue
        const bottom = note.getBoundingClientRect().bottom
        const sheet = sheets.find(rect => rect.top <= bottom && bottom <= rect.bottom)
        const fromTop = sheet ? (bottom - sheet.top) / scale / mm : -1
        // (+0.5 mm: after the sheet the table crosses, the text sits 0.5 mm lower than before it; see the README)
        if (fromTop < 37 + 225 - 40 || fromTop > 37 + 225 + 0.5)
          out.push(`${note.textContent?.slice(0, 4)}: ${fromTop.toFixed(1)} mm`)
      }
      return out
    })
    expect(misplaced).toEqual([])
    await page
      .locator('.report-body .page-foot')
      .first()
      .evaluate(foot => foot.scrollIntoView({ block: 'center' }))
    await screenshot(page, 'page-view-footnotes')
    // Where the table crosses a sheet: no rule through the gap, the header row again on the next sheet.
    await page
      .locator('.report-body tr.page-gap-row')
      .first()
      .evaluate(row => row.scrollIntoView({ block: 'center' }))
    const crossing = await page
      .locator('.report-body tr.page-gap-row')
      .first()
      .evaluate(row => {
        const cell = row.querySelector('td')!
        const style = getComputedStyle(cell)
        return {
          borders: [style.borderLeftStyle, style.borderRightStyle],
          head: [...row.querySelectorAll('.page-gap-head th')].map(th => th.textContent),
        }
      })
    expect(crossing).toEqual({ borders: ['none', 'none'], head: ['项目', '2022年', '2023年'] })
    await screenshot(page, 'page-view-table-break')
    // The repeated header is drawn, not text: clicking it neither fails nor changes the document.
    const text = () => page.locator('.report-body').evaluate(body => body.textContent)
    const before = await text()
    await page.locator('.report-body .page-gap-head th').first().click()
    await page.keyboard.press('ArrowDown')
    expect(await text()).toBe(before)
    await expect
      .poll(() => page.locator('[data-testid="page-count"]').textContent())
      .toMatch(new RegExp(`^第 \\d+ 页 / 共 ${pdf.length} 页$`))
    expect((page as Page & { errors: string[] }).errors).toEqual([])
    await page.close()
  }, 180_000)

  it('a note inserted while editing takes its room at once: the pages still break where the PDF of the saved report does', async () => {
    const wrs = path.join(folder, 'insert.wrs')
    const page = await newAppPage(browser, host.url)
    await page.locator('[data-testid="start-page"]').waitFor()
    await openInEditor(page, footnoteReport(), wrs, host.url)
    // A three-line note at the end of the paragraph 【4】 (page 3), numbered 注4： like the others before it.
    const text =
      '注4：据区统计局2023年快报数，部分指标按可比口径计算，最终数据以统计年鉴公布数为准，其余数据来源于区人大常委会办公室统计，特此说明。'
    const target = page.locator('.report-body p', { hasText: '【4】' })
    await target.click()
    await target.evaluate(element => {
      const range = document.createRange()
      range.selectNodeContents(element)
      range.collapse(false)
      document.getSelection()!.removeAllRanges()
      document.getSelection()!.addRange(range)
    })
    await page.keyboard.press('Control+Alt+f')
    const dialog = page.locator('[data-testid="footnote-dialog"]')
    await dialog.waitFor()
    await page.keyboard.insertText(text)
    await page.keyboard.press('Enter')
    await dialog.waitFor({ state: 'detached' })
    await expect
      .poll(() => page.locator('.report-body .page-foot .note', { hasText: '据区统计局2023年快报数' }).count())
      .toBe(1)
    await postToHost(host.url, '/test/dialogs', { save: [wrs] })
    await page.keyboard.press('Control+s')
    await expect.poll(() => page.locator('[data-testid="save-state"]').textContent()).toBe('已保存')
    const saved = parseReportFile(readFileSync(wrs, 'utf8'))
    if (!saved.ok) throw new Error(saved.message)

    const file = path.join(folder, 'insert.pdf')
    const pdf = await pdfPages(saved.value, file, printer)
    await settled(page)
    const editor = pagesOf(await editorLines(page))
    const { same, differing } = sameStarts(withoutHeader(editor), withoutHeader(pdf))
    expect(editor.length).toBe(pdf.length)
    expect(same, differing.join('\n')).toBe(pdf.length)
    // Both number the new note 5 (reading order) and set it on the page of its reference.
    const notes = await editorNotesByPage(page)
    expect(notes).toEqual(pdfNotesByPage(file, pdf.length))
    expect(notes.flat().filter(number => number === 4)).toHaveLength(2)
    expect((page as Page & { errors: string[] }).errors).toEqual([])
    await page.close()
  }, 180_000)

  it('PDF: a cell spanning rows across a page break ends there and an empty cell continues it, the columns in place', async () => {
    // A 类别 cell spanning all 50 body rows of a four-column table that runs over pages.
    const file = path.join(folder, 'rowspan.pdf')
    const pages = await pdfPages(rowspanFootnoteReport(), file, printer)
    const tablePages = pages
      .map((lines, index) => ({ lines, index }))
      .filter(({ lines }) => lines.some(line => /^事项\d+$/.test(line)))
    expect(tablePages.length).toBeGreaterThan(1)
    // Right edges of the 本年 figures (2xx) on every page the table runs onto: one column, as on its first page.
    const words = [...execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' }).split('</page>')].map(
      page =>
        [...page.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">(2\d\d)<\/word>/g)].map(
          match => Number(match[2]),
        ),
    )
    const edges = tablePages.map(({ index }) => words[index]!)
    for (const page of edges) expect(page.length).toBeGreaterThan(0)
    const all = edges.flat()
    expect(Math.max(...all) - Math.min(...all)).toBeLessThan(1)
    // The category is printed once, on the page the span starts on; every row keeps its four columns.
    expect(pages.flat().filter(line => line.includes('甲类事项')).length).toBe(1)
    mkdirSync(path.join('.tmp', 'screens'), { recursive: true })
    copyFileSync(file, path.join('.tmp', 'screens', 'pdf-rowspan-break.pdf'))
  }, 180_000)

  it('a cell spanning rows across a sheet break: it ends at the break, an empty cell continues it, every row in its columns', async () => {
    // With the notes: the PDF is paginated by main/export/footnote-pages.ts, as the page view.
    const withTable = rowspanFootnoteReport()
    const pdf = await pdfPages(withTable, path.join(folder, 'span.pdf'), printer)
    const page = await newAppPage(browser, host.url)
    await page.locator('[data-testid="start-page"]').waitFor()
    await openInEditor(page, withTable, path.join(folder, 'span.wrs'), host.url)
    const editor = pagesOf(await editorLines(page))
    const head = (pages: string[][]) =>
      withoutHeader(pages).map(lines => lines.filter(line => !/^(类别|事项|上年|本年)$/.test(line)))
    const { same, differing } = sameStarts(head(editor), head(pdf))
    expect(editor.length).toBe(pdf.length)
    expect(same, differing.join('\n')).toBe(pdf.length)
    const drawn = await page.evaluate(() => {
      const table = [...document.querySelectorAll('.report-body table')].find(each =>
        each.textContent!.includes('甲类事项'),
      )!
      const rows = [...table.querySelectorAll(':scope > tbody > tr')]
      const gaps = rows.filter(row => row.classList.contains('page-gap-row'))
      const span = [...table.querySelectorAll('td')].find(td => td.textContent === '甲类事项')!
      return {
        gaps: gaps.length,
        // The right edge of each body row's last cell (本年) and the left edge of its 事项 cell.
        rights: rows
          .filter(row => !row.classList.contains('page-gap-row') && /事项\d/.test(row.textContent!))
          .map(row => {
            const cells = [...row.querySelectorAll(':scope > td')].filter(td => /^事项\d+$/.test(td.textContent!))
            return [
              Math.round(row.lastElementChild!.getBoundingClientRect().right),
              Math.round(cells[0]!.getBoundingClientRect().left),
            ]
          }),
        spanEndsAtGap: span.getBoundingClientRect().bottom <= gaps[0]!.getBoundingClientRect().top + 1,
        continued: table.querySelectorAll('td.page-gap-span').length,
      }
    })
    expect(drawn.gaps).toBeGreaterThan(0)
    expect(drawn.rights.length).toBe(50)
    expect(new Set(drawn.rights.map(pair => pair.join('/'))).size).toBe(1)
    expect(drawn.spanEndsAtGap).toBe(true)
    expect(drawn.continued).toBe(drawn.gaps)
    await page
      .locator('.report-body tr.page-gap-row')
      .first()
      .evaluate(row => row.scrollIntoView({ block: 'center' }))
    await screenshot(page, 'page-view-rowspan-break')
    expect((page as Page & { errors: string[] }).errors).toEqual([])
    await page.close()
  }, 180_000)

  it('a table with a two-row merged header crossing sheets, no notes: no rule through the gap, the whole header again', async () => {
    // The rich statistics table (项目 over two rows, 完成数量 over two columns) with 60 rows, after the opening.
    const report = footnoteReport()
    const content = (report.doc.content ?? []).filter(node => !JSON.stringify(node).includes('"footnote"'))
    const table = richReport().doc.content!.find(node => node.type === NodeType.table)!
    const rows = table.content!.slice(0, 2)
    for (let index = 1; index <= 60; index++)
      rows.push({
        type: NodeType.tableRow,
        content: [`工程${index}`, String(index), String(index + 100)].map(text => ({
          type: NodeType.tableCell,
          attrs: { colspan: 1, rowspan: 1 },
          content: [paragraph(text)],
        })),
      })
    content.splice(8, 0, { ...table, content: rows })
    const withTable = { ...report, doc: { ...report.doc, content } }
    const file = path.join(folder, 'table.pdf')
    const pdf = await pdfPages(withTable, file, printer)
    const page = await newAppPage(browser, host.url)
    await page.locator('[data-testid="start-page"]').waitFor()
    await openInEditor(page, withTable, path.join(folder, 'table.wrs'), host.url)
    const editor = pagesOf(await editorLines(page))
    const head = (pages: string[][]) => pages.map(lines => lines.filter(line => !/^(项目|完成数量|\d*年)$/.test(line)))
    const { same, differing } = sameStarts(head(editor), head(pdf))
    expect(editor.length).toBe(pdf.length)
    expect(same, differing.join('\n')).toBe(pdf.length)
    const breaks = page.locator('.report-body tr.page-gap-row')
    expect(await breaks.count()).toBeGreaterThan(0)
    for (const crossing of await breaks.all()) {
      const drawn = await crossing.evaluate(row => ({
        borders: ['Left', 'Right', 'Top', 'Bottom'].map(
          side => getComputedStyle(row.querySelector('td')!)[`border${side}Style` as 'borderLeftStyle'],
        ),
        head: [...row.querySelectorAll('.page-gap-head tr')].map(tr =>
          [...tr.querySelectorAll('th')].map(th => `${th.textContent}/${th.colSpan}/${th.rowSpan}`),
        ),
      }))
      expect(drawn).toEqual({
        borders: ['none', 'none', 'none', 'none'],
        head: [
          ['项目/1/2', '完成数量/2/1'],
          ['2022年/1/1', '2023年/1/1'],
        ],
      })
    }
    // The repeated header is as tall as the table's own: the next row starts under it, not into it.
    const [own, repeated] = await page.evaluate(() => {
      const table = document.querySelector('.report-body table')!
      const rows = [...table.querySelectorAll(':scope > tbody > tr')].slice(0, 2)
      const drawn = document.querySelector('.report-body .page-gap-head table')!
      return [
        rows[1]!.getBoundingClientRect().bottom - rows[0]!.getBoundingClientRect().top,
        drawn.getBoundingClientRect().height,
      ]
    })
    expect(Math.abs(own! - repeated!)).toBeLessThan(1.5)
    await breaks.first().evaluate(row => row.scrollIntoView({ block: 'center' }))
    await screenshot(page, 'page-view-merged-header-break')
    expect((page as Page & { errors: string[] }).errors).toEqual([])
    await page.close()
  }, 180_000)
})
