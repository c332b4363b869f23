import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { BrowserWindow } from 'electron'
import type { AppEvent } from '../core/ipc/api'
import type { ShellLanguage } from '../core/ipc/shell-api'
import { app, session, shell } from 'electron'
import { createServices } from './services/create-services'
import { handleAppProtocol, registerAppScheme } from './electron/app-protocol'
import { createMainWindow } from './electron/create-main-window'
import { electronDialogs } from './electron/electron-dialogs'
import { registerApiHandlers, sendAppEvent } from './electron/ipc-handle'
import { installMenu } from './electron/menu'
import { electronPrinting } from './electron/print-to-pdf'
import { createAppEventQueue } from './electron/app-event-queue'
import { isInstanceData, reportFilesInArgv, type InstanceData } from './electron/report-files-in-argv'
import { installSecurityGuards } from './electron/security'
import { setPdfRenderer } from './services/export-pdf-service'

const here = path.dirname(fileURLToPath(import.meta.url))
const rendererRoot = path.join(here, '../renderer')
const preloadPath = path.join(here, '../preload/index.cjs')

// Tests and portable set-ups can point the app at their own user data folder.
if (process.env.WRS_USER_DATA_DIR) app.setPath('userData', path.resolve(process.env.WRS_USER_DATA_DIR))

registerAppScheme()

if (!app.requestSingleInstanceLock({ argv: process.argv, workingDirectory: process.cwd() } satisfies InstanceData)) {
  app.quit()
} else {
  let mainWindow: BrowserWindow | null = null
  const dialogs = electronDialogs(() => mainWindow)
  // Events wait until the page listens: the renderer subscribes to onEvent in the same React commit in
  // which it asks for pendingRecoveries, so that call marks it ready (a file given on the command line
  // would otherwise be sent before anyone listens).
  const events = createAppEventQueue(() => {
    const window = mainWindow
    return window ? event => sendAppEvent(window.webContents, event) : null
  })
  const send = (event: AppEvent): void => events.send(event)
  const onCall = (method: string): void => {
    if (method === 'pendingRecoveries') events.pageReady()
  }
  /** Opens the first report of a command line; URLs that are not local files are refused in a sentence. */
  const openFromArgv = (argv: readonly string[], workingDirectory: string): void => {
    const { paths, refused } = reportFilesInArgv(argv, workingDirectory || process.cwd())
    if (paths[0]) send({ type: 'open-file', path: paths[0] })
    for (const url of refused)
      void app.whenReady().then(() =>
        dialogs.message({
          type: 'warning',
          message: `无法打开“${url}”：它不在本机磁盘上。`,
          detail: '请先把文件复制到本机，或在文件管理器中挂载该共享文件夹后，从文件夹中打开。',
        }),
      )
  }
  const printing = electronPrinting()
  // The menu speaks the renderer's language (setWindowState).
  let language: ShellLanguage = 'zh-CN'
  let recentFiles: Awaited<ReturnType<typeof services.recentFiles>> = []
  const menu = (files = recentFiles): void => {
    recentFiles = files
    installMenu(files, { send, clearRecent, isDev: !app.isPackaged, language })
  }
  const services = createServices({
    userDataDir: app.getPath('userData'),
    dialogs,
    printDialog: printing.printWithDialog,
    onRecentFilesChanged: files => menu(files),
    desktop: {
      openPath: filePath => shell.openPath(filePath),
      showItemInFolder: filePath => shell.showItemInFolder(filePath),
    },
    onWindowState: state => {
      if (mainWindow && !mainWindow.isDestroyed()) mainWindow.setTitle(state.title)
      if (state.language === language) return
      language = state.language
      menu()
    },
  })
  function clearRecent(): void {
    void services.settings
      .update(current => ({ ...current, recentFiles: [] }))
      .then(updated => menu(updated.recentFiles))
  }

  // A second start (double-click in the file manager, `工作报告编写器 报告.wrs` in a terminal) hands its
  // command line to this instance; its relative paths are relative to its own working directory.
  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    if (isInstanceData(additionalData)) openFromArgv(additionalData.argv, additionalData.workingDirectory)
    else openFromArgv(argv, workingDirectory)
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  // macOS hands files over by event, also before the app is ready.
  app.on('open-file', (event, filePath) => {
    event.preventDefault()
    openFromArgv(['', filePath], process.cwd())
  })

  app.on('window-all-closed', () => app.quit())

  openFromArgv(process.argv, process.cwd())

  void app.whenReady().then(async () => {
    installSecurityGuards(app, session.defaultSession)
    // PDF preview and export render in a hidden sandboxed window instead of launching a Chromium.
    setPdfRenderer(printing.printToPdf)
    handleAppProtocol(rendererRoot)
    registerApiHandlers(services, onCall)
    menu(await services.recentFiles())
    void services.sweepTempFiles()
    mainWindow = await createMainWindow({ preload: preloadPath, services, dialogs })
    mainWindow.webContents.on('did-start-loading', () => events.pageGone())
    mainWindow.on('closed', () => {
      mainWindow = null
    })
    events.flush()
  })
}
