import type { Awareness } from 'y-protocols/awareness'

type State = Record<string, unknown>
type Listener = (...args: unknown[]) => void

/**
 * One awareness seen through one root's cursor field. Several editors share the provider's awareness; each publishes
 * its cursor under `cursor:<root>`. y-tiptap's cursor plugin writes the field it is given but reads `cursor` when it
 * draws the others' carets, so each editor gets this view, where `cursor` is its own root's field.
 */
export class RootAwareness {
  constructor(
    private readonly awareness: Awareness,
    readonly field: string,
  ) {}

  get clientID(): number {
    return this.awareness.clientID
  }

  get doc() {
    return this.awareness.doc
  }

  private view(state: State | null): State | null {
    return state ? { ...state, cursor: state[this.field] ?? null } : state
  }

  getStates(): Map<number, State> {
    const states = new Map<number, State>()
    for (const [client, state] of this.awareness.getStates()) states.set(client, this.view(state as State)!)
    return states
  }

  getLocalState(): State | null {
    return this.view(this.awareness.getLocalState() as State | null)
  }

  setLocalStateField(name: string, value: unknown): void {
    this.awareness.setLocalStateField(name === 'cursor' ? this.field : name, value)
  }

  on(event: string, listener: Listener): void {
    this.awareness.on(event as 'change', listener)
  }

  off(event: string, listener: Listener): void {
    this.awareness.off(event as 'change', listener)
  }
}

/** The awareness field an editor of `root` publishes its cursor under. */
export function cursorField(root: string): string {
  return `cursor:${root}`
}
