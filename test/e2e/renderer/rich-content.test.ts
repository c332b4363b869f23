import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { footnotesOf, nodeText, NodeType, type DocNode } from '../../../core/document-model'
import { parseReportFile, serializeReportFile } from '../../../core/report-file'
import { footnoteText, richReport } from '../../fixtures/rich-content'
import type { HostProcess } from './renderer-harness'
import { newAppPage, screenshot } from './renderer-harness'
import { postToHost, useRendererApp } from './use-renderer-app'

let browser: Browser
let host: HostProcess
useRendererApp({}, app => ({ browser, host } = app))

const body = (page: Page) => page.locator('.report-body')

/** Word's clipboard: a superscript, a subscript span, and a footnote with its note at the end. */
const wordClipboard = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><body><!--StartFragment-->
<p class=MsoNormal>绿地面积增加8万m<sup>2</sup>，SO<span style='vertical-align:sub'>2</span>浓度下降。<a style='mso-footnote-id:ftn1' href="#_ftn1" name="_ftnref1"><span class=MsoFootnoteReference>[1]</span></a></p>
<div style='mso-element:footnote-list'><div style='mso-element:footnote' id=ftn1><p class=MsoFootnoteText><a href="#_ftnref1" name="_ftn1">[1]</a> 据区生态环境局监测。</p></div></div>
<!--EndFragment--></body></html>`

function blockWith(doc: DocNode, text: string): DocNode | undefined {
  return (doc.content ?? []).find(node => nodeText(node).includes(text))
}

describe('sub/superscripts, footnotes and rich tables in the editor (issue 13)', () => {
  it('shows them, types a superscript, pastes them from Word and saves them', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'wrs-rich-'))
    const file = path.join(folder, '富内容.wrs')
    writeFileSync(file, serializeReportFile(richReport()))
    const page = await newAppPage(browser, host.url)
    await page.locator('[data-testid="start-page"]').waitFor()
    await postToHost(host.url, '/test/dialogs', { open: [file] })
    await page.keyboard.press('Control+o')
    await expect.poll(() => body(page).textContent()).toContain('保障性住房')

    const html = await body(page).evaluate(element => element.innerHTML)
    expect(html).toContain('万m<sup>2</sup>，减少CO<sub>2</sub>排放')
    const note = body(page).locator('sup.footnote')
    expect(await note.count()).toBe(1)
    expect(await note.getAttribute('data-text')).toBe(footnoteText)
    // numbered in reading order, as both exports number them
    expect(await note.getAttribute('data-number')).toBe('1')
    const table = body(page).locator('table').first()
    expect(await table.locator('[rowspan="2"]').count()).toBe(1)
    expect(await table.locator('[colspan="2"]').count()).toBe(1)
    expect(await table.locator('td ul li').allTextContents()).toEqual(['新建道路', '改建道路'])
    expect(await table.locator('td table td').allTextContents()).toEqual(['主干路', '9', '次干路', '6'])
    await screenshot(page, 'rich-1-opened')

    // Superscript from the toolbar: 12万m² typed as 万m then ² with the 上标 button.
    const target = body(page).locator('p', { hasText: '一年来，共召开常委会会议' })
    await target.click()
    // the caret at the paragraph's end (End only reaches the end of the wrapped line)
    await target.evaluate(element => {
      const range = document.createRange()
      range.selectNodeContents(element)
      range.collapse(false)
      document.getSelection()!.removeAllRanges()
      document.getSelection()!.addRange(range)
    })
    await page.keyboard.insertText('新增绿地3万m')
    await page.locator('button[data-command="superscript"]').click()
    await page.keyboard.insertText('2')
    await page.locator('button[data-command="superscript"]').click()
    await page.keyboard.insertText('。')
    await expect.poll(() => target.evaluate(element => element.innerHTML)).toContain('新增绿地3万m<sup>2</sup>。')

    // Paste from Word at the end of that paragraph.
    await page.evaluate(clipboard => {
      const data = new DataTransfer()
      data.setData('text/html', clipboard)
      data.setData('text/plain', '绿地面积增加8万m2，SO2浓度下降。[1]')
      document
        .querySelector('.report-body')!
        .dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
    }, wordClipboard)
    await expect.poll(() => body(page).textContent()).toContain('浓度下降')
    await expect.poll(() => body(page).locator('sup.footnote').count()).toBe(2)
    const pasted = await body(page).evaluate(element => element.innerHTML)
    expect(pasted).toContain('8万m<sup>2</sup>，SO<sub>2</sub>浓度下降。')
    expect(pasted).not.toContain('[1]')
    expect(pasted).not.toContain('mso-')
    // the pasted note is the second in reading order
    expect(
      await body(page)
        .locator('sup.footnote')
        .evaluateAll(notes => notes.map(note => [note.getAttribute('data-number'), note.getAttribute('data-text')])),
    ).toEqual([
      ['1', footnoteText],
      ['2', '据区生态环境局监测。'],
    ])
    await screenshot(page, 'rich-2-typed-and-pasted')

    await postToHost(host.url, '/test/dialogs', { save: [file] })
    await page.keyboard.press('Control+s')
    await expect.poll(() => page.locator('[data-testid="save-state"]').textContent()).toBe('已保存')
    const saved = parseReportFile(readFileSync(file, 'utf8'))
    if (!saved.ok) throw new Error(saved.message)
    const doc = saved.value.doc
    expect(footnotesOf(doc).map(node => node.attrs?.text)).toEqual([footnoteText, '据区生态环境局监测。'])
    const typed = blockWith(doc, '新增绿地3万m')!
    expect(typed.content).toContainEqual({ type: 'text', text: '2', marks: [{ type: 'superscript' }] })
    const savedTable = (doc.content ?? []).find(node => node.type === NodeType.table)!
    expect(JSON.stringify(savedTable)).toContain('"rowspan":2')
    expect(JSON.stringify(savedTable)).toContain('"type":"bulletList"')
    await page.close()
  })

  it('warns in the checks about a character no installed font has, naming it', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'wrs-glyph-'))
    const file = path.join(folder, '缺字.wrs')
    const report = richReport()
    const content = [...(report.doc.content ?? [])]
    content.splice(6, 0, { type: 'paragraph', content: [{ type: 'text', text: '𠀀村、𪚥村道路全部硬化。' }] })
    writeFileSync(file, serializeReportFile({ ...report, doc: { ...report.doc, content } }))
    const page = await newAppPage(browser, host.url)
    await page.locator('[data-testid="start-page"]').waitFor()
    await postToHost(host.url, '/test/dialogs', { open: [file] })
    await page.keyboard.press('Control+o')
    const findings = page.locator('[data-testid="checks-panel"] .finding[data-rule="TXT-GLYPH"] .message')
    await expect.poll(() => findings.count(), { timeout: 15_000 }).toBe(2)
    expect(await findings.allTextContents()).toEqual([
      expect.stringContaining('“𠀀”（U+20000）在这台电脑所装的字体中都没有字形'),
      expect.stringContaining('“𪚥”（U+2A6A5）'),
    ])
    await page.locator('[data-testid="checks-panel"] .rule-group[data-rule="TXT-GLYPH"]').scrollIntoViewIfNeeded()
    await screenshot(page, 'rich-3-glyph-warning')

    // The export dialog names them in its result, with the PDF written all the same.
    await postToHost(host.url, '/test/menu/export', {})
    const dialog = page.locator('[data-testid="export-dialog"]')
    await dialog.waitFor()
    await dialog.locator('input[name="format"][value="pdf"]').check()
    await dialog.locator('input[name="version"][value="征求意见稿"]').check()
    const target = path.join(folder, '缺字.pdf')
    await postToHost(host.url, '/test/dialogs', { save: [target] })
    await dialog.locator('[data-testid="export-submit"]').click()
    await dialog.locator('[data-testid="export-result"]').waitFor({ timeout: 60_000 })
    expect(await dialog.locator('[data-testid="export-missing-glyphs"] li').allTextContents()).toEqual([
      '“𠀀”（U+20000），见“𠀀村、𪚥村道路”，共 1 处',
      '“𪚥”（U+2A6A5），见“𠀀村、𪚥村道路全部硬”，共 1 处',
    ])
    await screenshot(page, 'rich-4-export-missing-glyphs')
    await page.close()
  })
})
