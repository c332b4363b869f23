// @vitest-environment happy-dom
import type { Editor } from '@tiptap/core'
import { act, useEffect } from 'react'
import { createRoot } from 'react-dom/client'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Api } from '../../../core/ipc/api'
import type { CheckSettings, ReportFile, ReportMeta } from '../../../core/report-file'
import { useShell } from '../../../renderer/app/shell-store'
import { useDocumentPersistence } from '../../../renderer/app/use-document-persistence'
import i18n from '../../../renderer/i18n'

beforeAll(async () => {
  ;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
  await i18n.changeLanguage('zh-CN')
})

type Persistence = ReturnType<typeof useDocumentPersistence>

describe('typing while a save is under way', () => {
  it('leaves the document unsaved in main (so closing asks) and snapshots the newer text', async () => {
    const states: boolean[] = []
    const snapshots: string[] = []
    let finishSave: () => void = () => undefined
    let text = '保存时的文字'
    const api: Partial<Api> = {
      setDocumentState: async state => {
        states.push(state.dirty)
      },
      writeRecovery: async snapshot => {
        // The editor sends the snapshot as JSON text.
        snapshots.push(String((JSON.parse(snapshot.report as string) as { text: string }).text))
        return { ok: true, value: true }
      },
      saveReport: () =>
        new Promise(resolve => {
          finishSave = () => resolve({ ok: true, value: { path: '/docs/a.wrs', savedAt: '2025-01-01T00:00:00Z' } })
        }),
    }
    ;(window as unknown as { api: Partial<Api> }).api = api
    const emptyDoc = { type: { name: 'doc' }, attrs: {}, childCount: 0, forEach: () => undefined }
    const editor = { isDestroyed: false, state: { doc: emptyDoc } } as unknown as Editor
    let persistence: Persistence | undefined
    function Probe() {
      const value = useDocumentPersistence({
        docId: 'doc-1',
        editor,
        buildReport: () => ({ text }) as unknown as ReportFile,
        title: () => '2024年工作报告',
        showError: message => {
          throw new Error(message)
        },
      })
      useEffect(() => {
        persistence = value
      })
      return null
    }
    useShell.setState({
      document: {
        path: '/docs/a.wrs',
        dirty: false,
        meta: {} as ReportMeta,
        checks: {} as CheckSettings,
        provenance: [],
      },
    })
    const isDirty = () => useShell.getState().document!.dirty
    const host = document.createElement('div')
    const root = createRoot(host)
    await act(async () => root.render(<Probe />))
    await act(async () => persistence!.markDirty())
    expect(states).toEqual([true])

    let saving: Promise<void> | undefined
    await act(async () => {
      saving = persistence!.save(false)
    })
    text = '保存后又输入的文字'
    await act(async () => persistence!.markDirty())
    await act(async () => {
      finishSave()
      await saving
    })
    expect(states.at(-1)).toBe(true)
    expect(isDirty()).toBe(true)
    expect(snapshots.at(-1)).toBe('保存后又输入的文字')

    // A save with no typing in between leaves it clean.
    await act(async () => {
      saving = persistence!.save(false)
      finishSave()
      await saving
    })
    expect(states.at(-1)).toBe(false)
    expect(isDirty()).toBe(false)
    await act(async () => root.unmount())
  })
})
