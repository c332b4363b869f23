import { describe, expect, it } from 'vitest'
import { countPdfPages } from '../../main/export/count-pdf-pages'
import { findChromium } from '../../main/export/find-chromium'
import { installedFontFamilies } from '../../main/export/installed-fonts'
import { ChromiumMissingError, launchPdfPrinter } from '../../main/export/pdf-printer'

// The CLI's and the tests' PDF printer (the app prints with webContents.printToPDF instead): a system Chromium.
describe('PDF printer with a system Chromium', () => {
  it('without a browser says how to install one; a browser that cannot start is named', async () => {
    const configured = process.env.WRS_CHROMIUM
    process.env.WRS_CHROMIUM = '/nonexistent/chromium'
    try {
      await expect(launchPdfPrinter()).rejects.toBeInstanceOf(ChromiumMissingError)
    } finally {
      if (configured === undefined) delete process.env.WRS_CHROMIUM
      else process.env.WRS_CHROMIUM = configured
    }
    await expect(launchPdfPrinter('/nonexistent/chromium')).rejects.toThrow(
      /^无法启动 Chromium（\/nonexistent\/chromium）：/,
    )
  })

  it('prints HTML to an exact-A4 PDF, several documents with one browser', async () => {
    const executable = findChromium()
    expect(executable, 'the tests need Chromium (.ci/setup.sh installs it)').toBeDefined()
    const printer = await launchPdfPrinter(executable)
    try {
      const page = '<!DOCTYPE html><html lang="zh-CN"><style>@page { size: A4; margin: 0 }</style><p>工作报告</p>'
      const first = await printer.print(page)
      const second = await printer.print(`${page}<p style="break-before: page">第二页</p>`)
      expect(new TextDecoder('latin1').decode(first)).toMatch(/\/MediaBox \[0 0 595\.2\d* 841\.8\d*\]/)
      expect(countPdfPages(first)).toBe(1)
      expect(countPdfPages(second)).toBe(2)
    } finally {
      await printer.close()
    }
  }, 120_000)

  it('reads the installed font families from fontconfig', async () => {
    const families = await installedFontFamilies()
    // fc-list prints a family with its other names: "FandolFang,FandolFang R".
    const names = families.flatMap(family => family.split(','))
    expect(names).toEqual(expect.arrayContaining(['FandolFang', 'Noto Serif CJK SC']))
    expect(await installedFontFamilies()).toBe(families)
  })
})
