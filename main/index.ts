import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BrowserWindow } from 'electron'
import type { AppEvent } from '../core/ipc/api'
import { app, session } from 'electron'
import { createServices } from './services/create-services'
import { handleAppProtocol, registerAppScheme } from './electron/app-protocol'
import { createMainWindow } from './electron/create-main-window'
import { electronDialogs } from './electron/electron-dialogs'
import { registerApiHandlers, sendAppEvent } from './electron/ipc-handle'
import { installMenu } from './electron/menu'
import { printToPdf, printWithDialog } from './electron/print-to-pdf'
import { installSecurityGuards } from './electron/security'
import { setPdfRenderer } from './services/export-pdf-service'

const here = path.dirname(fileURLToPath(import.meta.url))
const rendererRoot = path.join(here, '../renderer')
const preloadPath = path.join(here, '../preload/index.cjs')

// Tests and portable set-ups can point the app at their own user data folder.
if (process.env.WRS_USER_DATA_DIR) app.setPath('userData', path.resolve(process.env.WRS_USER_DATA_DIR))

registerAppScheme()

function reportPathIn(argv: string[]): string | null {
  return argv.slice(1).find(argument => argument.toLowerCase().endsWith('.wrs') && !argument.startsWith('-')) ?? null
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  let mainWindow: BrowserWindow | null = null
  const dialogs = electronDialogs(() => mainWindow)
  // Events wait until the page listens: the renderer subscribes to onEvent in the same React commit in
  // which it asks for pendingRecoveries, so that call marks it ready (a file given on the command line
  // would otherwise be sent before anyone listens).
  let rendererReady = false
  const queued: AppEvent[] = []
  const flush = (): void => {
    if (!mainWindow || !rendererReady) return
    for (const event of queued.splice(0)) sendAppEvent(mainWindow.webContents, event)
  }
  const send = (event: AppEvent): void => {
    queued.push(event)
    flush()
  }
  const onCall = (method: string): void => {
    if (method !== 'pendingRecoveries' || rendererReady) return
    rendererReady = true
    flush()
  }
  const services = createServices({
    userDataDir: app.getPath('userData'),
    dialogs,
    printDialog: printWithDialog,
    onRecentFilesChanged: files => installMenu(files, { send, clearRecent, isDev: !app.isPackaged }),
  })
  function clearRecent(): void {
    void services.settings
      .update(current => ({ ...current, recentFiles: [] }))
      .then(updated => installMenu(updated.recentFiles, { send, clearRecent, isDev: !app.isPackaged }))
  }

  app.on('second-instance', (_event, argv) => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
    const file = reportPathIn(argv)
    if (file) send({ type: 'open-file', path: file })
  })

  app.on('window-all-closed', () => app.quit())

  void app.whenReady().then(async () => {
    installSecurityGuards(app, session.defaultSession)
    // PDF preview and export render in a hidden sandboxed window instead of launching a Chromium.
    setPdfRenderer(printToPdf)
    handleAppProtocol(rendererRoot)
    registerApiHandlers(services, onCall)
    installMenu(await services.recentFiles(), { send, clearRecent, isDev: !app.isPackaged })
    void services.sweepTempFiles()
    mainWindow = await createMainWindow({ preload: preloadPath, services, dialogs })
    mainWindow.webContents.on('did-start-loading', () => {
      rendererReady = false
    })
    mainWindow.on('closed', () => {
      mainWindow = null
    })
    flush()
    const file = reportPathIn(process.argv)
    if (file) send({ type: 'open-file', path: file })
  })
}
