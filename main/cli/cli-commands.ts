import type { CliCommand } from './cli-command'

/** Every `wrs` sub-command; each lives in its own file under `main/cli/commands/`. */
export const cliCommands: CliCommand[] = []
