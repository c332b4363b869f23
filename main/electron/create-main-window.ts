import { BrowserWindow } from 'electron'
import type { Dialogs } from '../services/dialogs'
import { decideClose } from '../services/close-flow'
import type { SaveOutcome, Services } from '../services/create-services'
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
    webPreferences: { ...base.webPreferences, contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, disableBlinkFeatures: 'Auxclick' },
  })
  trackWindowState(window, services.settings)
  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize()
    window.show()
  })

  let closeApproved = false
  let asking = false
  const closeNow = (): void => {
    closeApproved = true
    if (!window.isDestroyed()) window.close()
  }
  window.on('close', event => {
    if (closeApproved || services.documentStates().every(document => !document.dirty)) return
    event.preventDefault()
    if (asking) return
    asking = true
    void decideClose(services.documentStates(), dialogs)
      .then(decision => {
        if (decision === 'close') {
          // 不保存: the snapshots of the discarded changes must not be offered again at next start.
          const dirty = services.documentStates().filter(document => document.dirty)
          return Promise.all(dirty.map(document => services.discardRecovery(document.docId))).finally(closeNow)
        }
        if (decision === 'cancel') return undefined
        // Ask the renderer to save; close only after that save succeeded (a cancelled dialog keeps the window).
        const listener = (outcome: SaveOutcome): void => {
          services.saveListeners.delete(listener)
          if (outcome === 'saved' && services.documentStates().every(document => !document.dirty)) closeNow()
        }
        services.saveListeners.add(listener)
        sendAppEvent(window.webContents, { type: 'menu', command: 'save' })
        return undefined
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
      .message({ type: 'error', message: '编辑器意外退出。', detail: '最近约一秒前的内容已存入恢复快照。点击“确定”后重新载入，即可恢复未保存的内容。' })
      .then(() => {
        if (!window.isDestroyed()) void window.loadURL(`${APP_ORIGIN}/index.html`)
      })
  })

  await window.loadURL(`${APP_ORIGIN}/index.html`)
  return window
}
