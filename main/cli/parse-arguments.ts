import type { CliIo } from './cli-command'

/**
 * A command's parsed arguments, or `undefined` after printing the parse error with the usage line
 * (the command then exits 2).
 */
export function parseArguments<T extends object>(parsed: T | string, usage: string, io: CliIo): T | undefined {
  if (typeof parsed !== 'string') return parsed
  io.err(`${parsed}\n用法：${usage}\n`)
  return undefined
}
