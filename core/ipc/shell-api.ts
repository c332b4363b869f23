import { z } from 'zod'
import type { IpcResult } from './ipc-result'

export type ShellLanguage = 'zh-CN' | 'en'

export interface WindowState {
  /** `2025年工作报告.wrs* — 工作报告编写器` (core/commands/window-title.ts). */
  title: string
  /** The renderer's language: the native menu follows it. */
  language: ShellLanguage
}

export interface ShellApi {
  /** The window's title and the menu's language, sent whenever they change. */
  setWindowState(state: WindowState): Promise<void>
  /**
   * Opens a file this session exported in its program (`file`) or shows it in its folder (`folder`). Only paths the
   * app itself wrote are opened: anything else is refused in a sentence.
   */
  openExported(request: { path: string; how: 'file' | 'folder' }): Promise<IpcResult<true>>
}

export const shellApiArgs = {
  setWindowState: z.tuple([z.object({ title: z.string().max(600), language: z.enum(['zh-CN', 'en']) })]),
  openExported: z.tuple([z.object({ path: z.string().min(1).max(4096), how: z.enum(['file', 'folder']) })]),
} satisfies Record<keyof ShellApi, z.ZodTuple>
