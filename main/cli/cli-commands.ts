import type { CliCommand } from './cli-command'
import { checkCommand } from './commands/check-command'
import { exportCommand } from './commands/export-command'
import { importCommand } from './commands/import-command'
import { newCommand } from './commands/new-command'
import { reviewCommand } from './commands/review-command'
import { rollforwardCommand } from './commands/rollforward-command'

/** Every `wrs` sub-command; each lives in its own file under `main/cli/commands/`. */
export const cliCommands: CliCommand[] = [
  newCommand,
  importCommand,
  checkCommand,
  exportCommand,
  rollforwardCommand,
  reviewCommand,
]
