import { vi } from 'vitest'

/** A stand-in for the `electron` module (the binary is not needed, and importing the real package tries to download it). */
export function electronMock() {
  return {
    shell: { openExternal: vi.fn(async () => undefined) },
    ipcMain: { handle: vi.fn() },
    ipcRenderer: { invoke: vi.fn(async () => undefined), on: vi.fn(), removeListener: vi.fn() },
    contextBridge: { exposeInMainWorld: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    app: { on: vi.fn() },
    session: { defaultSession: {} },
    Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn((template: unknown) => template) },
    screen: { getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }]) },
    dialog: {},
    BrowserWindow: vi.fn(),
  }
}
