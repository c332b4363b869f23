import type { CDPSession, Page } from 'playwright-core'

/**
 * Types `committed` as a Chinese pinyin IME does, through the DevTools protocol: the composition grows letter by
 * letter (Input.imeSetComposition), then Input.insertText commits the characters.
 */
export async function composeWithIme(page: Page, cdp: CDPSession, pinyin: string, committed: string): Promise<void> {
  for (let length = 1; length <= pinyin.length; length++) {
    await cdp.send('Input.imeSetComposition', {
      text: pinyin.slice(0, length),
      selectionStart: length,
      selectionEnd: length,
    })
  }
  await cdp.send('Input.insertText', { text: committed })
  // the editor handles compositionend a moment after the commit
  await page.waitForTimeout(100)
}
