import { randomUUID } from 'node:crypto'
import path from 'node:path'
import type { Api, InvokeMethod } from '../../core/ipc/api'
import type { OpenedReport } from '../../core/ipc/files-api'
import type { WindowState } from '../../core/ipc/shell-api'
import { fail, ok } from '../../core/ipc/ipc-result'
import type { ReportFile } from '../../core/report-file'
import { createReport } from '../../core/templates/create-report'
import { sweepStaleTempFiles } from '../files/write-file-atomic'
import type { Desktop } from './desktop'
import { noDesktop } from './desktop'
import type { Dialogs } from './dialogs'
import { reportFilters } from './dialogs'
import { readReportFile, writeReportFile } from './file-service'
import { uncoveredPrintCharacters } from './export-pdf-service'
import { createExportService } from './export-service'
import { importExtensions, importReportFile } from './import-service'
import { createLibraryService } from './library-service'
import type { PdfPrinterDialog } from './print-service'
import { createPrintService } from './print-service'
import { createRecentFiles } from './recent-files'
import type { RecentFiles } from './recent-files'
import { createRecoveryStore } from './recovery-store'
import { createReviewService } from './review-service'
import { createCollabService } from './collab-service'
import type { RecoveryStore } from './recovery-store'
import { isSafeDocId } from './safe-doc-id'
import { createSettingsStore } from './settings-store'
import type { SettingsStore } from './settings-store'
import { createTemplateService } from './template-service'
import { defaultReportName } from '../../core/report-file-name'

/** Every invoke method of the Api, implemented in plain Node (shared by Electron, the CLI and the test host). */
export type ApiMethods = { [K in InvokeMethod]: Api[K] }

export interface DocumentState {
  docId: string
  dirty: boolean
  title: string
}

export interface Services extends ApiMethods {
  readonly settings: SettingsStore
  readonly recovery: RecoveryStore
  readonly recent: RecentFiles
  /** Documents the renderer reported (asked about on close). */
  documentStates(): DocumentState[]
  /** After the renderer crashed: its documents are gone (their recovery snapshots stay). */
  forgetDocuments(): void
  /** Called after every saveReport with its outcome (the close flow waits for it). */
  readonly saveListeners: Set<(outcome: SaveOutcome) => void>
  /** Called when a saveReport call arrives (the renderer answered a close-time save request). */
  readonly saveStartListeners: Set<() => void>
  /** Deletes stale temp files of killed saves in the folders we write to. */
  sweepTempFiles(): Promise<string[]>
  /** The window title and language the renderer last sent. */
  windowState(): WindowState | null
}

export type SaveOutcome = 'saved' | 'cancelled' | 'failed'

export interface ServicesOptions {
  userDataDir: string
  dialogs: Dialogs
  /** Overrides of single methods (tests). */
  delegates?: Partial<ApiMethods>
  /** The system print dialog (Electron only); without it printReport answers 'unavailable'. */
  printDialog?: PdfPrinterDialog
  onRecentFilesChanged?: (files: Awaited<ReturnType<Api['recentFiles']>>) => void
  /** Opens exported files and their folders (Electron's shell; a recording fake in the test host). */
  desktop?: Desktop
  /** The renderer sent a new window title or language (Electron sets the title and rebuilds the menu). */
  onWindowState?: (state: WindowState) => void
}

function titleFor(report: ReportFile, filePath: string | null): string {
  return report.meta.title.trim() || (filePath ? path.basename(filePath, path.extname(filePath)) : '未命名报告')
}

function withExtension(filePath: string): string {
  return path.extname(filePath).toLowerCase() === '.wrs' ? filePath : `${filePath}.wrs`
}

