/** What the desktop does with a file: open it in its program, show it in its folder (Electron's shell module). */
export interface Desktop {
  /** Resolves to '' on success, else the desktop's error text. */
  openPath(path: string): Promise<string>
  showItemInFolder(path: string): void
}

/** Without a desktop (the CLI, tests that do not fake one) nothing opens and the renderer is told so. */
export const noDesktop: Desktop = {
  openPath: async () => '这里没有桌面环境，无法打开文件。',
  showItemInFolder: () => undefined,
}
