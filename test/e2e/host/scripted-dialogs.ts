import type { CloseChoice, Dialogs } from '../../../main/services/dialogs'

export interface DialogScript {
  /** Answers of the next open dialogs, in order (null = cancelled). */
  open?: (string | null)[]
  /** Answers of the next multi-select open dialogs (null = cancelled). */
  openMany?: (string[] | null)[]
  save?: (string | null)[]
  confirmClose?: CloseChoice[]
  /** Answers of the 关闭并保留恢复快照 / 取消 question asked when the editor did not save. */
  closeWithoutSaving?: ('close' | 'cancel')[]
}

export interface DialogRecord {
  kind: 'open' | 'openMany' | 'save' | 'message' | 'confirmClose' | 'closeWithoutSaving'
  options: unknown
  answer: unknown
}

/** Native dialogs replaced by queued answers; an empty queue answers "cancel". */
export class ScriptedDialogs implements Dialogs {
  readonly shown: DialogRecord[] = []
  private script: Required<DialogScript> = {
    open: [],
    openMany: [],
    save: [],
    confirmClose: [],
    closeWithoutSaving: [],
  }

  enqueue(script: DialogScript): void {
    this.script.open.push(...(script.open ?? []))
    this.script.openMany.push(...(script.openMany ?? []))
    this.script.save.push(...(script.save ?? []))
    this.script.confirmClose.push(...(script.confirmClose ?? []))
    this.script.closeWithoutSaving.push(...(script.closeWithoutSaving ?? []))
  }

  reset(): void {
    this.script = { open: [], openMany: [], save: [], confirmClose: [], closeWithoutSaving: [] }
    this.shown.length = 0
  }

  async openFile(options: unknown): Promise<string | null> {
    const answer = this.script.open.length ? this.script.open.shift()! : null
    this.shown.push({ kind: 'open', options, answer })
    return answer
  }

  async openFiles(options: unknown): Promise<string[] | null> {
    const answer = this.script.openMany.length ? this.script.openMany.shift()! : null
    this.shown.push({ kind: 'openMany', options, answer })
    return answer
  }

  async saveFile(options: unknown): Promise<string | null> {
    const answer = this.script.save.length ? this.script.save.shift()! : null
    this.shown.push({ kind: 'save', options, answer })
    return answer
  }

  async message(options: unknown): Promise<void> {
    this.shown.push({ kind: 'message', options, answer: null })
  }

  async confirmClose(options: unknown): Promise<CloseChoice> {
    const answer = this.script.confirmClose.length ? this.script.confirmClose.shift()! : 'cancel'
    this.shown.push({ kind: 'confirmClose', options, answer })
    return answer
  }

  async closeWithoutSaving(options: unknown): Promise<'close' | 'cancel'> {
    const answer = this.script.closeWithoutSaving.length ? this.script.closeWithoutSaving.shift()! : 'cancel'
    this.shown.push({ kind: 'closeWithoutSaving', options, answer })
    return answer
  }
}
