import { BrowserWindow } from 'electron'
import type { Dialogs } from '../services/dialogs'
import { runCloseFlow } from '../services/close-flow'
import type { Services } from '../services/create-services'
import { sendAppEvent } from './ipc-handle'
import { APP_ORIGIN } from './security'
import { windowOptions } from './window-options'
import { trackWindowState, visibleWindowState } from './window-state'

export interface MainWindowOptions {
  preload: string
  services: Services
  dialogs: Dialogs
}

/** The one window of the app, loaded from app://bundle with the hardened preferences. */
export async function createMainWindow(options: MainWindowOptions): Promise<BrowserWindow> {
  const { services, dialogs } = options
  const state = visibleWindowState((await services.settings.load()).window)
  const base = windowOptions({ preload: options.preload, state })
  // The hardening is repeated literally where the window is built: scanners (electronegativity) read
  // only this literal, and the guarantee does not rest on windowOptions alone.
  const window = new BrowserWindow({
    ...base,
    webPreferences: {
      ...base.webPreferences,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    },
  })
  trackWindowState(window, services.settings)
  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize()
    window.show()
  })

  let closeApproved = false
  let asking = false
  window.on('close', event => {
    if (closeApproved || services.documentStates().every(document => !document.dirty)) return
    event.preventDefault()
    if (asking) return
    asking = true
    void runCloseFlow(services, dialogs, () => sendAppEvent(window.webContents, { type: 'menu', command: 'save' }))
      .then(({ close }) => {
        if (!close || window.isDestroyed()) return
        closeApproved = true
        window.close()
      })
      .finally(() => {
        asking = false
      })
  })

  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return
    // The reloaded editor starts without documents; its snapshots are offered as recoveries.
    services.forgetDocuments()
    void dialogs
      .message({
        type: 'error',
        message: '编辑器意外退出。',
        detail: '最近约一秒前的内容已存入恢复快照。点击“确定”后重新载入，即可恢复未保存的内容。',
      })
      .then(() => {
        if (!window.isDestroyed()) void window.loadURL(`${APP_ORIGIN}/index.html`)
      })
  })

  await window.loadURL(`${APP_ORIGIN}/index.html`)
  return window
}
