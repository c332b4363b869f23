import { commandSpec, isCommandId, type CommandId, type EnabledWhen } from '../../core/commands/command-table'

type Handler = (id: string) => void

// Later bindings win while they are bound (the editor's over the app's); earlier ones come back when they unbind.
const bindings: Array<Partial<Record<string, Handler>>> = []

/**
 * Binds handlers to commands of core/commands/command-table.ts; `'*'` takes any other command (the shell opens the
 * dialog registered for it). Returns the unbind function.
 */
export function bindCommands(handlers: Partial<Record<CommandId | '*', Handler>>): () => void {
  bindings.push(handlers)
  return () => {
    const index = bindings.indexOf(handlers)
    if (index >= 0) bindings.splice(index, 1)
  }
}

function handlerFor(id: string): Handler | undefined {
  for (let index = bindings.length - 1; index >= 0; index -= 1) {
    const handler = bindings[index]![id]
    if (handler) return handler
  }
  return undefined
}

/** Runs a command from any source (native menu, key, toolbar, right-click menu). False when nothing handles it. */
export function runCommand(id: string): boolean {
  const handler = handlerFor(id) ?? handlerFor('*')
  if (!handler) return false
  handler(id)
  return true
}

/** Where the cursor is, for `enabled-when`. */
export interface CommandFacts {
  report: boolean
  selection: boolean
  heading: boolean
  table: boolean
  review: boolean
  anyReview: boolean
}

export function whenHolds(when: EnabledWhen, facts: CommandFacts): boolean {
  return when === 'always' || (facts.report && (when === 'report' || facts[when]))
}

export function commandEnabled(id: string, facts: CommandFacts): boolean {
  return isCommandId(id) ? whenHolds(commandSpec(id).when, facts) : facts.report
}
