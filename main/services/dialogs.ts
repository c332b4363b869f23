/** Native dialogs as an interface, so the Electron shell and the loopback test host can differ. */
export interface FileFilter {
  name: string
  extensions: string[]
}

export type CloseChoice = 'save' | 'discard' | 'cancel'

export interface Dialogs {
  /** Path chosen, or null when cancelled. */
  openFile(options: { title: string; filters: FileFilter[] }): Promise<string | null>
  /** Several paths chosen at once, or null when cancelled (where the platform has no multi-select, openFile is used). */
  openFiles?(options: { title: string; filters: FileFilter[] }): Promise<string[] | null>
  saveFile(options: { title: string; defaultPath: string; filters: FileFilter[] }): Promise<string | null>
  message(options: { type: 'info' | 'warning' | 'error'; message: string; detail?: string }): Promise<void>
  /** Asked when a window with unsaved changes is closing. */
  confirmClose(options: { title: string }): Promise<CloseChoice>
  /**
   * Asked when the editor did not save after 保存 (it does not answer): close keeping the recovery
   * snapshot (offered at the next start), or cancel and go back to the window.
   */
  closeWithoutSaving(options: { title: string }): Promise<'close' | 'cancel'>
}

export const reportFilters: FileFilter[] = [{ name: '工作报告', extensions: ['wrs'] }]
