import type { Browser, CDPSession, Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'
import type { HostProcess } from './renderer-harness'
import { createReport, newAppPage } from './renderer-harness'
import { useRendererApp } from './use-renderer-app'
import { composeWithIme } from '../../helpers/compose-with-ime'

/**
 * Pinyin IME input through the DevTools protocol: the composition (Input.imeSetComposition, pinyin
 * growing letter by letter) is committed with Input.insertText, as Chinese IMEs do. The committed
 * text must land exactly once, with no pinyin left behind, and one Ctrl+Z must take it back.
 */
let browser: Browser
let host: HostProcess
let page: Page
let cdp: CDPSession
useRendererApp({ hostPer: 'file' }, app => ({ browser, host } = app))

beforeAll(async () => {
  page = await newAppPage(browser, host.url)
  await page.addInitScript('window.__name = (fn) => fn')
  await page.reload()
  await createReport(page, 'npc')
  cdp = await page.context().newCDPSession(page)
})

type Where =
  { kind: 'blockStart' | 'blockEnd'; type: string; level?: number } | { kind: 'guidance' } | { kind: 'tableCell' }

/** Puts the selection somewhere through the live editor (the DOM element carries it) and returns the doc JSON before typing. */
async function place(where: Where): Promise<string> {
  return page.evaluate(target => {
    const editor = (document.querySelector('.ProseMirror') as HTMLElement & { editor: any }).editor
    const doc = editor.state.doc
    let found = -1
    doc.forEach((node: any, offset: number) => {
      if (found !== -1) return
      if (target.kind === 'guidance' && node.type.name === 'guidance') found = offset
      if (
        (target.kind === 'blockStart' || target.kind === 'blockEnd') &&
        node.type.name === target.type &&
        (target.level === undefined || node.attrs.level === target.level)
      ) {
        found = target.kind === 'blockStart' ? offset + 1 : offset + node.nodeSize - 1
      }
      if (target.kind === 'tableCell' && node.type.name === 'table') found = offset + 4
    })
    if (found === -1) throw new Error(`nothing to place the cursor at: ${JSON.stringify(target)}`)
    if (target.kind === 'guidance') editor.chain().focus().setNodeSelection(found).run()
    else editor.chain().focus().setTextSelection(found).run()
    return JSON.stringify(editor.getJSON())
  }, where)
}

async function docJson(): Promise<string> {
  return page.evaluate(() =>
    JSON.stringify((document.querySelector('.ProseMirror') as HTMLElement & { editor: any }).editor.getJSON()),
  )
}

const compose = (pinyin: string, committed: string) => composeWithIme(page, cdp, pinyin, committed)

const occurrences = (text: string, word: string) => text.split(word).length - 1

const cases: Array<[string, Where]> = [
  ['at the start of a body paragraph', { kind: 'blockStart', type: 'paragraph' }],
  ['at the start of a level-1 heading, next to its computed 一、', { kind: 'blockStart', type: 'heading', level: 1 }],
  ['at the end of a level-1 heading', { kind: 'blockEnd', type: 'heading', level: 1 }],
  ['at the start of a level-2 heading, next to （一）', { kind: 'blockStart', type: 'heading', level: 2 }],
  ['at the start of a level-3 heading', { kind: 'blockStart', type: 'heading', level: 3 }],
  ['at the start of a level-4 heading', { kind: 'blockStart', type: 'heading', level: 4 }],
  ['in the report title', { kind: 'blockEnd', type: 'reportTitle' }],
  ['in the speaker line', { kind: 'blockEnd', type: 'speakerLine' }],
  ['in the salutation', { kind: 'blockStart', type: 'salutation' }],
  ['on a guidance placeholder', { kind: 'guidance' }],
  ['in a table cell', { kind: 'tableCell' }],
]

describe('Chinese IME composition in the editor', () => {
  beforeAll(async () => {
    // Headings of levels 3 and 4 and a statistics table, made through the toolbar.
    await page.evaluate(() => {
      const editor = (document.querySelector('.ProseMirror') as HTMLElement & { editor: any }).editor
      const end = editor.state.doc.content.size
      editor
        .chain()
        .insertContentAt(end, [
          { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: '三级标题' }] },
          { type: 'heading', attrs: { level: 4 }, content: [{ type: 'text', text: '四级标题' }] },
          { type: 'paragraph' },
        ])
        .run()
      editor
        .chain()
        .focus()
        .setTextSelection(editor.state.doc.content.size - 1)
        .run()
    })
    await page.locator('button[data-command="insertTable"]').click()
    await page.waitForTimeout(100)
  })

  for (const [name, where] of cases) {
    it(`commits the composed text once ${name}, and one undo removes it`, async () => {
      const before = await place(where)
      await page.waitForTimeout(600) // past the history group delay, so the undo step is the composition alone
      await compose('zhongguo', '中国')
      const after = await docJson()
      expect(occurrences(after, '中国') - occurrences(before, '中国')).toBe(1)
      expect(after).not.toContain('zhong')
      expect(after).not.toContain('zhongguo')
      await page.keyboard.press('Control+z')
      await page.waitForTimeout(50)
      expect(await docJson()).toBe(before)
    })
  }
})
