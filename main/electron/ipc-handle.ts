import type { IpcMainInvokeEvent, WebContents } from 'electron'
import { ipcMain } from 'electron'
import type { z } from 'zod'
import type { AppEvent, InvokeMethod } from '../../core/ipc/api'
import { apiArgs, invokeMethods } from '../../core/ipc/api'
import { EVENT_CHANNEL, channelOf } from '../../core/ipc/channel'
import { fail } from '../../core/ipc/ipc-result'
import type { ApiMethods } from '../services/create-services'
import { isAppUrl } from './security'

/** Only our own top-level page may call main: main frame, app://bundle origin. */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const frame = event.senderFrame
  if (!frame) return false
  if (frame.parent !== null) return false
  return isAppUrl(frame.url)
}

/** The one way to register an IPC handler: sender check, then runtime argument validation. */
export function handle<Args extends unknown[], Result>(
  channel: string,
  schema: z.ZodType<Args>,
  fn: (...args: Args) => Promise<Result>,
): void {
  ipcMain.handle(channel, async (event, ...raw: unknown[]) => {
    if (!isTrustedSender(event)) return fail('forbidden', '拒绝了来自非本程序页面的请求。')
    const parsed = schema.safeParse(raw)
    if (!parsed.success)
      return fail('invalid-arguments', `请求参数无效（${channel}），已忽略。请重试；若反复出现，请重新启动程序。`)
    try {
      return await fn(...parsed.data)
    } catch (error) {
      console.error(`[ipc] ${channel} failed`, error)
      return fail(
        'internal',
        `操作失败（${error instanceof Error ? error.message : String(error)}）。请重试；文档内容仍在编辑器中，并已存入恢复快照。`,
      )
    }
  })
}

/** Registers every Api invoke method; `onCall` sees each accepted call (the shell uses it to know the page is up). */
export function registerApiHandlers(services: ApiMethods, onCall?: (method: InvokeMethod) => void): void {
  for (const method of invokeMethods) {
    const implementation = services[method] as (...args: unknown[]) => Promise<unknown>
    handle(channelOf(method), apiArgs[method as InvokeMethod] as unknown as z.ZodType<unknown[]>, (...args) => {
      onCall?.(method)
      return implementation(...args)
    })
  }
}

export function sendAppEvent(contents: WebContents, event: AppEvent): void {
  if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event)
}
