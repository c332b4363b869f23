import type { IpcRendererEvent } from 'electron'
import { contextBridge, ipcRenderer } from 'electron'
import type { Api, AppEvent } from '../core/ipc/api'
import { invokeMethods } from '../core/ipc/invoke-methods'
import { EVENT_CHANNEL, channelOf } from '../core/ipc/channel'

// Bundled into one CJS file (sandboxed preloads cannot load ESM or chunks). Exposes exactly the
// keys of Api: invoke-only calls, and events delivered without the IpcRendererEvent.
const api: Record<string, unknown> = {}
for (const method of invokeMethods) {
  api[method] = (...args: unknown[]) => ipcRenderer.invoke(channelOf(method), ...args)
}
api.onEvent = ((callback: (event: AppEvent) => void) => {
  const listener = (_event: IpcRendererEvent, value: AppEvent): void => callback(value)
  ipcRenderer.on(EVENT_CHANNEL, listener)
  return () => {
    ipcRenderer.removeListener(EVENT_CHANNEL, listener)
  }
}) satisfies Api['onEvent']

contextBridge.exposeInMainWorld('api', api as unknown as Api)
