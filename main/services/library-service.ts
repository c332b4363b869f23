import { createHash } from 'node:crypto'
import { promises as fs } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { NodeType, nodeText } from '../../core/document-model'
import type { Api } from '../../core/ipc/api'
import { fail, ok } from '../../core/ipc/ipc-result'
import type { LibraryEntry, LibraryHit } from '../../core/ipc/reuse-api'
import { reportFileSchema, serializeReportFile } from '../../core/report-file'
import type { ReportFile } from '../../core/report-file'
import { markFiguresNeedsReview } from '../../core/reuse/mark-figures'
import {
  indexSections,
  matchSections,
  normalisedReportText,
  prepareSearchText,
  searchTerms,
} from '../../core/reuse/section-index'
import type { IndexedSection, SearchText } from '../../core/reuse/section-index'
import { writeFileAtomic } from '../files/write-file-atomic'
import { readReportFile } from './file-service'

export type LibraryMethods = Pick<
  Api,
  'libraryList' | 'librarySearch' | 'librarySection' | 'libraryEntry' | 'libraryAdd'
>

export interface LibraryService extends LibraryMethods {
  /** `<userData>/library`. */
  readonly directory: string
}

const storedEntrySchema = z.object({
  id: z.string().regex(/^[0-9a-z-]{1,80}$/u),
  title: z.string(),
  planYear: z.number().int().optional(),
  kind: z.string().optional(),
  organisation: z.string().optional(),
  source: z.string(),
  addedAt: z.string(),
  hash: z.string(),
})
type StoredEntry = z.infer<typeof storedEntrySchema>
/** Version 2: `hash` is the hash of the normalised doc (version 1 hashed meta and doc as stored, see migrate). */
const indexVersion = 2
const indexSchema = z.object({ version: z.union([z.literal(1), z.literal(2)]), entries: z.array(storedEntrySchema) })

const maxHits = 200

interface LoadedEntry {
  report: ReportFile
  sections: IndexedSection[]
  prepared: SearchText[]
}

const missing = () =>
  fail('not-found', '往年报告库里没有这份报告（可能已被删除）。请重新打开或导入它，它会再次加入报告库。')

function entryTitle(report: ReportFile): string {
  const fromMeta = report.meta.title.trim()
  if (fromMeta) return fromMeta
  const titleNode = (report.doc.content ?? []).find(node => node.type === NodeType.reportTitle)
  const fromDoc = titleNode ? nodeText(titleNode).replace(/\s+/gu, '') : ''
  return fromDoc || `${report.meta.organisation}${report.meta.planYear}年工作报告`
}

/** The same report has the same hash however often it is opened, imported or saved (section-index.ts). */
function contentHash(report: ReportFile): string {
  return createHash('sha256').update(normalisedReportText(report.doc)).digest('hex')
}

/** A `.wrs` states its meta (year, kind, organisation) as the user confirmed it; an import only guesses. */
const confirmedSource = (source: string): boolean => source.toLowerCase().endsWith('.wrs')

function describe(report: ReportFile): Pick<StoredEntry, 'title' | 'planYear' | 'kind' | 'organisation'> {
  return {
    title: entryTitle(report),
    planYear: report.meta.planYear,
    kind: report.meta.kind,
    organisation: report.meta.organisation,
  }
}

function publicEntry(entry: StoredEntry): LibraryEntry {
  const { hash: _hash, ...rest } = entry
  return rest
}

/**
 * The section library: every prior report the user opened or imported, one `.wrs` copy per entry in
 * `<userData>/library/` plus `index.json` (both written atomically). Reports are read and indexed for search on
 * first use and kept in memory.
 */
