import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { NodeType, paragraph, type DocNode } from '../../../core/document-model'
import { npcReportFixture } from '../../fixtures/docx-npc-report'
import { newAppPage, screenshot, type HostProcess } from './renderer-harness'
import { openInEditor } from './page-view-helpers'
import { useRendererApp } from './use-renderer-app'

let browser: Browser
let host: HostProcess
useRendererApp({ hostPer: 'file' }, app => ({ browser, host } = app))

const folder = mkdtempSync(path.join(os.tmpdir(), 'wrs-table-cells-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

const row = (cells: string[], type: string = NodeType.tableCell): DocNode => ({
  type: NodeType.tableRow,
  content: cells.map(text => ({ type, attrs: { colspan: 1, rowspan: 1 }, content: [paragraph(text)] })),
})

describe('table cells in the editor are set as the PDF sets them (issue 12)', () => {
  it('a cell holding a number alone is right-aligned and every cell vertically centred, as the print style sheet has it', async () => {
    const report = npcReportFixture()
    const table: DocNode = {
      type: NodeType.table,
      content: [
        row(['项目', '2022年', '增长'], NodeType.tableHeader),
        row(['审议专项工作报告，听取和审议有关方面的情况汇报并提出意见建议', '15', '12.5%']),
        row(['执法检查', '2,340', '第3项']),
      ],
    }
    const content = [...(report.doc.content ?? [])]
    content.splice(5, 0, table)
    const page = await newAppPage(browser, host.url)
    await page.locator('[data-testid="start-page"]').waitFor()
    await openInEditor(page, { ...report, doc: { ...report.doc, content } }, path.join(folder, 'cells.wrs'), host.url)
    const cells = await page.evaluate(() =>
      [...document.querySelector('.report-body table')!.querySelectorAll('tr')].map(tr =>
        [...tr.querySelectorAll(':scope > td, :scope > th')].map(cell => {
          const text = cell.querySelector('p')!
          const box = cell.getBoundingClientRect()
          const range = document.createRange()
          range.selectNodeContents(text)
          const ink = range.getBoundingClientRect()
          return {
            text: cell.textContent,
            align: getComputedStyle(text).textAlign,
            valign: getComputedStyle(cell).verticalAlign,
            // Gaps between the text and the cell's right edge, and between its top and bottom gaps (centred: 0).
            right: Math.round(box.right - ink.right),
            centred: Math.abs(ink.top - box.top - (box.bottom - ink.bottom)),
          }
        }),
      ),
    )
    expect(cells.map(cells => cells.map(cell => `${cell.text}:${cell.align}`))).toEqual([
      ['项目:center', '2022年:center', '增长:center'],
      ['审议专项工作报告，听取和审议有关方面的情况汇报并提出意见建议:left', '15:right', '12.5%:right'],
      ['执法检查:left', '2,340:right', '第3项:left'],
    ])
    for (const cell of cells.flat()) expect(cell.valign).toBe('middle')
    // The figures end at the cell's padding (5.4 pt ≈ 7 px plus the rule), not at its left edge.
    for (const cell of [cells[1]![1]!, cells[1]![2]!, cells[2]![1]!]) expect(cell.right).toBeLessThan(10)
    // In the row whose first cell runs over several lines, the figures sit in the middle.
    expect(cells[1]![1]!.centred).toBeLessThan(2)
    await page.locator('.report-body table').first().scrollIntoViewIfNeeded()
    await screenshot(page, 'table-number-cells')
    expect((page as Page & { errors: string[] }).errors).toEqual([])
    await page.close()
  }, 120_000)
})
