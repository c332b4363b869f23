import { describe, expect, it } from 'vitest'
import { countPdfPages } from '../../../main/export/count-pdf-pages'
import { chromiumMissingMessage, findChromium } from '../../../main/export/find-chromium'
import { fixA4MediaBox } from '../../../main/export/fix-a4-media-box'

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text)
const text = (data: Uint8Array): string => new TextDecoder('latin1').decode(data)

describe('fixA4MediaBox', () => {
  it("rewrites Chromium's rounded A4 box to exact A4 without changing the file length", () => {
    const pdf = bytes(
      '1 0 obj\n<</Type /Page\n/MediaBox [0 0 594.95996 841.91998]\n>>\n2 0 obj\n<</Type /Page /MediaBox [0 0 594.96 841.92]>>',
    )
    const fixed = fixA4MediaBox(pdf)
    expect(fixed.length).toBe(pdf.length)
    expect(text(fixed)).toContain('/MediaBox [0 0 595.27559 841.88976]')
    expect(text(fixed)).toContain('/MediaBox [0 0 595.28 841.89]')
  })

  it('leaves other page sizes alone', () => {
    const letter = bytes('/MediaBox [0 0 612 792]')
    expect(text(fixA4MediaBox(letter))).toBe('/MediaBox [0 0 612 792]')
  })
})

describe('countPdfPages', () => {
  it('counts page objects, not the page tree', () => {
    expect(countPdfPages(bytes('<</Type /Pages /Count 2>> <</Type /Page>> <</Type/Page /Parent 1 0 R>>'))).toBe(2)
  })
})

describe('findChromium', () => {
  it('takes WRS_CHROMIUM first, then the usual install locations', () => {
    expect(findChromium({ WRS_CHROMIUM: '/opt/chrome/chrome' }, path => path === '/opt/chrome/chrome')).toBe(
      '/opt/chrome/chrome',
    )
    expect(findChromium({}, path => path === '/usr/bin/chromium-browser')).toBe('/usr/bin/chromium-browser')
    expect(findChromium({ PROGRAMFILES: 'C:\\Program Files' }, path => path.endsWith('chrome.exe'))).toMatch(
      /Google.+Chrome.+chrome\.exe$/,
    )
  })

  it('finds nothing when none exists, and the message says how to install one', () => {
    expect(findChromium({ WRS_CHROMIUM: '/missing' }, () => false)).toBeUndefined()
    expect(findChromium({}, () => false)).toBeUndefined()
    expect(chromiumMissingMessage).toContain('apt-get install chromium')
    expect(chromiumMissingMessage).toContain('WRS_CHROMIUM')
  })
})
