import type { Dialogs } from '../services/dialogs'
import type { Services } from '../services/create-services'

export interface RendererGoneTarget {
  isDestroyed(): boolean
  /** Loads the editor again (app://bundle/index.html). */
  reload(): Promise<unknown>
}

/**
 * After the editor's process died (crash, killed, out of memory): main forgets its documents (their
 * recovery snapshots stay), tells the user, then loads the editor again, which offers the snapshots.
 * Returns whether a reload was started.
 */
export async function handleRendererGone(
  reason: string,
  target: RendererGoneTarget,
  services: Pick<Services, 'forgetDocuments'>,
  dialogs: Pick<Dialogs, 'message'>,
): Promise<boolean> {
  if (reason === 'clean-exit') return false
  services.forgetDocuments()
  await dialogs.message({
    type: 'error',
    message: '编辑器意外退出。',
    detail: '最近约一秒前的内容已存入恢复快照。点击“确定”后重新载入，即可恢复未保存的内容。',
  })
  if (target.isDestroyed()) return false
  await target.reload().catch((error: unknown) => console.error('[renderer] reload after the crash failed', error))
  return true
}
