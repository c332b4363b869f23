import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchPdfPrinter, type PdfPrinter } from '../../../main/export/pdf-printer'
import { longFootnoteReport } from '../../fixtures/footnote-report'
import { newAppPage, screenshot, type HostProcess } from './renderer-harness'
import { editorLines, openInEditor, pagesOf, pdfPages, squash } from './page-view-helpers'
import { useRendererApp } from './use-renderer-app'

let browser: Browser
let host: HostProcess
useRendererApp({ hostPer: 'file' }, app => ({ browser, host } = app))

const folder = mkdtempSync(path.join(os.tmpdir(), 'wrs-long-note-'))
let printer: PdfPrinter
beforeAll(async () => {
  printer = await launchPdfPrinter()
})
afterAll(async () => {
  await printer?.close()
  rmSync(folder, { recursive: true, force: true })
})

describe('notes taller than a page (1,800 characters) in the page view', () => {
  it('the report opens, its sheets settle, one page or more for each note, every note shown in full', async () => {
    // Every note of footnoteReport 1,800 characters long, the one in a table row too: each runs past its page.
    const report = longFootnoteReport(1800)
    const pdf = await pdfPages(report, path.join(folder, 'long.pdf'), printer)
    const page = await newAppPage(browser, host.url)
    await page.locator('[data-testid="start-page"]').waitFor()
    await openInEditor(page, report, path.join(folder, 'long.wrs'), host.url)
    // (openInEditor waited for the sheets to settle: as many sheets as page breaks, twice in a row.)
    const editor = pagesOf(await editorLines(page))
    // A sheet at least for each note (the page of its reference takes a line or more and the note); the PDF runs
    // each note on over the pages after it, the page view draws it at the foot of its sheet: no more sheets than
    // PDF pages.
    expect(editor.length).toBeGreaterThan(19)
    expect(editor.length).toBeLessThanOrEqual(pdf.length)
    const notes = await page.evaluate(() =>
      [...document.querySelectorAll('.report-body .page-foot .note')].map(note => note.textContent ?? ''),
    )
    expect(notes).toHaveLength(19)
    for (const note of notes) expect(squash(note).length).toBeGreaterThan(1800)
    await page
      .locator('.report-body .page-foot .note')
      .first()
      .evaluate(note => note.scrollIntoView({ block: 'end' }))
    await screenshot(page, 'page-view-long-footnote')
    expect((page as Page & { errors: string[] }).errors).toEqual([])
    await page.close()
  }, 180_000)
})
