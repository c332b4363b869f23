// @vitest-environment happy-dom
import { readFileSync } from 'node:fs'
import { Editor } from '@tiptap/core'
import { act } from 'react'
import { createRoot } from 'react-dom/client'
import type { Root } from 'react-dom/client'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Finding } from '../../../core/checks/finding'
import { runChecks } from '../../../core/checks/run-checks'
import { paragraph } from '../../../core/document-model'
import { importText } from '../../../core/import/import-text'
import { ChecksPanel, FINDINGS_PAGE } from '../../../renderer/app/ChecksPanel'
import { findingExcerpt } from '../../../renderer/app/finding-excerpt'
import { reportExtensions } from '../../../renderer/editor/report-extensions'
import i18n from '../../../renderer/i18n'
import { seedSamplePath } from '../../fixtures/seed-sample-path'

const seed = readFileSync(seedSamplePath, 'utf8')
const npc = importText(seed, { markdown: true }).reports.find(report => report.meta.kind === 'npc')!
const seedFindings = runChecks(npc)

let root: Root | null = null
let host: HTMLElement

beforeAll(async () => {
  ;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
  await i18n.changeLanguage('zh-CN')
})

afterEach(() => {
  act(() => root?.unmount())
  root = null
  host?.remove()
})

function render(findings: Finding[], handlers: Partial<Parameters<typeof ChecksPanel>[0]> = {}) {
  host = document.createElement('div')
  document.body.append(host)
  root = createRoot(host)
  const props = {
    findings,
    checks: { disabled: [], terms: [] },
    onJump: vi.fn(),
    onFix: vi.fn(),
    onFixAll: vi.fn(),
    onChecks: vi.fn(),
    ...handlers,
  }
  act(() => root!.render(<ChecksPanel {...props} />))
  return props
}

const group = (rule: string) => host.querySelector<HTMLElement>(`.rule-group[data-rule="${rule}"]`)

describe('checks panel on the imported seed 人大 report', () => {
  it('names each rule group by its zh-CN title, the id small beside it, with the count', () => {
    const halfwidth = seedFindings.filter(finding => finding.rule === 'PUN-HALFWIDTH').length
    expect(halfwidth).toBeGreaterThan(20)
    render(seedFindings)
    const head = group('PUN-HALFWIDTH')!.querySelector('.rule-head')!
    expect(head.querySelector('.rule-title')!.textContent).toBe('半角标点')
    expect(head.querySelector('.rule-id')!.textContent).toBe('PUN-HALFWIDTH')
    expect(head.querySelector('.rule-count')!.textContent).toBe(`${halfwidth} 处`)
    expect(group('TXT-TRUNC')!.querySelector('.rule-title')!.textContent).toBe('段落不完整')
    expect(group('PUN-HALFWIDTH')!.querySelectorAll('li.finding')).toHaveLength(halfwidth)
  })

  it('follows a switch to English at once: rule titles, counts, buttons and what each finding asks', async () => {
    render(seedFindings)
    await act(() => i18n.changeLanguage('en'))
    try {
      expect(group('PUN-HALFWIDTH')!.querySelector('.rule-title')!.textContent).toBe('Half-width punctuation')
      expect(group('PUN-HALFWIDTH')!.querySelector('.rule-count')!.textContent).toBe('47 places')
      expect(group('PUN-HALFWIDTH')!.querySelector('.fix-all')!.textContent).toBe('Fix all (47)')
      expect(group('TXT-TRUNC')!.querySelector('.rule-title')!.textContent).toBe('Paragraph cut off')
      const finding = group('PUN-HALFWIDTH')!.querySelector('.finding .message')!.textContent!
      expect(finding).toContain('Half-width punctuation in Chinese text. Use the full-width mark.')
      expect(group('PUN-HALFWIDTH')!.querySelector('.finding .fix')!.textContent).toBe('Fix')
    } finally {
      await act(() => i18n.changeLanguage('zh-CN'))
    }
    expect(group('PUN-HALFWIDTH')!.querySelector('.rule-title')!.textContent).toBe('半角标点')
  })

  it('offers 全部修正 only for a rule whose fixes are safe in bulk, and fixes exactly its findings', () => {
    const props = render(seedFindings)
    const fixAll = group('PUN-HALFWIDTH')!.querySelector<HTMLButtonElement>('.fix-all')!
    const fixable = seedFindings.filter(
      finding => finding.rule === 'PUN-HALFWIDTH' && finding.fix?.kind === 'replaceText',
    )
    expect(fixAll.textContent).toBe(`全部修正（${fixable.length} 处）`)
    act(() => fixAll.click())
    expect(props.onFixAll).toHaveBeenCalledWith(fixable)
    expect(group('TXT-TRUNC')!.querySelector('.fix-all')).toBeNull()
  })

  it('a rule with insert-part fixes (not safe in bulk) gets no 全部修正 even with several findings', () => {
    const missing: Finding[] = ['review', 'tasks'].map((role, at) => ({
      rule: 'STR-MISSING',
      severity: 'error',
      message: `缺少必需的部分（${role}）。`,
      location: { path: [], section: role },
      fix: { kind: 'insertPart', label: '插入', role: role as 'review', partId: role, at },
    }))
    render(missing)
    expect(group('STR-MISSING')!.querySelector('.rule-title')!.textContent).toBe('缺少部分')
    expect(group('STR-MISSING')!.querySelectorAll('.finding .fix')).toHaveLength(2)
    expect(group('STR-MISSING')!.querySelector('.fix-all')).toBeNull()
  })
})

