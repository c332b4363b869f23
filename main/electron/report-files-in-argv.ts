import path from 'node:path'
import { fileURLToPath } from 'node:url'

export interface ReportFilesInArgv {
  /** Absolute paths of the `.wrs` files asked for, in order. */
  paths: string[]
  /** `.wrs` arguments that are not local files (smb://, sftp://, a file: URL with a host): said to the user. */
  refused: string[]
}

const urlScheme = /^[a-z][a-z0-9+.-]*:\/\//i

/**
 * The report files in a command line (argv[0], the program, is skipped; so are switches). Accepts plain
 * paths, relative to `workingDirectory` (the folder of the instance that was started, which for a second
 * instance is not ours), and `file:` URLs as GIO file managers pass them for `%U`
 * (`file:///home/%E5%BC%A0/2024%E5%B9%B4%E6%8A%A5%E5%91%8A.wrs`).
 */
export function reportFilesInArgv(argv: readonly string[], workingDirectory: string): ReportFilesInArgv {
  const paths: string[] = []
  const refused: string[] = []
  for (const argument of argv.slice(1)) {
    if (argument.startsWith('-') || !/\.wrs$/i.test(argument.replace(/[?#].*$/, ''))) continue
    if (/^file:/i.test(argument)) {
      try {
        paths.push(fileURLToPath(argument))
      } catch {
        refused.push(argument)
      }
    } else if (urlScheme.test(argument)) refused.push(argument)
    else paths.push(path.resolve(workingDirectory, argument))
  }
  return { paths, refused }
}

/** What the second instance hands over (requestSingleInstanceLock's additionalData), when it is ours. */
export interface InstanceData {
  argv: string[]
  workingDirectory: string
}

export function isInstanceData(value: unknown): value is InstanceData {
  if (!value || typeof value !== 'object') return false
  const data = value as Partial<InstanceData>
  return (
    Array.isArray(data.argv) &&
    data.argv.every(argument => typeof argument === 'string') &&
    typeof data.workingDirectory === 'string'
  )
}
