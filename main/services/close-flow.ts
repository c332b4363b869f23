import type { Dialogs } from './dialogs'
import type { DocumentState, SaveOutcome, Services } from './create-services'

export type CloseDecision = 'close' | 'cancel' | 'save-then-close'

/**
 * What to do when the window is closing: nothing dirty → close; otherwise ask 保存/不保存/取消.
 * 'save-then-close' means: ask the renderer to save, close once that save succeeded.
 */
export async function decideClose(states: DocumentState[], dialogs: Dialogs): Promise<CloseDecision> {
  const dirty = states.filter(state => state.dirty)
  if (dirty.length === 0) return 'close'
  const choice = await dialogs.confirmClose({ title: dirty.map(state => state.title || '未命名报告').join('、') })
  if (choice === 'save') return 'save-then-close'
  return choice === 'discard' ? 'close' : 'cancel'
}

/**
 * The whole close procedure shared by the Electron window and the test host. Resolves with the
 * decision and whether the window may close now: 不保存 discards the recovery snapshots first;
 * 保存 asks the renderer to save (requestSave) and allows closing only after a successful save.
 */
export async function runCloseFlow(
  services: Pick<Services, 'documentStates' | 'discardRecovery' | 'saveListeners'>,
  dialogs: Dialogs,
  requestSave: () => void,
): Promise<{ decision: CloseDecision; close: boolean }> {
  const dirty = services.documentStates().filter(state => state.dirty)
  const decision = await decideClose(dirty, dialogs)
  if (decision === 'cancel') return { decision, close: false }
  if (decision === 'close') {
    await Promise.all(dirty.map(state => services.discardRecovery(state.docId)))
    return { decision, close: true }
  }
  const outcome = await new Promise<SaveOutcome>(resolve => {
    const listener = (result: SaveOutcome): void => {
      services.saveListeners.delete(listener)
      resolve(result)
    }
    services.saveListeners.add(listener)
    requestSave()
  })
  return { decision, close: outcome === 'saved' && services.documentStates().every(state => !state.dirty) }
}
