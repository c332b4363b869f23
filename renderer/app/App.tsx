import { type ComponentType, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MenuCommand } from '../../core/ipc/api'
import type { OpenedReport, RecoverySnapshot } from '../../core/ipc/files-api'
import type { IpcResult } from '../../core/ipc/ipc-result'
import type { ReportFile } from '../../core/report-file'
import type { Template } from '../../core/templates/template-schema'
import { EditorScreen } from './EditorScreen'
import type { EditorHandle } from './EditorScreen'
import { ErrorBanner } from './ErrorBanner'
import type { DialogProps } from './extension-points'
import { dialogFor } from './extension-points'
import { ImportChoiceDialog } from './ImportChoiceDialog'
import type { ImportChoice } from './ImportChoiceDialog'
import { RecoveryDialog } from './RecoveryDialog'
import { StartPage } from './StartPage'
import { UnsavedDialog } from './UnsavedDialog'

export interface Session {
  /** Changes whenever a different document is shown, so the editor is rebuilt. */
  key: number
  opened: OpenedReport
  template?: Template
  /** Restored from a recovery snapshot: unsaved from the start. */
  recovered?: boolean
}

let sessionCounter = 0

export function App() {
  const { t } = useTranslation()
  const [session, setSession] = useState<Session | null>(null)
  const [showStart, setShowStart] = useState(true)
  const [errors, setErrors] = useState<{ id: number; message: string }[]>([])
  const [recoveries, setRecoveries] = useState<RecoverySnapshot[]>([])
  // The report a dialog works on is taken once, when the dialog opens (not on every render).
  const [activeDialog, setActiveDialog] = useState<{
    Component: ComponentType<DialogProps>
    report: ReportFile | null
    path: string | null
  } | null>(null)
  const [importChoice, setImportChoice] = useState<ImportChoice | null>(null)
  const editorRef = useRef<EditorHandle | null>(null)
  const showStartRef = useRef(showStart)
  useLayoutEffect(() => {
    showStartRef.current = showStart
  }, [showStart])

  const showError = useCallback((message: string) => {
    setErrors(current => [...current, { id: Date.now() + Math.random(), message }])
  }, [])

  const unwrap = useCallback(
    <T,>(result: IpcResult<T>): T | undefined => {
      if (result.ok) return result.value
      showError(result.message)
      return undefined
    },
    [showError],
  )

  const [pendingOpen, setPendingOpen] = useState<{ opened: OpenedReport; recovered: boolean } | null>(null)

  const showReport = useCallback(async (opened: OpenedReport, recovered = false) => {
    const template = await window.api.getTemplate(opened.report.meta.templateId).catch(() => null)
    sessionCounter += 1
    setSession({ key: sessionCounter, opened, template: template?.ok ? template.value : undefined, recovered })
    setShowStart(false)
  }, [])

  // Another report replaces the open one: ask first when it has unsaved changes.
  const openReport = useCallback(
    async (opened: OpenedReport, recovered = false) => {
      if (editorRef.current?.isDirty()) setPendingOpen({ opened, recovered })
      else await showReport(opened, recovered)
    },
    [showReport],
  )

  const openFromDisk = useCallback(
    async (path: string | null) => {
      try {
        const opened = unwrap(await window.api.openReport(path))
        if (opened) await openReport(opened)
      } catch {
        showError(t('errors.connection'))
      }
    },
    [openReport, showError, t, unwrap],
  )

  const importFile = useCallback(async () => {
    let outcome
    try {
      outcome = unwrap(await window.api.importReport(null))
    } catch {
      return showError(t('errors.connection'))
    }
    if (!outcome) return
    if (outcome.reports.length === 1 && outcome.notes.length === 0) {
      await openReport({ docId: `import-${crypto.randomUUID()}`, path: null, report: outcome.reports[0]! })
    } else if (outcome.reports.length > 0) {
      setImportChoice({ source: outcome.source, reports: outcome.reports, notes: outcome.notes })
    } else {
      showError(t('errors.importEmpty'))
    }
  }, [openReport, showError, t, unwrap])

  useEffect(() => {
    let cancelled = false
    window.api
      .pendingRecoveries()
      .then(found => {
        if (!cancelled) setRecoveries(found)
      })
      .catch(() => showError(t('errors.recoveryListFailed')))
    return () => {
      cancelled = true
    }
  }, [showError, t])

  const runCommand = useCallback(
    (command: MenuCommand | string) => {
      const editor = editorRef.current
      switch (command) {
        case 'new':
          setShowStart(true)
          return
        case 'open':
          void openFromDisk(null)
          return
        case 'import':
          void importFile()
          return
        case 'save':
        case 'saveAs':
          if (editor) void editor.save(command === 'saveAs')
          return
        case 'find':
        case 'replace':
        case 'toggleOutline':
        case 'toggleChecks':
        case 'zoomIn':
        case 'zoomOut':
        case 'zoomReset':
        case 'fitWidth':
        case 'fitPage':
        case 'togglePageView':
          editor?.command(command)
          return
        default:
          const Component = dialogFor(command)
          if (Component) {
            const open = showStartRef.current ? null : editor
            setActiveDialog({ Component, report: open?.currentReport() ?? null, path: open?.currentPath() ?? null })
          } else if (command !== 'about') showError(t('errors.notAvailable'))
      }
    },
    [importFile, openFromDisk, showError, t],
  )

  useEffect(() => {
    return window.api.onEvent(event => {
      if (event.type === 'menu') runCommand(event.command)
      else if (event.type === 'open-file') void openFromDisk(event.path)
    })
  }, [openFromDisk, runCommand])

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return
      const key = event.key.toLowerCase()
      const command: MenuCommand | null =
        key === 's'
          ? event.shiftKey
            ? 'saveAs'
            : 'save'
          : key === 'o'
            ? 'open'
            : key === 'n'
              ? 'new'
              : key === 'f'
                ? 'find'
                : key === 'h'
                  ? 'replace'
                  : key === 'p'
                    ? 'print'
                    : key === '=' || key === '+'
                      ? 'zoomIn'
                      : key === '-'
                        ? 'zoomOut'
                        : key === '0'
                          ? 'zoomReset'
                          : null
      if (!command) return
      event.preventDefault()
      runCommand(command)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [runCommand])

  const dialogProps: DialogProps = {
    onClose: () => setActiveDialog(null),
    report: activeDialog?.report ?? null,
    path: activeDialog?.path ?? null,
    openReport: opened => void openReport(opened),
    insertNodes: (nodes, provenance) => editorRef.current?.insertNodes(nodes, provenance) ?? false,
    jumpTo: location => {
      if (!session) return
      setShowStart(false)
      editorRef.current?.jumpTo(location)
    },
    showError,
    liveEditor: () => (activeDialog?.report ? (editorRef.current?.editor() ?? null) : null),
  }

  return (
    <div className="app">
      <ErrorBanner errors={errors} onDismiss={id => setErrors(current => current.filter(error => error.id !== id))} />
      {session && (
        <div className="editor-host" hidden={showStart}>
          <EditorScreen
            key={session.key}
            ref={editorRef}
            session={session}
            showError={showError}
            runCommand={runCommand}
          />
        </div>
      )}
      {showStart && (
        <StartPage
          onOpened={opened => void openReport(opened)}
          onOpen={path => void openFromDisk(path)}
          onImport={() => void importFile()}
          onCommand={runCommand}
          onBack={session ? () => setShowStart(false) : undefined}
          showError={showError}
        />
      )}
      <RecoveryDialog
        snapshots={recoveries}
        onRestore={snapshot => {
          setRecoveries(current => current.filter(each => each.docId !== snapshot.docId))
          void openReport({ docId: snapshot.docId, path: snapshot.path, report: snapshot.report }, true)
        }}
        onDiscard={snapshot => {
          setRecoveries(current => current.filter(each => each.docId !== snapshot.docId))
          window.api
            .discardRecovery(snapshot.docId)
            .then(result => unwrap(result))
            .catch(() => showError(t('errors.connection')))
        }}
      />
      {pendingOpen && (
        <UnsavedDialog
          onSave={async () => {
            await editorRef.current?.save(false)
            if (editorRef.current?.isDirty()) return
            setPendingOpen(null)
            await showReport(pendingOpen.opened, pendingOpen.recovered)
          }}
          onDiscard={async () => {
            await editorRef.current?.discard()
            setPendingOpen(null)
            await showReport(pendingOpen.opened, pendingOpen.recovered)
          }}
          onCancel={() => setPendingOpen(null)}
        />
      )}
      {importChoice && (
        <ImportChoiceDialog
          choice={importChoice}
          onPick={report => {
            setImportChoice(null)
            void openReport({ docId: `import-${crypto.randomUUID()}`, path: null, report })
          }}
          onClose={() => setImportChoice(null)}
        />
      )}
      {activeDialog && <activeDialog.Component {...dialogProps} />}
    </div>
  )
}
