import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateReport } from '../../../bench/generate-report'
import { paragraph } from '../../../core/document-model'
import { importText } from '../../../core/import/import-text'
import { serializeReportFile, type ReportFile } from '../../../core/report-file'
import { launchPdfPrinter, type PdfPrinter } from '../../../main/export/pdf-printer'
import { renderReportPdf } from '../../../main/services/export-pdf-service'
import { seedSamplePath } from '../../fixtures/seed-sample-path'
import { newAppPage, screenshot, type HostProcess } from './renderer-harness'
import { postToHost, useRendererApp } from './use-renderer-app'

let browser: Browser
let host: HostProcess
useRendererApp({ hostPer: 'file' }, app => ({ browser, host } = app))

const folder = mkdtempSync(path.join(os.tmpdir(), 'wrs-page-view-'))
let printer: PdfPrinter
beforeAll(async () => {
  printer = await launchPdfPrinter()
})
afterAll(async () => {
  await printer?.close()
  rmSync(folder, { recursive: true, force: true })
})

function seedReport(): ReportFile {
  const npc = importText(readFileSync(seedSamplePath, 'utf8'), {
    markdown: true,
    fileName: path.basename(seedSamplePath),
  }).reports.find(report => report.meta.kind === 'npc')
  if (!npc) throw new Error('the seed sample no longer yields a 人大 report')
  // Runs that must not split, each where a line ends (25 characters after the two-character indent).
  const stress = [
    '全年地区生产总值同比增长高于全省全市平均水平增长5.8%，居全市前列。',
    '坚持把人民群众的急难愁盼作为人大工作的方向和努目标——围绕中心服务大局，推动发展。',
    '听取审议专项工作报告、开展执法检查、视察调研、专题询问……各项工作有序推进。',
  ]
  const content = [...(npc.doc.content ?? []), ...stress.map(text => paragraph(text))]
  return { ...npc, doc: { ...npc.doc, content } }
}

const squash = (text: string): string => text.replace(/\s+/g, '')
const pageNumberLine = /^—\d+—$/

/** The PDF of the same report as the export writes it, as pages of lines (spaces removed, page numbers left out). */
async function pdfPages(report: ReportFile, name: string): Promise<string[][]> {
  const file = path.join(folder, `${name}.pdf`)
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

async function openInEditor(page: Page, report: ReportFile, name: string): Promise<void> {
  const file = path.join(folder, `${name}.wrs`)
  writeFileSync(file, serializeReportFile(report))
  await postToHost(host.url, '/test/event', { type: 'open-file', path: file })
  await page.locator('.report-body').waitFor()
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
 * a heading's marker (drawn by CSS) in front of its first line, and a `\f` entry where a page starts.
 */
function editorLines(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const body = document.querySelector('.report-body')!
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT)
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

function pagesOf(lines: string[]): string[][] {
  const pages: string[][] = [[]]
  for (const line of lines) {
    if (line === '\f') pages.push([])
    else pages.at(-1)!.push(line)
  }
  return pages
}

/** Page starts (first 10 characters) that agree, by page index. */
function sameStarts(editor: string[][], pdf: string[][]): { same: number; differing: string[] } {
  // pdftotext lifts some runs of Latin digits (a `1.` marker, `192`) out of their line: compare the other characters.
  const start = (page: string[] | undefined) =>
    (page ?? [])
      .join('')
      .replace(/[\x00-\x7f]/g, '')
      .slice(0, 10)
  let same = 0
  const differing: string[] = []
  for (let index = 0; index < Math.max(editor.length, pdf.length); index++) {
    if (start(editor[index]) === start(pdf[index])) same++
    else differing.push(`page ${index + 1}: editor ${start(editor[index])} / PDF ${start(pdf[index])}`)
  }
  return { same, differing }
}

describe('the page view breaks lines and pages where the PDF does', () => {
  it('seed 人大 report: same lines (28 characters), subtitle on one line, 5.8% unbroken, same page starts', async () => {
    const report = seedReport()
    const pdf = await pdfPages(report, 'seed')
    const page = await newAppPage(browser, host.url)
    await page.locator('[data-testid="start-page"]').waitFor()
    await openInEditor(page, report, 'seed')
    const lines = await editorLines(page)
    const editor = pagesOf(lines)
    if (process.env.WRS_DUMP)
      writeFileSync(process.env.WRS_DUMP, `${lines.join('\n')}\n=====PDF\n${pdf.map(p => p.join('\n')).join('\n\f\n')}`)

    // Line for line what the PDF prints.
    expect(editor.flat()).toEqual(pdf.flat())
    // A full line of 汉字 and full-width signs holds 28 characters.
    const full = lines.filter(line => /^[^\x00-\x7f]{27,}$/.test(line))
    expect(full.length).toBeGreaterThan(2)
    expect(full.every(line => line.length === 28)).toBe(true)
    for (const run of ['5.8%', '——围绕', '问……各']) expect(lines.filter(line => line.includes(run))).toHaveLength(1)
    const subtitle = (report.doc.content ?? []).find(node => node.type === 'reportSubtitle')
    const subtitleText = squash((subtitle?.content ?? []).map(node => node.text ?? '').join(''))
    expect(lines).toContain(subtitleText)
    // Numbers stay whole at line ends: no line ends in a digit followed by a line starting with `.`, `%` or a digit.
    for (let index = 0; index + 1 < lines.length; index++)
      expect(`${lines[index]!.slice(-3)}|${lines[index + 1]!.slice(0, 3)}`).not.toMatch(/[0-9.]\|[0-9.%]|—\|—|…\|…/)

    const { same, differing } = sameStarts(editor, pdf)
    expect(editor.length).toBe(pdf.length)
    expect(same / pdf.length, differing.join('\n')).toBeGreaterThanOrEqual(0.98)
    // What the page shows: the sheet with its page number, as the status bar counts them.
    expect(await page.locator('.page-sheet').count()).toBe(pdf.length)
    await screenshot(page, 'page-view-seed')
    expect((page as Page & { errors: string[] }).errors).toEqual([])
    await page.close()
  }, 180_000)

  it('generated 100-page report: ≥ 98 % of pages start with the same text as the PDF', async () => {
    const report = generateReport(100)
    const pdf = await pdfPages(report, 'generated')
    const page = await newAppPage(browser, host.url)
    await page.locator('[data-testid="start-page"]').waitFor()
    await openInEditor(page, report, 'generated')
    const lines = await editorLines(page)
    const editor = pagesOf(lines)
    if (process.env.WRS_DUMP)
      writeFileSync(
        `${process.env.WRS_DUMP}.generated`,
        `${lines.join('\n')}\n=====PDF\n${pdf.map(p => p.join('\n')).join('\n\f\n')}`,
      )
    const { same, differing } = sameStarts(editor, pdf)
    expect(editor.length).toBe(pdf.length)
    expect(same / pdf.length, differing.slice(0, 12).join('\n')).toBeGreaterThanOrEqual(0.98)
    await page.close()
  }, 300_000)
})
