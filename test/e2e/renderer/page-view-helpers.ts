import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { serializeReportFile, type ReportFile } from '../../../core/report-file'
import type { PdfPrinter } from '../../../main/export/pdf-printer'
import { renderReportPdf } from '../../../main/services/export-pdf-service'
import { eventsOpen } from './renderer-harness'
import { postToHost } from './use-renderer-app'

// A word joiner (U+2060) keeps a footnote number with the character before it; pdftotext gives it back.
export const squash = (text: string): string => text.replace(/[\s\u2060]+/g, '')
const pageNumberLine = /^—\d+—$/

/** The PDF of the same report as the export writes it, as pages of lines (spaces removed, page numbers left out). */
export async function pdfPages(report: ReportFile, file: string, printer: PdfPrinter): Promise<string[][]> {
  writeFileSync(file, (await renderReportPdf(report, null, html => printer.print(html))).pdf)
  return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 })
    .split('\f')
    .slice(0, -1)
    .map(page =>
      page
        .split('\n')
        .map(squash)
        .filter(line => line && !pageNumberLine.test(line)),
    )
}

export async function openInEditor(page: Page, report: ReportFile, file: string, hostUrl: string): Promise<void> {
  writeFileSync(file, serializeReportFile(report))
  await eventsOpen(page)
  await postToHost(hostUrl, '/test/event', { type: 'open-file', path: file })
  await page.locator('.report-body').waitFor()
  await settled(page)
}

/** Waits until the page view shows as many sheets as page starts, twice in a row. */
export async function settled(page: Page): Promise<void> {
  // Paginated: as many sheets as page starts, and stable.
  let last = ''
  await expect
    .poll(
      async () => {
        const now = await page.evaluate(
          () =>
            `${document.querySelectorAll('.page-sheet').length}/${document.querySelectorAll('.report-body .page-gap, .report-body tr.page-gap-row').length}`,
        )
        const stable = now === last
        last = now
        return stable && Number(now.split('/')[0]) === Number(now.split('/')[1]) + 1
      },
      { timeout: 60_000, interval: 500 },
    )
    .toBe(true)
}

/**
 * The editor's text as lines, the way the screen shows them: characters grouped by line box (by cell inside tables),
 * a heading's marker (drawn by CSS) in front of its first line, and a `\f` entry where a page starts. Notes that
 * do not print (guidance, promise boxes) are left out.
 */
export function editorLines(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const body = document.querySelector('.report-body')!
    // Notes that are never printed (template guidance, last year's promise) are not lines of the page.
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT, {
      acceptNode: node =>
        node instanceof Element && node.matches('.guidance, .promise-box')
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_ACCEPT,
    })
    const range = document.createRange()
    const lines: string[] = []
    let current = ''
    let key = ''
    const markersShown = new Set<Element>()
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node instanceof Element) {
        if (
          node.classList.contains('page-gap') ||
          (node instanceof HTMLTableRowElement && node.classList.contains('page-gap-row'))
        ) {
          if (current) lines.push(current)
          lines.push('\f')
          current = ''
          key = ''
        }
        continue
      }
      const text = node as Text
      // The footnotes drawn at a page foot are not body lines.
      if (text.parentElement!.closest('.page-foot')) continue
      const cell = text.parentElement!.closest('td, th')
      const heading = text.parentElement!.closest('.report-heading')
      for (let offset = 0; offset < text.length; offset++) {
        range.setStart(text, offset)
        range.setEnd(text, offset + 1)
        const rects = range.getClientRects()
        const rect = rects[rects.length - 1]
        if (!rect) continue
        const lineKey = `${cell ? [...body.querySelectorAll('td, th')].indexOf(cell) : -1}:${Math.round(rect.top / 4)}`
        if (lineKey !== key) {
          if (current) lines.push(current)
          current = ''
          key = lineKey
          if (heading && !markersShown.has(heading)) {
            markersShown.add(heading)
            current = heading.getAttribute('data-marker') ?? ''
          }
        }
        current += text.data[offset]
      }
    }
    if (current) lines.push(current)
    return lines.map(line => (line === '\f' ? line : line.replace(/\s+/g, '')))
  })
}

export function pagesOf(lines: string[]): string[][] {
  const pages: string[][] = [[]]
  for (const line of lines) {
    if (line === '\f') pages.push([])
    else pages.at(-1)!.push(line)
  }
  return pages
}

/**
 * Page starts that agree, by page index: the whole first line (a table's cells come in another order from pdftotext,
 * so only the line a page opens with counts).
 */
export function sameStarts(editor: string[][], pdf: string[][]): { same: number; differing: string[] } {
  // pdftotext lifts some runs of Latin digits (a `1.` marker, `192`) out of their line: compare the other characters.
  const start = (page: string[] | undefined) =>
    (page ?? []).map(line => line.replace(/[\x00-\x7f]/g, '')).find(Boolean) ?? ''
  let same = 0
  const differing: string[] = []
  for (let index = 0; index < Math.max(editor.length, pdf.length); index++) {
    if (start(editor[index]) === start(pdf[index])) same++
    else differing.push(`page ${index + 1}: editor ${start(editor[index])} / PDF ${start(pdf[index])}`)
  }
  return { same, differing }
}

/** The footnote numbers drawn at the foot of each sheet of the page view (the `注n：` they start with), page by page. */
export function editorNotesByPage(page: Page): Promise<number[][]> {
  return page.evaluate(() => {
    const pages: number[][] = [[]]
    const numbers = (element: Element): number[] =>
      [...element.querySelectorAll('.note')].map(note => Number(/注(\d+)：/.exec(note.textContent ?? '')?.[1]))
    for (const element of document.querySelectorAll(
      '.report-body .page-gap, .report-body tr.page-gap-row, .report-body > .page-foot, .report-body .page-foot-row',
    )) {
      if (element.classList.contains('page-foot')) pages.at(-1)!.push(...numbers(element))
      else {
        pages.at(-1)!.push(...numbers(element))
        pages.push([])
      }
    }
    return pages
  })
}
