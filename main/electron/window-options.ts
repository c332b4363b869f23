import type { BrowserWindowConstructorOptions } from 'electron'
import type { WindowState } from '../services/settings-store'

/**
 * The main window's options. Every security preference is explicit, even where it is Electron's
 * default, so scanners that assume old defaults and the snapshot test both see the real values.
 */
export function windowOptions(options: { preload: string; state: WindowState }): BrowserWindowConstructorOptions {
  const { state } = options
  return {
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 800,
    minHeight: 600,
    show: false,
    title: '工作报告编写器',
    backgroundColor: '#f3f3f0',
    autoHideMenuBar: false,
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
    },
  }
}
