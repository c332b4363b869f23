import { promises as fs } from 'node:fs'
import type { CliIo } from './cli-command'

/**
 * The one overwrite guard of the CLI: without --force, names every target that already exists and
 * refuses (nothing written). Returns true when the command must stop.
 */
export async function refuseExistingOutput(targets: string[], force: boolean, io: CliIo): Promise<boolean> {
  if (force) return false
  const taken: string[] = []
  for (const target of targets) {
    if (
      await fs.lstat(target).then(
        () => true,
        () => false,
      )
    )
      taken.push(target)
  }
  if (taken.length === 0) return false
  io.err(
    `文件“${taken.join('”“')}”已经存在，未作改动，没有写入任何文件。如要覆盖，请加 --force（原文件会保留为 .bak）；或用 -o 指定另一个文件名。\n`,
  )
  return true
}
