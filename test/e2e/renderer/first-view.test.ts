import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultPlanYear } from '../../../renderer/app/new-report-form'
import { newAppPage, screenshot } from './renderer-harness'
import { postToHost, useRendererApp, type RendererApp } from './use-renderer-app'
import { seedSamplePath } from '../../fixtures/seed-sample-path'

const seedPath = seedSamplePath

let app: RendererApp
let page: Page
useRendererApp({}, opened => (app = opened))

beforeEach(async () => {
  // A template the user saved earlier, with its own speaker office.
  const npc = JSON.parse(readFileSync(path.join(process.cwd(), 'templates', 'npc.json'), 'utf8'))
  mkdirSync(path.join(app.host.userDataDir, 'templates'), { recursive: true })
  writeFileSync(
    path.join(app.host.userDataDir, 'templates', 'user-erqi.json'),
    JSON.stringify({
      ...npc,
      id: 'user-erqi',
      name: '二七区人大报告（我的）',
      frontMatter: { ...npc.frontMatter, speakerOffice: '{ORG}人大常委会党组书记、主任' },
    }),
  )
  page = app.page = await newAppPage(app.browser, app.host.url)
})

afterEach(() => {
  expect((page as Page & { errors?: string[] }).errors ?? []).toEqual([])
})

const form = () => page.locator('[data-testid="new-report-form"]')
const field = (name: string) => form().locator(`[name="${name}"]`)
const body = () => page.locator('.report-body')

