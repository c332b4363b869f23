import type { BrowserWindow } from 'electron'
import { dialog } from 'electron'
import type { CloseChoice, Dialogs } from '../services/dialogs'

/** Native dialogs, modal to the main window when there is one. */
export function electronDialogs(window: () => BrowserWindow | null): Dialogs {
  return {
    async openFile(options) {
      const parent = window()
      const settings = { title: options.title, filters: options.filters, properties: ['openFile' as const] }
      const result = parent ? await dialog.showOpenDialog(parent, settings) : await dialog.showOpenDialog(settings)
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
      const parent = window()
      const settings = { title: options.title, defaultPath: options.defaultPath, filters: options.filters }
      const result = parent ? await dialog.showSaveDialog(parent, settings) : await dialog.showSaveDialog(settings)
      return result.canceled ? null : (result.filePath ?? null)
    },
    async message(options) {
      const parent = window()
      const settings = { type: options.type, message: options.message, detail: options.detail ?? '', buttons: ['确定'] }
      if (parent) await dialog.showMessageBox(parent, settings)
      else await dialog.showMessageBox(settings)
    },
    async confirmClose(options): Promise<CloseChoice> {
      const parent = window()
      const settings = {
        type: 'warning' as const,
        message: `是否保存对“${options.title}”的修改？`,
        detail: '如果不保存，所做的修改将丢失。',
        buttons: ['保存', '不保存', '取消'],
        defaultId: 0,
        cancelId: 2,
        noLink: true,
      }
      const { response } = parent
        ? await dialog.showMessageBox(parent, settings)
        : await dialog.showMessageBox(settings)
      return (['save', 'discard', 'cancel'] as const)[response] ?? 'cancel'
    },
  }
}
