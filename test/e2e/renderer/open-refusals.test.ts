import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REPORT_VERSION, serializeReportFile } from '../../../core/report-file'
import { getBuiltinTemplate } from '../../../core/templates/builtin-templates'
import { createReport } from '../../../core/templates/create-report'
import type { HostProcess } from './renderer-harness'
import { ensureRendererBuilt, launchChromium, newAppPage, screenshot, startHostProcess } from './renderer-harness'

let browser: Browser
let host: HostProcess

beforeAll(async () => {
  ensureRendererBuilt()
  browser = await launchChromium()
  host = await startHostProcess()
})

afterAll(async () => {
  await host?.stop()
  await browser?.close()
})

/** A clerk's broken files, each opened with 打开报告… on the start page. */
function brokenFiles(): Array<[string, string, RegExp]> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'wrs-open-refusals-'))
  const report = createReport(getBuiltinTemplate('npc')!, {
    planYear: 2024,
    organisation: '二七区',
    meetingName: '',
    date: '',
    speakerOffice: '',
    speakerName: '',
    termEnd: false,
  })
  const text = serializeReportFile(report)
  const files: Array<[string, string | Buffer, RegExp]> = [
    ['截断的.wrs', text.slice(0, 200), /文件已损坏.*\.bak/],
    [
      '新版本.wrs',
      serializeReportFile(report).replace(`"version": ${REPORT_VERSION}`, '"version": 99'),
      /更新版本.*请升级/,
    ],
    ['乱码.wrs', Buffer.from(Array.from({ length: 2048 }, (_, index) => (index * 151 + 7) % 256)), /二进制数据.*\.bak/],
    // saved again by a Windows editor as ANSI (GBK): 二七 is B6FE C6DF there, not UTF-8
    [
      '另存为GBK.wrs',
      Buffer.concat([
        Buffer.from(text.slice(0, 60), 'utf8'),
        Buffer.from([0xb6, 0xfe, 0xc6, 0xdf]),
        Buffer.from(text.slice(60), 'utf8'),
      ]),
      /不是 UTF-8 编码.*没有打开/,
    ],
  ]
  return files.map(([name, content, message]) => {
    const file = path.join(folder, name)
    writeFileSync(file, content)
    return [file, name, message]
  })
}

describe('opening a broken report from the start page', () => {
  it('says what is wrong in zh-CN each time and stays on the start page with nothing opened', async () => {
    const page: Page = await newAppPage(browser, host.url)
    await page.locator('[data-testid="start-page"]').waitFor()
    const banner = page.locator('[data-testid="error-banner"]')
    for (const [file, name, message] of brokenFiles()) {
      await fetch(new URL('/test/dialogs', host.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ open: [file] }),
      })
      await page.getByRole('button', { name: '打开报告…' }).click()
      await banner.waitFor()
      expect(await banner.textContent(), name).toMatch(message)
      expect(await page.locator('[data-testid="start-page"]').count()).toBe(1)
      expect(await page.locator('.report-body').count()).toBe(0)
      if (name.includes('GBK')) await screenshot(page, 'qa-open-gbk-refused')
      await banner.getByRole('button', { name: '关闭' }).click()
      await expect.poll(() => banner.count()).toBe(0)
    }
    expect((page as Page & { errors: string[] }).errors).toEqual([])
    await page.close()
  }, 120_000)
})
