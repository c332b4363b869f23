import { promises as fs } from 'node:fs'
import path from 'node:path'
import type { RecoverySnapshot } from '../../core/ipc/files-api'
import type { ReportFile } from '../../core/report-file'
import { parseReportFile } from '../../core/report-file'
import { writeFileAtomic } from '../files/write-file-atomic'
import { isSafeDocId } from './safe-doc-id'

interface StoredSnapshot {
  docId: string
  path: string | null
  savedAt: string
  report: ReportFile
}

export interface RecoveryStore {
  readonly directory: string
  write(snapshot: { docId: string; path: string | null; report: ReportFile }): Promise<void>
  list(): Promise<RecoverySnapshot[]>
  discard(docId: string): Promise<void>
}

function titleOf(snapshot: StoredSnapshot): string {
  const title = snapshot.report.meta.title.trim()
  if (title) return title
  if (snapshot.path) return path.basename(snapshot.path, path.extname(snapshot.path))
  return '未命名报告'
}

/** `<userData>/recovery/<docId>.json` snapshots of unsaved work, written atomically. */
export function createRecoveryStore(userDataDir: string): RecoveryStore {
  const directory = path.join(userDataDir, 'recovery')
  const fileOf = (docId: string): string => {
    if (!isSafeDocId(docId)) throw new Error(`unsafe docId ${JSON.stringify(docId)}`)
    return path.join(directory, `${docId}.json`)
  }
  // Snapshots of one document are written in order; a late write must not resurrect a discarded one.
  const queues = new Map<string, Promise<void>>()
  const enqueue = (docId: string, task: () => Promise<void>): Promise<void> => {
    const next = (queues.get(docId) ?? Promise.resolve()).then(task, task)
    queues.set(
      docId,
      next.catch(() => undefined),
    )
    return next
  }
  return {
    directory,
    async write(snapshot) {
      const file = fileOf(snapshot.docId)
      const stored: StoredSnapshot = {
        docId: snapshot.docId,
        path: snapshot.path,
        savedAt: new Date().toISOString(),
        report: snapshot.report,
      }
      return enqueue(snapshot.docId, async () => {
        await fs.mkdir(directory, { recursive: true })
        await writeFileAtomic(file, JSON.stringify(stored), { backup: false })
      })
    },
    async list() {
      let names: string[]
      try {
        names = await fs.readdir(directory)
      } catch {
        return []
      }
      const snapshots: RecoverySnapshot[] = []
      for (const name of names.filter(file => file.endsWith('.json'))) {
        try {
          const stored = JSON.parse(await fs.readFile(path.join(directory, name), 'utf8')) as StoredSnapshot
          if (!isSafeDocId(stored.docId)) continue
          const report = parseReportFile(JSON.stringify(stored.report))
          if (!report.ok) continue
          snapshots.push({
            docId: stored.docId,
            path: stored.path ?? null,
            savedAt: stored.savedAt,
            title: titleOf({ ...stored, report: report.value }),
            report: report.value,
          })
        } catch {
          // An unreadable snapshot is skipped, never offered half-restored.
        }
      }
      return snapshots.sort((a, b) => b.savedAt.localeCompare(a.savedAt))
    },
    async discard(docId) {
      const file = fileOf(docId)
      return enqueue(docId, async () => {
        await fs.rm(file, { force: true })
      })
    },
  }
}
