import type { CliCommand } from './cli-command'
import { exportCommand } from './commands/export-command'
import { importCommand } from './commands/import-command'

/** Every `wrs` sub-command; each lives in its own file under `main/cli/commands/`. */
export const cliCommands: CliCommand[] = [exportCommand, importCommand]
