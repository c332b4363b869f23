import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { npcNewReportOptions } from '../helpers/npc-new-report-options'

// The real main entry (main/index.ts) started against a fake `electron`: checks the wiring that only
// an Electron run would otherwise show (protocol, handlers, window preferences, menu).
const fake = vi.hoisted(() => {
  const listeners = new Map<string, ((...args: unknown[]) => void)[]>()
  const windows: {
    options: Record<string, unknown>
    loaded: string[]
    events: Map<string, (...args: unknown[]) => void>
    contentsEvents: Map<string, (...args: unknown[]) => void>
    closed: number
  }[] = []
  const messageBoxes: { message: string; buttons: string[] }[] = []
  const messageBoxAnswers: number[] = []
  let markReady: () => void = () => undefined
  const ready = new Promise<void>(resolve => {
    markReady = resolve
  })
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
      on: (name: string, listener: (...args: unknown[]) => void) => this.record.contentsEvents.set(name, listener),
      send: (channel: string, event: unknown) => sent.push([channel, event]),
      isDestroyed: () => false,
      setWindowOpenHandler: () => undefined,
    }
    record: (typeof windows)[number]
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: [], events: new Map(), contentsEvents: new Map(), closed: 0 }
      windows.push(this.record)
    }
    close() {
      this.record.closed += 1
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
    messageBoxes,
    messageBoxAnswers,
    markReady: () => markReady(),
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
        whenReady: () => ready,
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
      dialog: {
        showMessageBox: async (...args: unknown[]) => {
          const options = args.at(-1) as { message: string; buttons: string[] }
          messageBoxes.push({ message: options.message, buttons: options.buttons })
          return { response: messageBoxAnswers.shift() ?? 0 }
        },
      },
      shell: { openExternal: vi.fn() },
      BrowserWindow,
    },
  }
})

vi.mock('electron', () => fake.module)

const userData = await fs.mkdtemp(path.join(os.tmpdir(), 'wrs-main-entry-'))
process.env.WRS_USER_DATA_DIR = userData
await import('../../main/index')
// Before the app is ready (no window yet): a second instance started from a terminal in another folder, and
// a GIO file manager handing over a file: URL. Neither may be dropped.
const emit = (name: string, ...args: unknown[]): void => {
  for (const listener of fake.listeners.get(name) ?? []) listener(...args)
}
emit(
  'second-instance',
  {},
  ['/opt/工作报告编写器/work-report-studio', '--no-sandbox', '2024年报告.wrs'],
  '/home/张三/文档',
)
emit(
  'second-instance',
  {},
  ['/opt/工作报告编写器/work-report-studio', 'file:///home/%E5%BC%A0%E4%B8%89/%E6%8A%A5%E5%91%8A.wrs'],
  '/',
)
fake.markReady()
// The app's window; the hidden print window (JavaScript off) is made once it has loaded and is kept warm.
const appWindows = () =>
  fake.windows.filter(
    window => (window.options as { webPreferences?: { javascript?: boolean } }).webPreferences?.javascript !== false,
  )
