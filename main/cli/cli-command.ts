/** Output streams of one CLI run (injected so tests run commands in-process). */
export interface CliIo {
  out(text: string): void
  err(text: string): void
  /** Working directory that relative paths are resolved against. */
  cwd: string
}

/** Exit codes: 0 ok, 1 findings with errors / gate refused, 2 bad input or usage. */
export type ExitCode = 0 | 1 | 2

export interface CliCommand {
  name: string
  /** One zh-CN usage line, e.g. `wrs new --template <id> --year <计划年度> -o <file.wrs>`. */
  usage: string
  summary: string
  run(args: string[], io: CliIo): Promise<ExitCode>
}

/**
 * A command as the launcher knows it: its name and how to load it. The module is loaded only when the command runs
 * (or for `wrs --help`), so `wrs check` never compiles the PDF printer or the DOCX importer.
 */
export interface CliCommandEntry {
  name: string
  load(): Promise<CliCommand>
}
