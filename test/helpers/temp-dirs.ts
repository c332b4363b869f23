import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach } from 'vitest'

/** Returns a maker of fresh temporary folders named `<prefix>…`; each is removed after the test that made it. */
export function tempDirs(prefix: string): () => string {
  const folders: string[] = []
  afterEach(() => {
    for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
  })
  return () => {
    const folder = mkdtempSync(path.join(tmpdir(), prefix))
    folders.push(folder)
    return folder
  }
}
