import { describe, expect, it, vi } from 'vitest'
import { electronMock } from './electron-mock'

vi.mock('electron', () => electronMock())

const electron = await import('electron')
await import('../../main/preload')
const { invokeMethods } = await import('../../core/ipc/api')
const { EVENT_CHANNEL, channelOf } = await import('../../core/ipc/channel')

// “security checklist N”: the items of docs/security-checklist.md.

const expose = vi.mocked(electron.contextBridge.exposeInMainWorld)

describe('preload (security checklist 20)', () => {
  it('exposes one object, window.api, whose keys are exactly the Api', () => {
    expect(expose).toHaveBeenCalledOnce()
    const [name, api] = expose.mock.calls[0]!
    expect(name).toBe('api')
    expect(Object.keys(api as object).sort()).toEqual([...invokeMethods, 'onEvent'].sort())
    for (const value of Object.values(api as object)) expect(typeof value).toBe('function')
  })

  it('every method is an invoke on its own channel (no send, no sendSync, no raw ipcRenderer)', async () => {
    const api = expose.mock.calls[0]![1] as Record<string, (...args: unknown[]) => unknown>
    const invoke = vi.mocked(electron.ipcRenderer.invoke)
    for (const method of invokeMethods) {
      invoke.mockClear()
      await api[method]!('a', 1)
      expect(invoke).toHaveBeenCalledWith(channelOf(method), 'a', 1)
    }
    expect(Object.values(api)).not.toContain(electron.ipcRenderer)
  })

  it('onEvent hands the listener the event value only, never the IpcRendererEvent, and unsubscribes', () => {
    const api = expose.mock.calls[0]![1] as { onEvent(callback: (value: unknown) => void): () => void }
    const on = vi.mocked(electron.ipcRenderer.on)
    const callback = vi.fn()
    const unsubscribe = api.onEvent(callback)
    const [channel, listener] = on.mock.calls.at(-1)! as unknown as [string, (event: unknown, value: unknown) => void]
    expect(channel).toBe(EVENT_CHANNEL)
    listener({ sender: 'ipcRenderer internals', ports: [] }, { type: 'menu', command: 'save' })
    expect(callback).toHaveBeenCalledWith({ type: 'menu', command: 'save' })
    expect(callback.mock.calls[0]).toHaveLength(1)
    unsubscribe()
    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledWith(EVENT_CHANNEL, listener)
  })
})
