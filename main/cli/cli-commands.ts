import type { CliCommandEntry } from './cli-command'

/**
 * Every `wrs` sub-command, in the order `wrs --help` lists them. A command is one file
 * `main/cli/commands/<name>-command.ts` exporting a `CliCommand`, plus one line here; the build (`esbuild.cli.mjs`)
 * makes each such file its own bundle, loaded only when its command runs.
 */
export const cliCommands: CliCommandEntry[] = [
  { name: 'new', load: async () => (await import('./commands/new-command')).newCommand },
  { name: 'import', load: async () => (await import('./commands/import-command')).importCommand },
  { name: 'check', load: async () => (await import('./commands/check-command')).checkCommand },
  { name: 'export', load: async () => (await import('./commands/export-command')).exportCommand },
  { name: 'rollforward', load: async () => (await import('./commands/rollforward-command')).rollforwardCommand },
]
