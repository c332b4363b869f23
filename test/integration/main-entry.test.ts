import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'

// The real main entry (main/index.ts) started against a fake `electron`: checks the wiring that only
// an Electron run would otherwise show (protocol, handlers, window preferences, menu).
const fake = vi.hoisted(() => {
  const listeners = new Map<string, ((...args: unknown[]) => void)[]>()
  const windows: {
    options: Record<string, unknown>
    loaded: string[]
    events: Map<string, (...args: unknown[]) => void>
  }[] = []
  const handlers = new Map<string, (...args: unknown[]) => Promise<unknown>>()
  const sent: [string, unknown][] = []
  const state = {
    protocolHandler: null as null | ((request: { url: string }) => Promise<Response>),
    schemes: [] as unknown[],
    menu: null as unknown,
    userData: '',
  }
  class BrowserWindow {
    webContents = {
      on: () => undefined,
      send: (channel: string, event: unknown) => sent.push([channel, event]),
      isDestroyed: () => false,
      setWindowOpenHandler: () => undefined,
    }
    record: (typeof windows)[number]
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: [], events: new Map() }
      windows.push(this.record)
    }
    on(name: string, listener: (...args: unknown[]) => void) {
      this.record.events.set(name, listener)
      return this
    }
    once(name: string, listener: (...args: unknown[]) => void) {
      return this.on(name, listener)
    }
    async loadURL(url: string) {
      this.record.loaded.push(url)
    }
    isDestroyed() {
      return false
    }
    isMinimized() {
      return false
    }
    focus() {}
    isMaximized() {
      return false
    }
    getBounds() {
      return { x: 0, y: 0, width: 1280, height: 860 }
    }
    show() {}
  }
  return {
    listeners,
    sent,
    windows,
    handlers,
    state,
    module: {
      app: {
        setPath: (_name: string, value: string) => {
          state.userData = value
        },
        getPath: () => state.userData,
        requestSingleInstanceLock: () => true,
        on: (name: string, listener: (...args: unknown[]) => void) =>
          listeners.set(name, [...(listeners.get(name) ?? []), listener]),
        whenReady: () => Promise.resolve(),
        isPackaged: true,
        quit: () => undefined,
      },
      session: {
        defaultSession: {
          setPermissionRequestHandler: vi.fn(),
          setPermissionCheckHandler: vi.fn(),
          setDevicePermissionHandler: vi.fn(),
        },
      },
      protocol: {
        registerSchemesAsPrivileged: (schemes: unknown[]) => state.schemes.push(...schemes),
        handle: (_scheme: string, handler: (request: { url: string }) => Promise<Response>) => {
          state.protocolHandler = handler
        },
      },
      ipcMain: {
        handle: (channel: string, handler: (...args: unknown[]) => Promise<unknown>) => handlers.set(channel, handler),
      },
      Menu: {
        setApplicationMenu: (menu: unknown) => {
          state.menu = menu
        },
        buildFromTemplate: (template: unknown) => template,
      },
      screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
      dialog: {},
      shell: { openExternal: vi.fn() },
      BrowserWindow,
    },
  }
})

vi.mock('electron', () => fake.module)

const userData = await fs.mkdtemp(path.join(os.tmpdir(), 'wrs-main-entry-'))
process.env.WRS_USER_DATA_DIR = userData
await import('../../main/index')
await vi.waitFor(() => expect(fake.windows).toHaveLength(1))

const { invokeMethods } = await import('../../core/ipc/api')
const { channelOf } = await import('../../core/ipc/channel')

afterAll(async () => {
  await fs.rm(userData, { recursive: true, force: true })
})

describe('main entry with a fake electron', () => {
  it('registers app:// as a privileged standard scheme and serves the renderer with the CSP', async () => {
    expect(fake.state.schemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ])
    const response = await fake.state.protocolHandler!({ url: 'app://bundle/index.html' })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'/)
    expect((await fake.state.protocolHandler!({ url: 'app://bundle/%2e%2e/package.json' })).status).toBe(404)
  })

  it('opens one hardened window on app://bundle with the preload bundle', async () => {
    const [window] = fake.windows
    const prefs = window!.options.webPreferences as Record<string, unknown>
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    })
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.cjs$/)
    expect(window!.loaded).toEqual(['app://bundle/index.html'])
    expect(fake.listeners.has('web-contents-created')).toBe(true)
    expect(fake.module.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled()
  })

  it('registers a checked handler for every Api method, answering our page and refusing others', async () => {
    expect([...fake.handlers.keys()].sort()).toEqual(invokeMethods.map(channelOf).sort())
    const listTemplates = fake.handlers.get(channelOf('listTemplates'))!
    const templates = (await listTemplates({ senderFrame: { url: 'app://bundle/index.html', parent: null } })) as {
      id: string
    }[]
    expect(templates.map(template => template.id)).toEqual(expect.arrayContaining(['npc', 'cppcc', 'gov', 'summary']))
    expect(await listTemplates({ senderFrame: { url: 'https://evil.example/', parent: null } })).toMatchObject({
      ok: false,
      code: 'forbidden',
    })
  })

  it('installs the zh-CN menu', () => {
    expect((fake.state.menu as { label: string }[]).map(menu => menu.label)).toEqual([
      '文件(&F)',
      '编辑(&E)',
      '视图(&V)',
      '帮助(&H)',
    ])
  })

  it('holds a file opened from a second instance until the page has asked for recoveries (it listens by then)', async () => {
    const secondInstance = fake.listeners.get('second-instance')![0]!
    secondInstance({}, ['electron', '/docs/2024年工作报告.wrs'])
    expect(fake.sent).toEqual([])
    await fake.handlers.get(channelOf('pendingRecoveries'))!({
      senderFrame: { url: 'app://bundle/index.html', parent: null },
    })
    expect(fake.sent).toEqual([['wrs:event', { type: 'open-file', path: '/docs/2024年工作报告.wrs' }]])
    secondInstance({}, ['electron', '--flag', '/docs/另一份.wrs'])
    expect(fake.sent.at(-1)).toEqual(['wrs:event', { type: 'open-file', path: '/docs/另一份.wrs' }])
  })
})