describe('checks panel with thousands of findings', () => {
  const many: Finding[] = Array.from({ length: FINDINGS_PAGE * 2 + 50 }, (_, index) => ({
    rule: 'PUN-HALFWIDTH',
    severity: 'error',
    message: `第 ${index + 1} 处半角逗号，应为全角“，”。`,
    location: { path: [index], from: 0, to: 1 },
    fix: { kind: 'replaceText', label: '改为“，”', edits: [{ path: [index], from: 0, to: 1, text: '，' }] },
  }))

  it('renders one page of a group at a time; 显示更多 adds the next page until all are shown', () => {
    render(many)
    const items = () => group('PUN-HALFWIDTH')!.querySelectorAll('li.finding').length
    const more = () => group('PUN-HALFWIDTH')!.querySelector<HTMLButtonElement>('.show-more')
    expect(items()).toBe(FINDINGS_PAGE)
    expect(group('PUN-HALFWIDTH')!.querySelector('.rule-count')!.textContent).toBe(`${many.length} 处`)
    expect(more()!.textContent).toBe(`显示更多（再显示 ${FINDINGS_PAGE} 条，还有 ${many.length - FINDINGS_PAGE} 条）`)
    act(() => more()!.click())
    expect(items()).toBe(FINDINGS_PAGE * 2)
    act(() => more()!.click())
    expect(items()).toBe(many.length)
    expect(more()).toBeNull()
  })

  it('each finding is a button that jumps to its place', () => {
    const props = render(many.slice(0, 3))
    const second = host.querySelectorAll<HTMLButtonElement>('li.finding button.message')[1]!
    expect(second.tagName).toBe('BUTTON')
    act(() => second.click())
    expect(props.onJump).toHaveBeenCalledWith(many[1]!.location)
  })
})

describe('finding excerpts', () => {
  it('shows the flagged characters in their sentence, stale or range-less locations showing none', () => {
    const element = document.createElement('div')
    const editor = new Editor({
      element,
      extensions: reportExtensions(),
      content: {
        type: 'doc',
        content: [
          paragraph('严格落实第一议题制度,累计开展党组政治理论学习21次,机关党支部主题学习30次。'),
          paragraph('短句 ,'),
        ],
      },
    })
    try {
      const doc = editor.state.doc
      expect(findingExcerpt(doc, { path: [0], from: 10, to: 11 })).toEqual({
        before: '严格落实第一议题制度',
        match: ',',
        after: '累计开展党组政治理论…',
      })
      expect(findingExcerpt(doc, { path: [1], from: 2, to: 3 })).toEqual({ before: '短句', match: ' ', after: ',' })
      expect(findingExcerpt(doc, { path: [0] })).toBeNull()
      expect(findingExcerpt(doc, { path: [5], from: 0, to: 1 })).toBeNull()
      expect(findingExcerpt(doc, { path: [1], from: 2, to: 40 })).toBeNull()

      const finding: Finding = {
        rule: 'TXT-SPACE',
        severity: 'error',
        message: '多余的空格。',
        location: { path: [1], from: 2, to: 3 },
      }
      render([finding], { excerpt: location => findingExcerpt(doc, location) })
      expect(host.querySelector('li.finding .excerpt')!.textContent).toBe('短句␣,')
      expect(host.querySelector('li.finding .excerpt mark')!.textContent).toBe('␣')
    } finally {
      editor.destroy()
    }
  })
})

