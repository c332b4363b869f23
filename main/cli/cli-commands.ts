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
  { name: 'review', load: async () => (await import('./commands/review-command')).reviewCommand },
  // drafting together on the office's server (docs/COLLABORATION.md)
  { name: 'serve', load: async () => (await import('./commands/serve-command')).serveCommand },
  { name: 'team', load: async () => (await import('./commands/team-command')).teamCommand },
  { name: 'share', load: async () => (await import('./commands/share-command')).shareCommand },
  { name: 'pull', load: async () => (await import('./commands/pull-command')).pullCommand },
  { name: 'push', load: async () => (await import('./commands/push-command')).pushCommand },
  { name: 'assign', load: async () => (await import('./commands/assign-command')).assignCommand },
  { name: 'parts', load: async () => (await import('./commands/parts-command')).partsCommand },
  { name: 'submit', load: async () => (await import('./commands/submit-command')).submitCommand },
  { name: 'approve', load: async () => (await import('./commands/approve-command')).approveCommand },
  { name: 'reopen', load: async () => (await import('./commands/reopen-command')).reopenCommand },
]