export function createLibraryService(userDataDir: string): LibraryService {
  const directory = path.join(userDataDir, 'library')
  const indexFile = path.join(directory, 'index.json')
  let entries: StoredEntry[] | null = null
  const loaded = new Map<string, LoadedEntry>()
  let queue: Promise<unknown> = Promise.resolve()

  const copyPath = (id: string): string => path.join(directory, `${id}.wrs`)

  async function rebuildFromCopies(): Promise<StoredEntry[]> {
    const names = await fs.readdir(directory).catch(() => [] as string[])
    const rebuilt: StoredEntry[] = []
    for (const name of names.filter(candidate => candidate.endsWith('.wrs')).sort()) {
      const id = name.slice(0, -4)
      if (!storedEntrySchema.shape.id.safeParse(id).success) continue
      const read = await readReportFile(path.join(directory, name))
      if (!read.ok) continue
      const stat = await fs.stat(path.join(directory, name))
      const hash = contentHash(read.value)
      if (rebuilt.some(entry => entry.hash === hash)) {
        await fs.rm(path.join(directory, name), { force: true })
        continue
      }
      rebuilt.push({ id, ...describe(read.value), source: '', addedAt: stat.mtime.toISOString(), hash })
    }
    return rebuilt
  }

  /** A version-1 index: hashes again by content, the copies of one report kept once (the first added). */
  async function migrate(old: StoredEntry[]): Promise<StoredEntry[]> {
    const kept: StoredEntry[] = []
    for (const entry of [...old].sort((a, b) => a.addedAt.localeCompare(b.addedAt))) {
      const read = await readReportFile(copyPath(entry.id))
      if (!read.ok) continue
      const hash = contentHash(read.value)
      if (kept.some(other => other.hash === hash)) {
        await fs.rm(copyPath(entry.id), { force: true })
        continue
      }
      kept.push({ ...entry, organisation: entry.organisation ?? read.value.meta.organisation, hash })
    }
    await saveIndex(kept)
    return kept
  }

  async function readIndex(): Promise<StoredEntry[]> {
    if (entries) return entries
    let data: unknown = null
    try {
      data = JSON.parse(await fs.readFile(indexFile, 'utf8'))
    } catch {
      data = null
    }
    const parsed = indexSchema.safeParse(data)
    // A lost or damaged index is rebuilt from the copies beside it.
    entries = !parsed.success
      ? await rebuildFromCopies()
      : parsed.data.version === 1
        ? await migrate(parsed.data.entries)
        : parsed.data.entries
    return entries
  }

  async function saveIndex(list: StoredEntry[]): Promise<void> {
    await fs.mkdir(directory, { recursive: true })
    await writeFileAtomic(indexFile, JSON.stringify({ version: indexVersion, entries: list }, null, 2) + '\n', {
      backup: false,
    })
  }

  async function loadEntry(id: string): Promise<LoadedEntry | null> {
    const cached = loaded.get(id)
    if (cached) return cached
    const read = await readReportFile(copyPath(id))
    if (!read.ok) return null
    const sections = indexSections(read.value.doc)
    const entry = { report: read.value, sections, prepared: sections.map(section => prepareSearchText(section.text)) }
    loaded.set(id, entry)
    return entry
  }

  function serial<T>(work: () => Promise<T>): Promise<T> {
    const next = queue.then(work, work)
    queue = next.catch(() => undefined)
    return next
  }

  /**
   * The same report again (same content): indexed once. Its year, kind, organisation and title follow a `.wrs`
   * (what the user confirmed) over an import's guess, and the copy takes that report's meta.
   */
  async function restate(
    list: StoredEntry[],
    same: StoredEntry,
    report: ReportFile,
    source: string,
  ): Promise<StoredEntry> {
    const described = describe(report)
    const differs = (Object.keys(described) as Array<keyof typeof described>).some(key => described[key] !== same[key])
    // A .wrs replaces an import as the entry's source (the file the user keeps); an import never overrides a .wrs.
    const better = confirmedSource(source) && !confirmedSource(same.source)
    if ((!differs && !better) || (!confirmedSource(source) && confirmedSource(same.source))) return same
    const updated: StoredEntry = { ...same, ...described, source: confirmedSource(source) ? source : same.source }
    const next = list.map(entry => (entry === same ? updated : entry))
    await writeFileAtomic(copyPath(same.id), serializeReportFile(report), { backup: false })
    loaded.delete(same.id)
    await saveIndex(next)
    entries = next
    return updated
  }

  /** The index once every addition asked for before has been written. */
  async function load(): Promise<StoredEntry[]> {
    await queue
    return readIndex()
  }

  return {
    directory,

    async libraryList() {
      const list = await load()
      return [...list]
        .sort((a, b) => (b.planYear ?? 0) - (a.planYear ?? 0) || b.addedAt.localeCompare(a.addedAt))
        .map(publicEntry)
    },

    async librarySearch(query) {
      const terms = searchTerms(query)
      if (terms.length === 0) return []
      // Hits come grouped: by year (newest first), then organisation and kind.
      const list = [...(await load())].sort(
        (a, b) =>
          (b.planYear ?? 0) - (a.planYear ?? 0) ||
          (a.organisation ?? '').localeCompare(b.organisation ?? '', 'zh-CN') ||
          (a.kind ?? '').localeCompare(b.kind ?? ''),
      )
      const hits: LibraryHit[] = []
      for (const entry of list) {
        const content = await loadEntry(entry.id)
        if (!content) continue
        for (const { section, excerpt } of matchSections(content.sections, content.prepared, terms)) {
          hits.push({
            entryId: entry.id,
            entryTitle: entry.title,
            planYear: entry.planYear,
            kind: entry.kind,
            organisation: entry.organisation ?? '',
            sectionPath: section.path,
            sectionTitle: section.title,
            level: section.level,
            excerpt,
          })
          if (hits.length >= maxHits) return hits
        }
      }
      return hits
    },

    async librarySection(request) {
      const list = await load()
      const entry = list.find(candidate => candidate.id === request.entryId)
      const content = entry ? await loadEntry(entry.id) : null
      if (!entry || !content) return missing()
      const section = content.sections.find(
        candidate => candidate.index === request.sectionPath[0] && request.sectionPath.length === 1,
      )
      if (!section) return fail('no-section', '这份往年报告里已找不到所选的章节。请重新搜索后再插入。')
      const year = content.report.meta.planYear
      const nodes = markFiguresNeedsReview((content.report.doc.content ?? []).slice(section.index, section.end), {
        source: `${year}年报告`,
      })
      return ok({ nodes, sourceTitle: entry.title, sourceYear: year })
    },

    async libraryEntry(entryId) {
      const list = await load()
      const content = list.some(candidate => candidate.id === entryId) ? await loadEntry(entryId) : null
      return content ? ok(content.report) : missing()
    },

    libraryAdd(request) {
      return serial(async () => {
        const parsed = reportFileSchema.safeParse(request.report)
        if (!parsed.success)
          return fail('invalid-report', '这份报告的内容不符合文件格式，未加入往年报告库。请先在编辑器中打开并保存它。')
        const report = parsed.data
        const list = await readIndex()
        const hash = contentHash(report)
        const same = list.find(entry => entry.hash === hash)
        if (same) return ok(publicEntry(await restate(list, same, report, request.source)))
        const id = `${report.meta.planYear}-${hash.slice(0, 12)}`
        const entry: StoredEntry = {
          id,
          ...describe(report),
          source: request.source,
          addedAt: new Date().toISOString(),
          hash,
        }
        // A newer version of the same file replaces the old copy (a newspaper page holds several reports: one per kind).
        const replaced = request.source
          ? list.filter(
              candidate =>
                candidate.source === request.source &&
                candidate.kind === report.meta.kind &&
                candidate.planYear === report.meta.planYear,
            )
          : []
        try {
          await fs.mkdir(directory, { recursive: true })
          await writeFileAtomic(copyPath(id), serializeReportFile(report), { backup: false })
          const next = [...list.filter(candidate => !replaced.includes(candidate)), entry]
          await saveIndex(next)
          entries = next
        } catch (error) {
          return fail(
            'write-failed',
            `无法把报告存入往年报告库（${(error as NodeJS.ErrnoException).code ?? String(error)}）。请检查磁盘空间后重试；报告本身未受影响。`,
          )
        }
        for (const old of replaced) {
          loaded.delete(old.id)
          await fs.rm(copyPath(old.id), { force: true }).catch(() => undefined)
        }
        return ok(publicEntry(entry))
      }).catch(error =>
        fail(
          'library-failed',
          `往年报告库出错（${error instanceof Error ? error.message : String(error)}），这份报告未加入报告库。报告本身未受影响。`,
        ),
      )
    },
  }
}
