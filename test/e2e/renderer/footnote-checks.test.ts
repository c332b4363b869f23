import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { DocNode } from '../../../core/document-model'
import { serializeReportFile } from '../../../core/report-file'
import { footnoteText, richReport } from '../../fixtures/rich-content'
import type { HostProcess } from './renderer-harness'
import { newAppPage, screenshot } from './renderer-harness'
import { postToHost, useRendererApp } from './use-renderer-app'

let browser: Browser
let host: HostProcess
useRendererApp({}, app => ({ browser, host } = app))

/** The note's text with the half-width colon and full stop a hurried clerk types. */
const typedNote = footnoteText.replace('：', ':').replace(/。$/, '.')

function withNote(doc: DocNode, text: string): DocNode {
  if (doc.type === 'footnote') return { ...doc, attrs: { ...doc.attrs, text } }
  return doc.content ? { ...doc, content: doc.content.map(child => withNote(child, text)) } : doc
}

describe('checks in footnotes', () => {
  it('lists a finding in a note as 脚注 1 and its fix corrects the note’s text', async () => {
    const report = richReport()
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'wrs-note-checks-')), '脚注.wrs')
    writeFileSync(file, serializeReportFile({ ...report, doc: withNote(report.doc, typedNote) }))
    const page = await newAppPage(browser, host.url)
    await page.locator('[data-testid="start-page"]').waitFor()
    await postToHost(host.url, '/test/dialogs', { open: [file] })
    await page.keyboard.press('Control+o')
    const note = page.locator('.report-body sup.footnote')
    await expect.poll(() => note.getAttribute('data-text')).toBe(typedNote)

    const group = page.locator('[data-testid="checks-panel"] .rule-group[data-rule="PUN-HALFWIDTH"]')
    await group.waitFor()
    const findings = group.locator('.finding')
    await expect.poll(() => findings.count()).toBe(2)
    expect(await findings.locator('.where.footnote').allTextContents()).toEqual(['脚注 1', '脚注 1'])
    // the excerpt beside each is the note's own text
    expect(await findings.first().locator('.message').textContent()).toContain('数据来源:区统计局')
    await group.scrollIntoViewIfNeeded()
    await screenshot(page, 'footnote-checks-1-findings')

    await findings.first().locator('button.fix').click()
    await expect.poll(() => findings.count()).toBe(1)
    await findings.first().locator('button.fix').click()
    await expect.poll(() => group.count()).toBe(0)
    expect(await note.getAttribute('data-text')).toBe(footnoteText)
    // undo from the editor takes the last fix back
    await page.locator('.report-body p').first().click()
    await page.keyboard.press('Control+z')
    await expect.poll(() => note.getAttribute('data-text')).not.toBe(footnoteText)
    await expect.poll(() => findings.count()).toBe(1)
    expect((page as Page & { errors: string[] }).errors).toEqual([])
    await page.close()
  }, 120_000)
})
