import type { Editor } from '@tiptap/core'
import { startTransition, useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Finding } from '../../core/checks/finding'
import type { ReportFile } from '../../core/report-file'
import type { Template } from '../../core/templates/template-schema'
import { applyFix, applyFixes } from '../editor/apply-fix'
import { createReportAnalyzer } from './analyze-report'
import type { ReportAnalysis, ReportAnalyzer } from './analyze-report'
import { openDocument, showError } from './shell-store'

const ANALYSIS_DELAY_MS = 300

const currentMeta = () => openDocument()!.meta

/** Checks and counts of the report, run in a worker a moment after typing stops; fixes applied from findings. */
export function useReportAnalysis(
  editor: Editor | null,
  buildReport: (editor: Editor) => ReportFile,
  template: Template | undefined,
) {
  const { t } = useTranslation()
  const [analysis, setAnalysis] = useState<ReportAnalysis | null>(null)
  const analyzer = useRef<ReportAnalyzer | null>(null)
  const analysisRun = useRef(0)
  const analysisTimer = useRef<number | undefined>(undefined)

  useEffect(
    () => () => {
      window.clearTimeout(analysisTimer.current)
      analyzer.current?.dispose()
      analyzer.current = null
    },
    [],
  )

  const analyse = useCallback(() => {
    if (!editor || editor.isDestroyed) return
    performance.mark('wrs-analysis-start')
    const report = buildReport(editor)
    const run = ++analysisRun.current
    analyzer.current ??= createReportAnalyzer()
    analyzer.current.analyze(report, editor.state.doc, template).then(
      result => {
        // A run that finishes after a newer one started never replaces it.
        if (run !== analysisRun.current) return
        // A transition: React renders the outline and the panels in slices a keystroke can interrupt.
        startTransition(() => setAnalysis(result))
        performance.measure('wrs-analysis', 'wrs-analysis-start')
      },
      (error: unknown) => {
        if (run !== analysisRun.current) return
        showError(t('errors.checksFailed', { detail: error instanceof Error ? error.message : String(error) }))
      },
    )
  }, [buildReport, editor, t, template])

  const scheduleAnalysis = useCallback(() => {
    window.clearTimeout(analysisTimer.current)
    analysisTimer.current = window.setTimeout(analyse, ANALYSIS_DELAY_MS)
  }, [analyse])

  const fix = useCallback(
    (finding: Finding) => {
      if (!editor) return
      // The outline and this panel show the result at once, not after the typing pause.
      if (applyFix(editor, finding, template, currentMeta())) analyse()
      else showError(t('errors.fixFailed'))
    },
    [analyse, editor, t, template],
  )

  const fixAll = useCallback(
    (findings: Finding[]) => {
      if (!editor) return
      if (applyFixes(editor, findings, template, currentMeta()) > 0) analyse()
      else showError(t('errors.fixFailed'))
    },
    [analyse, editor, t, template],
  )

  return { analysis, analyse, scheduleAnalysis, fix, fixAll }
}