export function createServices(options: ServicesOptions): Services {
  const { userDataDir, dialogs } = options
  const desktop = options.desktop ?? noDesktop
  // Files exported in this session: the only ones openExported opens.
  const exported = new Set<string>()
  let windowState: WindowState | null = null
  const settings = createSettingsStore(userDataDir)
  const recovery = createRecoveryStore(userDataDir)
  const recent = createRecentFiles(settings, options.onRecentFilesChanged)
  const templates = createTemplateService(userDataDir)
  const states = new Map<string, DocumentState>()
  const writtenFolders = new Set<string>([
    userDataDir,
    recovery.directory,
    path.join(userDataDir, 'templates'),
    path.join(userDataDir, 'library'),
  ])
  const delegates = options.delegates ?? {}
  const exporter = createExportService({
    dialogs,
    templateFor: async id => {
      const found = await templates.get(id)
      return found.ok ? found.value : undefined
    },
  })
  const printer = createPrintService({ printDialog: options.printDialog })
  const library = createLibraryService(userDataDir)
  const review = createReviewService({ dialogs, settings })
  const collab = createCollabService(settings)
  const saveListeners = new Set<(outcome: SaveOutcome) => void>()
  const saveStartListeners = new Set<() => void>()
  const notifySaved = (outcome: SaveOutcome): void => {
    for (const listener of [...saveListeners]) listener(outcome)
  }

  async function save(request: Parameters<ApiMethods['saveReport']>[0]): ReturnType<ApiMethods['saveReport']> {
    let target = request.path
    if (target === null || request.saveAs) {
      const suggested = target ?? `${defaultReportName((request.report as ReportFile).meta)}.wrs`
      const chosen = await dialogs.saveFile({ title: '保存工作报告', defaultPath: suggested, filters: reportFilters })
      if (chosen === null) return ok(null)
      target = withExtension(chosen)
    }
    const written = await writeReportFile(target, request.report)
    if (!written.ok) return written
    writtenFolders.add(path.dirname(target))
    const state = states.get(request.docId)
    if (state) states.set(request.docId, { ...state, dirty: false, title: titleFor(written.value, target) })
    if (isSafeDocId(request.docId)) await recovery.discard(request.docId)
    // The file is saved: a settings folder that cannot be written must not turn that into a failure.
    await recent.add(target, titleFor(written.value, target)).catch(() => undefined)
    return ok({ path: target, savedAt: new Date().toISOString() })
  }

  const core: ApiMethods = {
    listTemplates: () => templates.list(),
    getTemplate: id => templates.get(id),

    async newReport(newOptions) {
      const template = await templates.get(newOptions.templateId)
      if (!template.ok) return template
      const report = createReport(template.value, newOptions)
      return ok<OpenedReport>({ docId: randomUUID(), path: null, report })
    },

    async openReport(requested) {
      const filePath = requested ?? (await dialogs.openFile({ title: '打开工作报告', filters: reportFilters }))
      if (filePath === null) return ok(null)
      const read = await readReportFile(filePath)
      if (!read.ok) {
        if (read.code === 'not-found') await recent.remove(filePath)
        return read
      }
      await recent.add(filePath, titleFor(read.value, filePath))
      // Every report opened is kept in the section library (in the background; a failure there does not stop opening).
      void library.libraryAdd({ report: read.value, source: filePath })
      return ok<OpenedReport | null>({ docId: randomUUID(), path: filePath, report: read.value })
    },

    async saveReport(request) {
      for (const listener of [...saveStartListeners]) listener()
      let result: Awaited<ReturnType<typeof save>>
      try {
        result = await save(request)
      } catch (error) {
        // The close flow waits for an outcome: a save that threw has failed.
        notifySaved('failed')
        throw error
      }
      notifySaved(!result.ok ? 'failed' : result.value === null ? 'cancelled' : 'saved')
      return result
    },

    recentFiles: () => recent.list(),

    async writeRecovery(snapshot) {
      if (!isSafeDocId(snapshot.docId)) return fail('bad-doc-id', '恢复快照的文档编号无效，未能保存快照。请保存文档。')
      let report: ReportFile
      try {
        report = (typeof snapshot.report === 'string' ? JSON.parse(snapshot.report) : snapshot.report) as ReportFile
      } catch {
        return fail('bad-snapshot', '恢复快照的内容无法读取，未能保存快照。请尽快保存文档。')
      }
      try {
        await recovery.write({ docId: snapshot.docId, path: snapshot.path, report })
      } catch (error) {
        return fail(
          'write-failed',
          `无法写入恢复快照（${(error as NodeJS.ErrnoException).code ?? String(error)}）。请尽快保存文档。`,
        )
      }
      return ok(true as const)
    },

    pendingRecoveries: () => recovery.list(),

    async discardRecovery(docId) {
      if (!isSafeDocId(docId)) return fail('bad-doc-id', '恢复快照的文档编号无效。')
      await recovery.discard(docId)
      return ok(true as const)
    },

    async setDocumentState(state) {
      states.set(state.docId, { ...state })
      if (!state.dirty && isSafeDocId(state.docId)) await recovery.discard(state.docId)
    },

    saveAsTemplate: request => templates.saveFromReport(request.report as ReportFile, request.name),

    checkExport: request => exporter.checkExport(request),
    async exportReport(request) {
      const result = await exporter.exportReport(request)
      if (result.ok && result.value.kind === 'written') exported.add(path.resolve(result.value.path))
      return result
    },
    previewPdf: request => printer.previewPdf(request),
    printReport: request => printer.printReport(request),
    uncoveredCharacters: request => uncoveredPrintCharacters(request.chars).catch(() => []),

    async importReport(requested) {
      const filePath =
        requested ??
        (await dialogs.openFile({
          title: '导入报告',
          filters: [
            {
              name: 'Word、Markdown、文本或工作报告',
              extensions: importExtensions.map(extension => extension.slice(1)),
            },
          ],
        }))
      if (filePath === null) return ok(null)
      const imported = await importReportFile(filePath)
      if (imported.ok && imported.value)
        for (const report of imported.value.reports) void library.libraryAdd({ report, source: filePath })
      return imported
    },

    libraryList: () => library.libraryList(),
    librarySearch: query => library.librarySearch(query),
    librarySection: request => library.librarySection(request),
    libraryEntry: entryId => library.libraryEntry(entryId),
    libraryAdd: request => library.libraryAdd(request),

    viewSettings: async () => (await settings.load()).view,
    setViewSettings: async view => (await settings.update(current => ({ ...current, view }))).view,
    reviewerName: () => review.reviewerName(),
    setReviewerName: name => review.setReviewerName(name),
    readFeedbackCopies: paths => review.readFeedbackCopies(paths),
    sendForComments: request => review.sendForComments(request),
    exportReviewTable: request => review.exportReviewTable(request),

    async setWindowState(state) {
      windowState = state
      options.onWindowState?.(state)
    },

    readClipboard: () => desktop.readClipboard(),

    async openExported({ path: filePath, how }) {
      const target = path.resolve(filePath)
      if (!exported.has(target))
        return fail('not-exported', `“${path.basename(target)}”不是本次导出的文件，未打开。请在文件管理器中打开它。`)
      if (how === 'folder') {
        desktop.showItemInFolder(target)
        return ok(true as const)
      }
      const problem = await desktop.openPath(target)
      return problem ? fail('open-failed', `无法打开“${path.basename(target)}”：${problem}`) : ok(true as const)
    },

    collabSignIn: connection => collab.collabSignIn(connection),
    collabShare: (connection, report) => collab.collabShare(connection, report),
    collabParts: (connection, id) => collab.collabParts(connection, id),
    collabAssign: (connection, id, n, office, due) => collab.collabAssign(connection, id, n, office, due),
    collabSetStatus: (connection, id, n, status) => collab.collabSetStatus(connection, id, n, status),
    collabLastServers: () => collab.collabLastServers(),
  }

  return {
    ...core,
    ...delegates,
    settings,
    recovery,
    recent,
    saveListeners,
    saveStartListeners,
    documentStates: () => [...states.values()],
    forgetDocuments: () => states.clear(),
    windowState: () => windowState,
    // Only files older than a minute: another running instance may be saving in the same folder.
    sweepTempFiles: async () =>
      sweepStaleTempFiles([...writtenFolders, ...(await recent.list()).map(file => path.dirname(file.path))], 60_000),
  }
}
