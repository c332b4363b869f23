import type { Dialogs } from './dialogs'
import type { DocumentState, SaveOutcome, Services } from './create-services'

export type CloseDecision = 'close' | 'cancel' | 'save-then-close'

/** How long the renderer has to start the save it was asked for (it calls saveReport) before the user is asked again. */
export const SAVE_ANSWER_TIMEOUT_MS = 10_000

function titleOf(dirty: DocumentState[]): string {
  return dirty.map(state => state.title || '未命名报告').join('、')
}

/**
 * What to do when the window is closing: nothing dirty → close; otherwise ask 保存/不保存/取消.
 * 'save-then-close' means: ask the renderer to save, close once that save succeeded.
 */
export async function decideClose(states: DocumentState[], dialogs: Dialogs): Promise<CloseDecision> {
  const dirty = states.filter(state => state.dirty)
  if (dirty.length === 0) return 'close'
  const choice = await dialogs.confirmClose({ title: titleOf(dirty) })
  if (choice === 'save') return 'save-then-close'
  return choice === 'discard' ? 'close' : 'cancel'
}

export type CloseFlowServices = Pick<
  Services,
  'documentStates' | 'discardRecovery' | 'saveListeners' | 'saveStartListeners'
>

export interface CloseFlowOptions {
  /** Default SAVE_ANSWER_TIMEOUT_MS. */
  answerTimeoutMs?: number
  /**
   * Called by the window on each further close attempt. Once the save has started, the flow listens here:
   * a user closing again while a write hangs (a network drive) is asked whether to close keeping the snapshot.
   */
  closeAttempts?: Set<() => void>
}

export interface CloseFlowResult {
  decision: CloseDecision
  /** Whether the window may close now. */
  close: boolean
}

type Waited = { kind: 'outcome'; outcome: SaveOutcome } | { kind: 'no-answer' }

/**
 * Waits for the save the renderer was asked for: its outcome, or 'no-answer' when the renderer has not
 * started saving within the timeout (or, once it has, when the user tries to close again before it ends).
 */
function waitForSave(services: CloseFlowServices, requestSave: () => void, options: CloseFlowOptions): Promise<Waited> {
  return new Promise<Waited>(resolve => {
    let settled = false
    const finish = (result: Waited): void => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      services.saveListeners.delete(onOutcome)
      services.saveStartListeners.delete(onStart)
      options.closeAttempts?.delete(onCloseAgain)
      resolve(result)
    }
    const onOutcome = (outcome: SaveOutcome): void => finish({ kind: 'outcome', outcome })
    // Once the renderer has answered, a Save-As dialog may stay open as long as the user needs.
    const onCloseAgain = (): void => finish({ kind: 'no-answer' })
    const onStart = (): void => {
      clearTimeout(timer)
      options.closeAttempts?.add(onCloseAgain)
    }
    const timer = setTimeout(() => finish({ kind: 'no-answer' }), options.answerTimeoutMs ?? SAVE_ANSWER_TIMEOUT_MS)
    services.saveListeners.add(onOutcome)
    services.saveStartListeners.add(onStart)
    try {
      requestSave()
    } catch {
      finish({ kind: 'no-answer' })
    }
  })
}

/**
 * The whole close procedure shared by the Electron window and the test host. Resolves with the
 * decision and whether the window may close now:
 * - 不保存 discards the recovery snapshots, then closes;
 * - 保存 asks the renderer to save (requestSave) and closes only when that save succeeded and nothing is
 *   left unsaved; a failed or cancelled save (Save-As dialog closed) keeps the window open with its text;
 * - a renderer that does not start saving in time (hung, busy) → the user chooses between closing with the
 *   recovery snapshot kept (offered at the next start) and going back to the window.
 */
export async function runCloseFlow(
  services: CloseFlowServices,
  dialogs: Dialogs,
  requestSave: () => void,
  options: CloseFlowOptions = {},
): Promise<CloseFlowResult> {
  const dirty = services.documentStates().filter(state => state.dirty)
  const decision = await decideClose(dirty, dialogs)
  if (decision === 'cancel') return { decision, close: false }
  if (decision === 'close') {
    await Promise.all(dirty.map(state => services.discardRecovery(state.docId)))
    return { decision, close: true }
  }
  const waited = await waitForSave(services, requestSave, options)
  if (waited.kind === 'outcome')
    return { decision, close: waited.outcome === 'saved' && services.documentStates().every(state => !state.dirty) }
  // Saved in the meantime (the answer came just after the prompt was due): nothing to ask.
  const stillDirty = services.documentStates().filter(state => state.dirty)
  if (stillDirty.length === 0) return { decision, close: true }
  const choice = await dialogs.closeWithoutSaving({ title: titleOf(stillDirty) })
  return { decision, close: choice === 'close' }
}

export interface CloseGuardOptions extends Omit<CloseFlowOptions, 'closeAttempts'> {
  services: CloseFlowServices
  dialogs: Dialogs
  /** Asks the renderer to save (the menu 'save' event). */
  requestSave(): void
  /** Closes the window for real; the guard lets that close through. */
  close(): void
}

export interface CloseGuard {
  /** Called from the window's 'close' event: true = prevent this close (the guard takes over). */
  interceptClose(): boolean
}

/**
 * The close-event state of one window: lets a clean window close, runs one close flow at a time, and
 * closes for real when the flow allows it. A close attempt while the flow waits for a started save
 * brings up the 关闭并保留恢复快照 / 取消 question, so the window can always be closed.
 */
export function createCloseGuard(options: CloseGuardOptions): CloseGuard {
  let approved = false
  let running = false
  const closeAttempts = new Set<() => void>()
  return {
    interceptClose() {
      if (approved || options.services.documentStates().every(state => !state.dirty)) return false
      if (running) {
        for (const listener of [...closeAttempts]) listener()
        return true
      }
      running = true
      void runCloseFlow(options.services, options.dialogs, options.requestSave, {
        answerTimeoutMs: options.answerTimeoutMs,
        closeAttempts,
      })
        .then(
          result => {
            if (!result.close) return
            approved = true
            options.close()
          },
          (error: unknown) => console.error('[close] the close flow failed', error),
        )
        .finally(() => {
          running = false
          closeAttempts.clear()
        })
      return true
    },
  }
}