describe('switching rules off: the structure guards cannot be, an error rule asks first', () => {
  const finding = (rule: string, severity: Finding['severity']): Finding => ({
    rule,
    severity,
    message: `${rule} 的一处问题。`,
    location: { path: [3], section: '2023年主要工作' },
  })
  const dialog = () => document.querySelector<HTMLElement>('[data-testid="confirm-disable"]')

  it('offers no 不检查 for STR-MISSING, STR-PLACEHOLDER or STR-NEEDS-REVIEW, and says why', () => {
    const props = render(['STR-MISSING', 'STR-PLACEHOLDER', 'STR-NEEDS-REVIEW'].map(rule => finding(rule, 'error')))
    for (const rule of ['STR-MISSING', 'STR-PLACEHOLDER', 'STR-NEEDS-REVIEW']) {
      expect(group(rule)!.querySelector('.disable')).toBeNull()
      const lock = group(rule)!.querySelector<HTMLElement>('[data-testid="rule-locked"]')!
      expect(lock.textContent).toBe('正式稿必查')
      expect(lock.title).toContain('正式稿导出必须检查，不能关闭')
    }
    expect(props.onChecks).not.toHaveBeenCalled()
  })

  it('a rule a template marks as blocking is locked as well', () => {
    render([finding('STR-EMPTY', 'error')], { locked: new Set(['STR-MISSING', 'STR-EMPTY']) })
    expect(group('STR-EMPTY')!.querySelector('.disable')).toBeNull()
  })

  it('switching an error rule off asks first, naming the consequence; cancel keeps it on', () => {
    const props = render([finding('TXT-TRUNC', 'error')])
    act(() => group('TXT-TRUNC')!.querySelector<HTMLButtonElement>('.disable')!.click())
    expect(props.onChecks).not.toHaveBeenCalled()
    expect(dialog()!.textContent).toContain('不再检查“段落不完整”？')
    expect(dialog()!.textContent).toContain('关闭后，正式稿导出不再检查“段落不完整”')
    expect(dialog()!.textContent).toContain('导出对话框、打印预览和 wrs export')
    expect(document.activeElement?.getAttribute('data-testid')).toBe('confirm-disable-cancel')
    act(() => dialog()!.querySelector<HTMLButtonElement>('[data-testid="confirm-disable-cancel"]')!.click())
    expect(dialog()).toBeNull()
    expect(props.onChecks).not.toHaveBeenCalled()

    act(() => group('TXT-TRUNC')!.querySelector<HTMLButtonElement>('.disable')!.click())
    act(() => dialog()!.querySelector<HTMLButtonElement>('[data-testid="confirm-disable-ok"]')!.click())
    expect(props.onChecks).toHaveBeenCalledWith({ disabled: ['TXT-TRUNC'], terms: [] })
    expect(dialog()).toBeNull()
  })

  it('a warning rule goes off at once', () => {
    const props = render([finding('STR-ORDER', 'warning')])
    act(() => group('STR-ORDER')!.querySelector<HTMLButtonElement>('.disable')!.click())
    expect(dialog()).toBeNull()
    expect(props.onChecks).toHaveBeenCalledWith({ disabled: ['STR-ORDER'], terms: [] })
  })

  it('a guard listed as off in the file is shown as still checked', () => {
    render([], { checks: { disabled: ['STR-MISSING', 'PUN-HALFWIDTH'], terms: [] } })
    const items = [...host.querySelectorAll<HTMLElement>('.disabled-rules li')]
    expect(items.map(item => [item.dataset.rule, item.querySelector('.kept')?.textContent ?? null])).toEqual([
      ['STR-MISSING', '守护报告结构，仍然检查'],
      ['PUN-HALFWIDTH', null],
    ])
  })
})
