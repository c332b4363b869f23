import type { Dialogs } from './dialogs'
import type { DocumentState } from './create-services'

export type CloseDecision = 'close' | 'cancel' | 'save-then-close'

/**
 * What to do when the window is closing: nothing dirty → close; otherwise ask 保存/不保存/取消.
 * 'save-then-close' means: ask the renderer to save, close once it reports the document clean.
 */
export async function decideClose(states: DocumentState[], dialogs: Dialogs): Promise<CloseDecision> {
  const dirty = states.filter(state => state.dirty)
  if (dirty.length === 0) return 'close'
  const choice = await dialogs.confirmClose({ title: dirty.map(state => state.title || '未命名报告').join('、') })
  if (choice === 'save') return 'save-then-close'
  return choice === 'discard' ? 'close' : 'cancel'
}
