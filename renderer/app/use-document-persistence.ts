import type { Editor } from '@tiptap/core'
import { useCallback, useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReportFile } from '../../core/report-file'
import { reportJsonText } from '../editor/doc-json'
import { openDocument, updateDocument } from './shell-store'

const RECOVERY_DELAY_MS = 1000

const dirty = () => openDocument()?.dirty ?? false
const path = () => openDocument()?.path ?? null

interface PersistenceOptions {
  docId: string
  editor: Editor | null
  buildReport(editor: Editor): ReportFile
  title(): string
  showError(message: string): void
}

/**
 * Dirty state (told to main for the close question), recovery snapshots about a second after a change,
 * and saving: the document's life on disk, apart from what the editor shows.
 */
export function useDocumentPersistence({ docId, editor, buildReport, title, showError }: PersistenceOptions) {
  const { t } = useTranslation()
  const changeCount = useRef(0)
  const savingRef = useRef(false)
  const recoveryTimer = useRef<number | undefined>(undefined)

  useEffect(() => () => window.clearTimeout(recoveryTimer.current), [])

  const tellMain = useCallback(
    (isDirty: boolean) => window.api.setDocumentState({ docId, dirty: isDirty, title: title() }).catch(() => undefined),
    [docId, title],
  )

  const writeRecovery = useCallback(() => {
    recoveryTimer.current = undefined
    if (!editor || editor.isDestroyed || !dirty()) return
    performance.mark('wrs-recovery-start')
    // As text: only the blocks changed since the last snapshot are serialised, and a string crosses to main in one copy.
    window.api
      .writeRecovery({ docId, path: path(), report: reportJsonText(buildReport(editor), editor.state.doc) })
      .then(result => {
        if (!result.ok) showError(result.message)
      })
      .catch(() => showError(t('errors.recoveryFailed')))
    performance.measure('wrs-recovery', 'wrs-recovery-start')
  }, [buildReport, docId, editor, showError, t])

  const markDirty = useCallback(() => {
    changeCount.current += 1
    if (!dirty()) {
      updateDocument({ dirty: true })
      void tellMain(true)
    }
    if (recoveryTimer.current !== undefined) return
    // Throttled, not debounced: a snapshot about a second after a change even while typing goes on;
    // serialising the report waits for an idle moment so it does not delay a keystroke.
    recoveryTimer.current = window.setTimeout(() => {
      if ('requestIdleCallback' in window) window.requestIdleCallback(writeRecovery, { timeout: RECOVERY_DELAY_MS })
      else writeRecovery()
    }, RECOVERY_DELAY_MS)
  }, [tellMain, writeRecovery])

  const save = useCallback(
    async (saveAs: boolean) => {
      if (!editor || savingRef.current) return
      savingRef.current = true
      const startedAt = changeCount.current
      try {
        const result = await window.api.saveReport({
          docId,
          path: path(),
          report: buildReport(editor),
          saveAs,
        })
        if (!result.ok) return showError(result.message)
        if (!result.value) return
        updateDocument({ path: result.value.path })
        if (changeCount.current === startedAt) {
          updateDocument({ dirty: false })
          void tellMain(false)
        } else {
          // Typed while saving: main marked the document clean and dropped its snapshot on save; tell it
          // the document is still unsaved (the close question depends on it) and snapshot the newer text.
          void tellMain(true)
          window.clearTimeout(recoveryTimer.current)
          writeRecovery()
        }
      } catch (error) {
        showError(t('errors.saveFailed', { detail: error instanceof Error ? error.message : String(error) }))
      } finally {
        savingRef.current = false
      }
    },
    [buildReport, docId, editor, showError, t, tellMain, writeRecovery],
  )

  /** Closes the document without saving: main forgets it and drops its recovery snapshot. */
  const discard = useCallback(async () => {
    window.clearTimeout(recoveryTimer.current)
    updateDocument({ dirty: false })
    await tellMain(false)
  }, [tellMain])

  return { markDirty, save, discard }
}
