// @vitest-environment happy-dom
import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import type { Api } from '../../../core/ipc/api'
import type { NewReportOptions, TemplateSummary } from '../../../core/ipc/files-api'
import { StartPage } from '../../../renderer/app/StartPage'
import i18n from '../../../renderer/i18n'

beforeAll(async () => {
  ;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
  await i18n.changeLanguage('zh-CN')
})

describe('start page', () => {
  it('a report asked for with Enter before the template list arrived waits for it instead of refusing', async () => {
    let deliver: (list: TemplateSummary[]) => void = () => undefined
    const newReport = vi.fn(async (_options: NewReportOptions) => ({
      ok: false as const,
      code: 'test',
      message: '测试',
    }))
    const api: Partial<Api> = {
      listTemplates: () => new Promise(resolve => (deliver = resolve)),
      getTemplate: async () => ({ ok: false, code: 'missing', message: '没有这个模板' }),
      recentFiles: async () => [],
      newReport,
    }
    ;(window as unknown as { api: Partial<Api> }).api = api
    const host = document.createElement('div')
    document.body.append(host)
    const root = createRoot(host)
    await act(async () => {
      root.render(<StartPage />)
    })
    const form = host.querySelector('form[data-testid="new-report-form"]') as HTMLFormElement
    await act(async () => {
      form.requestSubmit()
    })
    expect(newReport).not.toHaveBeenCalled()
    await act(async () => {
      deliver([{ id: 'npc', name: '人大常委会工作报告', kind: 'npc', description: '人大', builtin: true }])
    })
    await vi.waitFor(() => expect(newReport).toHaveBeenCalledTimes(1))
    expect(newReport.mock.calls[0]![0]).toMatchObject({ templateId: 'npc' })
    expect(host.querySelector('[role="alert"]')).toBeNull()
    await act(async () => root.unmount())
  })
})
