import type { CliCommand } from './cli-command'
import { checkCommand } from './commands/check-command'
import { exportCommand } from './commands/export-command'
import { importCommand } from './commands/import-command'
import { newCommand } from './commands/new-command'
import { reviewCommand } from './commands/review-command'
import { rollforwardCommand } from './commands/rollforward-command'
import { approveCommand } from './commands/approve-command'
import { assignCommand } from './commands/assign-command'
import { partsCommand } from './commands/parts-command'
import { pullCommand } from './commands/pull-command'
import { pushCommand } from './commands/push-command'
import { reopenCommand } from './commands/reopen-command'
import { serveCommand } from './commands/serve-command'
import { shareCommand } from './commands/share-command'
import { submitCommand } from './commands/submit-command'
import { teamCommand } from './commands/team-command'

/** Every `wrs` sub-command; each lives in its own file under `main/cli/commands/`. */
export const cliCommands: CliCommand[] = [
  newCommand,
  importCommand,
  checkCommand,
  exportCommand,
  rollforwardCommand,
  reviewCommand,
  // drafting together on the office's server (docs/COLLABORATION.md)
  serveCommand,
  teamCommand,
  shareCommand,
  pullCommand,
  pushCommand,
  assignCommand,
  partsCommand,
  submitCommand,
  approveCommand,
  reopenCommand,
]