describe('what a clerk meets first', () => {
  it('new-report form: next session’s year, template defaults that take the organisation, zh-CN problems, Enter creates', async () => {
    await expect.poll(() => field('templateId').inputValue()).toBe('npc')
    expect(await field('planYear').inputValue()).toBe(String(defaultPlanYear(new Date())))
    await expect.poll(() => field('meetingName').inputValue()).toBe('××区第×届人民代表大会第×次会议')
    expect(await field('speakerOffice').inputValue()).toBe('××区人大常委会主任')

    await field('organisation').fill('二七区')
    expect(await field('meetingName').inputValue()).toBe('二七区第×届人民代表大会第×次会议')
    expect(await field('speakerOffice').inputValue()).toBe('二七区人大常委会主任')
    expect(await form().locator('[data-testid="title-preview"]').textContent()).toBe(
      '报告标题将是：二七区人民代表大会常务委员会工作报告',
    )

    // The user's own template is offered under 我的模板 and brings its own defaults.
    expect(await form().locator('optgroup[label="我的模板"] option').allTextContents()).toEqual([
      '二七区人大报告（我的）',
    ])
    await field('templateId').selectOption('user-erqi')
    await expect.poll(() => field('speakerOffice').inputValue()).toBe('二七区人大常委会党组书记、主任')
    await field('templateId').selectOption('npc')
    await expect.poll(() => field('speakerOffice').inputValue()).toBe('二七区人大常委会主任')

    // A typed meeting name is kept when the organisation changes.
    await field('meetingName').fill('二七区第十七届人民代表大会第五次会议')
    await field('organisation').fill('郑州市二七区')
    expect(await field('meetingName').inputValue()).toBe('二七区第十七届人民代表大会第五次会议')
    expect(await field('speakerOffice').inputValue()).toBe('郑州市二七区人大常委会主任')

    await field('planYear').fill('27')
    await field('organisation').press('Enter')
    const problem = form().locator('.problem')
    await expect
      .poll(() => problem.textContent())
      .toBe(`报告年度应是 1949 到 2200 之间的四位数年份，例如 ${defaultPlanYear(new Date())}。请改正后再新建。`)
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('planYear')
    expect(await field('planYear').getAttribute('aria-invalid')).toBe('true')
    await screenshot(page, 'start-page-problem')

    await field('planYear').fill('2027')
    expect(await problem.count()).toBe(0)
    await screenshot(page, 'start-page')
    await form().screenshot({ path: path.join(process.cwd(), '.tmp', 'screens', 'start-page-form.png') })
    await field('speakerName').fill('吕安民')
    await field('speakerName').press('Enter')
    await body().waitFor()
    await expect
      .poll(() => body().locator('[data-type="speaker-line"]').textContent())
      .toBe('郑州市二七区人大常委会主任 吕安民')
    expect(await body().locator('[data-type="report-subtitle"]').textContent()).toContain(
      '在二七区第十七届人民代表大会第五次会议上',
    )
    expect(await body().locator('h1.report-heading').first().textContent()).toBe('2026年主要工作')
  })

  it('checks panel on the imported seed 人大 report: rule titles with counts, 全部修正 only where safe, Enter on a finding jumps', async () => {
    await postToHost(app.host.url, '/test/dialogs', { open: [seedPath] })
    await page.locator('[data-testid="start-page"] .start-actions button', { hasText: '导入' }).click()
    const choice = page.locator('[data-testid="import-dialog"]')
    await choice.waitFor()
    expect(await choice.locator('.choice-list button').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/人民代表大会常务委员会工作报告（2023年）$/)]),
    )
    await screenshot(page, 'import-choice')
    await choice.locator('.choice-list button', { hasText: '人民代表大会常务委员会' }).click()
    const panel = page.locator('[data-testid="checks-panel"]')
    const halfwidth = panel.locator('.rule-group[data-rule="PUN-HALFWIDTH"]')
    await halfwidth.waitFor()
    expect(await halfwidth.locator('.rule-head').innerText()).toMatch(/^半角标点\s*PUN-HALFWIDTH\s*47 处/)
    expect(await halfwidth.locator('.fix-all').textContent()).toBe('全部修正（47 处）')
    expect(await halfwidth.locator('li.finding').count()).toBe(47)
    // Each of the 47 identical messages shows its own place in the text.
    const first = halfwidth.locator('li.finding .excerpt').first()
    expect(await first.locator('mark').textContent()).toBe(',')
    expect(await first.textContent()).toBe('严格落实第一议题制度,累计开展党组政治理论…')
    expect(await halfwidth.locator('li.finding .excerpt').nth(1).textContent()).toBe(
      '…党支部主题学习30次,党员干部政治觉悟和理…',
    )
    const truncated = panel.locator('.rule-group[data-rule="TXT-TRUNC"]')
    expect(await truncated.locator('.rule-title').textContent()).toBe('段落不完整')
    expect(await truncated.locator('.fix-all').count()).toBe(0)
    await screenshot(page, 'checks-panel-seed')
    await page
      .locator('.side-panel')
      .screenshot({ path: path.join(process.cwd(), '.tmp', 'screens', 'checks-panel-seed-panel.png') })

    await halfwidth.locator('li.finding .message').first().focus()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => window.getSelection()!.toString())).toBe(',')
    expect(await page.evaluate(() => document.activeElement?.classList.contains('ProseMirror'))).toBe(true)
  })

  it('switching the language relabels the placeholders’ 替换 buttons and the panels at once', async () => {
    await field('organisation').fill('二七区')
    await field('organisation').press('Enter')
    await body().waitFor()
    const replace = body().locator('.guidance-replace')
    await expect.poll(() => replace.first().textContent()).toBe('替换')
    await page.locator('button[data-command="language"]').click()
    await expect.poll(() => replace.allTextContents()).toEqual(Array(await replace.count()).fill('Replace'))
    await expect.poll(() => page.locator('.checks-panel .severity.error h3').textContent()).toMatch(/^Errors/)
    expect(
      await page.locator('.checks-panel .rule-group[data-rule="STR-PLACEHOLDER"] .rule-count').textContent(),
    ).toMatch(/^\d+ places?$/)
    await screenshot(page, 'editor-en')
    await page
      .locator('.side-panel')
      .screenshot({ path: path.join(process.cwd(), '.tmp', 'screens', 'checks-panel-en.png') })
    await page.locator('button[data-command="language"]').click()
    await expect.poll(() => replace.first().textContent()).toBe('替换')
  })
})
