import type { ReportFile } from '../../core/report-file'
import { readReportFile } from '../services/file-service'
import type { CliIo } from './cli-command'

/** The `.wrs` file named on the command line, or `undefined` after printing why it cannot be read (exit 2). */
export async function readReportArgument(file: string, io: CliIo): Promise<ReportFile | undefined> {
  const read = await readReportFile(file)
  if (read.ok) return read.value
  io.err(`${read.message}\n`)
  return undefined
}
