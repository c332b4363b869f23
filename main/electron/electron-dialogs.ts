import type { BrowserWindow, MessageBoxOptions, OpenDialogOptions, SaveDialogOptions } from 'electron'
import { dialog } from 'electron'
import type { CloseChoice, Dialogs } from '../services/dialogs'

/** The part of Electron's `dialog` the app uses (tests pass a fake). */
export interface NativeDialog {
  showOpenDialog(
    window: BrowserWindow | null,
    options: OpenDialogOptions,
  ): Promise<{ canceled: boolean; filePaths: string[] }>
  showSaveDialog(
    window: BrowserWindow | null,
    options: SaveDialogOptions,
  ): Promise<{ canceled: boolean; filePath?: string }>
  showMessageBox(window: BrowserWindow | null, options: MessageBoxOptions): Promise<{ response: number }>
}

/** Electron's dialog module, modal to the window when there is one. */
export const electronNativeDialog: NativeDialog = {
  showOpenDialog: (window, options) =>
    window ? dialog.showOpenDialog(window, options) : dialog.showOpenDialog(options),
  showSaveDialog: (window, options) =>
    window ? dialog.showSaveDialog(window, options) : dialog.showSaveDialog(options),
  showMessageBox: (window, options) =>
    window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options),
}

/** Native dialogs, modal to the main window when there is one. */
export function electronDialogs(
  window: () => BrowserWindow | null,
  native: NativeDialog = electronNativeDialog,
): Dialogs {
  return {
    async openFile(options) {
      const result = await native.showOpenDialog(window(), {
        title: options.title,
        filters: options.filters,
        properties: ['openFile'],
      })
      return result.canceled ? null : (result.filePaths[0] ?? null)
    },
    async openFiles(options) {
      const parent = window()
      const settings = {
        title: options.title,
        filters: options.filters,
        properties: ['openFile' as const, 'multiSelections' as const],
      }
      const result = parent ? await dialog.showOpenDialog(parent, settings) : await dialog.showOpenDialog(settings)
      return result.canceled || result.filePaths.length === 0 ? null : result.filePaths
    },
    async saveFile(options) {
      const result = await native.showSaveDialog(window(), {
        title: options.title,
        defaultPath: options.defaultPath,
        filters: options.filters,
      })
      return result.canceled ? null : (result.filePath ?? null)
    },
    async message(options) {
      await native.showMessageBox(window(), {
        type: options.type,
        message: options.message,
        detail: options.detail ?? '',
        buttons: ['确定'],
      })
    },
    async confirmClose(options): Promise<CloseChoice> {
      const { response } = await native.showMessageBox(window(), {
        type: 'warning',
        message: `是否保存对“${options.title}”的修改？`,
        detail: '如果不保存，所做的修改将丢失。',
        buttons: ['保存', '不保存', '取消'],
        defaultId: 0,
        cancelId: 2,
        noLink: true,
      })
      return (['save', 'discard', 'cancel'] as const)[response] ?? 'cancel'
    },
    async closeWithoutSaving(options) {
      const { response } = await native.showMessageBox(window(), {
        type: 'warning',
        message: `“${options.title}”没有保存：编辑器没有响应，或保存没有完成。`,
        detail:
          '可以关闭窗口：未保存的内容保留在恢复快照中（约一秒前的内容），下次启动时会提示恢复。' +
          '也可以取消，回到窗口再保存一次（Ctrl+S）。',
        buttons: ['关闭并保留恢复快照', '取消'],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      })
      return response === 0 ? 'close' : 'cancel'
    },
  }
}