await vi.waitFor(() => expect(appWindows()).toHaveLength(1))
const trusted = { senderFrame: { url: 'app://bundle/index.html', parent: null } }

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
    const [window] = appWindows()
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

  it('holds files that arrived before the window until the page has asked for recoveries, then opens them in order', async () => {
    expect(fake.sent).toEqual([])
    await fake.handlers.get(channelOf('pendingRecoveries'))!(trusted)
    expect(fake.sent).toEqual([
      ['wrs:event', { type: 'open-file', path: '/home/张三/文档/2024年报告.wrs' }],
      ['wrs:event', { type: 'open-file', path: '/home/张三/报告.wrs' }],
    ])
  })

  it("opens a file from a second instance at once, resolved against that instance's folder", () => {
    emit('second-instance', {}, ['electron', '--flag', '../共享/另一份.WRS'], '/home/李四/下载')
    expect(fake.sent.at(-1)).toEqual(['wrs:event', { type: 'open-file', path: '/home/李四/共享/另一份.WRS' }])
    // The second instance's own argv and folder (additionalData) win over Chromium's rewritten copy.
    emit('second-instance', {}, ['electron', '--original-process-start-time=1'], '/', {
      argv: ['/usr/bin/work-report-studio', 'a.wrs'],
      workingDirectory: '/srv/报告',
    })
    expect(fake.sent.at(-1)).toEqual(['wrs:event', { type: 'open-file', path: '/srv/报告/a.wrs' }])
  })

  it('opens a file macOS hands over with open-file', () => {
    const event = { preventDefault: vi.fn() }
    emit('open-file', event, '/Users/wang/Documents/2025年报告.wrs')
    expect(event.preventDefault).toHaveBeenCalled()
    expect(fake.sent.at(-1)).toEqual(['wrs:event', { type: 'open-file', path: '/Users/wang/Documents/2025年报告.wrs' }])
  })

  it('refuses a remote URL in a zh-CN sentence instead of trying to open it as a path', async () => {
    const before = fake.sent.length
    emit('second-instance', {}, ['electron', 'smb://server/共享/报告.wrs'], '/')
    await vi.waitFor(() =>
      expect(fake.messageBoxes.at(-1)?.message).toBe('无法打开“smb://server/共享/报告.wrs”：它不在本机磁盘上。'),
    )
    expect(fake.sent.length).toBe(before)
  })

  it('closing with unsaved changes asks, sends save to the page, and closes only after the save succeeded', async () => {
    const [window] = appWindows()
    const closeListener = window!.events.get('close')!
    const setState = fake.handlers.get(channelOf('setDocumentState'))!
    await setState(trusted, { docId: 'doc-1', dirty: true, title: '2024年工作报告' })
    fake.messageBoxAnswers.push(0) // 保存
    const event = { preventDefault: vi.fn() }
    closeListener(event)
    expect(event.preventDefault).toHaveBeenCalled()
    await vi.waitFor(() => expect(fake.sent.at(-1)).toEqual(['wrs:event', { type: 'menu', command: 'save' }]))
    expect(fake.messageBoxes.at(-1)).toEqual({
      message: '是否保存对“2024年工作报告”的修改？',
      buttons: ['保存', '不保存', '取消'],
    })
    // The page saves to a folder that does not exist: the save fails, the window stays.
    const save = fake.handlers.get(channelOf('saveReport'))!
    const newReport = fake.handlers.get(channelOf('newReport'))!
    const created = (await newReport(trusted, npcNewReportOptions)) as { value: { report: unknown } }
    const failed = (await save(trusted, {
      docId: 'doc-1',
      path: path.join(userData, '不存在', 'a.wrs'),
      report: created.value.report,
      saveAs: false,
    })) as { ok: boolean }
    expect(failed.ok).toBe(false)
    await new Promise(resolve => setTimeout(resolve, 20))
    expect(window!.closed).toBe(0)
    // Next attempt: 保存 again, and this save succeeds → the window closes.
    fake.messageBoxAnswers.push(0)
    closeListener({ preventDefault: vi.fn() })
    await vi.waitFor(() => expect(fake.messageBoxes).toHaveLength(3))
    await save(trusted, {
      docId: 'doc-1',
      path: path.join(userData, 'a.wrs'),
      report: created.value.report,
      saveAs: false,
    })
    await vi.waitFor(() => expect(window!.closed).toBe(1))
    // The window's own close() then passes the guard.
    const last = { preventDefault: vi.fn() }
    closeListener(last)
    expect(last.preventDefault).not.toHaveBeenCalled()
  })

  it('after the editor process died, tells the user and loads the editor again', async () => {
    const [window] = appWindows()
    const gone = window!.contentsEvents.get('render-process-gone')!
    gone({}, { reason: 'crashed', exitCode: 139 })
    await vi.waitFor(() => expect(window!.loaded).toEqual(['app://bundle/index.html', 'app://bundle/index.html']))
    expect(fake.messageBoxes.at(-1)?.message).toBe('编辑器意外退出。')
    gone({}, { reason: 'clean-exit', exitCode: 0 })
    await new Promise(resolve => setTimeout(resolve, 20))
    expect(window!.loaded).toHaveLength(2)
  })
})
