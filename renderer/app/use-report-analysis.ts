import type { Editor } from '@tiptap/core'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Finding } from '../../core/checks/finding'
import type { ReportFile } from '../../core/report-file'
import type { Template } from '../../core/templates/template-schema'
import { applyFix, applyFixes } from '../editor/apply-fix'
import { createReportAnalyzer } from './analyze-report'
import type { ReportAnalyzer } from './analyze-report'
import { createAnalysisChannel } from './analysis-channel'
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
  // not React state here: only the components that draw the result re-render when it arrives
  const [analysis] = useState(createAnalysisChannel)
  const analyzer = useRef<ReportAnalyzer | null>(null)
  const analysisRun = useRef(0)
  const analysisTimer = useRef<number | undefined>(undefined)
  /** Characters main was asked about (TXT-GLYPH), and those no installed print face has. */
  const askedChars = useRef(new Set<string>())
  const uncoveredChars = useRef<string[]>([])
  /** The latest `analyse`, for the answer about characters that arrives after it ran. */
  const analyseAgain = useRef<() => void>(() => undefined)

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
    // characters not asked about yet go to main once; an answer naming some runs the checks again
    const fresh = newCharacters(editor.state.doc.textContent, askedChars.current)
    if (fresh)
      void window.api.uncoveredCharacters({ chars: fresh }).then(
        missing => {
          if (!missing.length || editor.isDestroyed) return
          uncoveredChars.current = [...uncoveredChars.current, ...missing]
          analyseAgain.current()
        },
        () => undefined,
      )
    analyzer.current.analyze(report, editor.state.doc, template, uncoveredChars.current).then(
      result => {
        // A run that finishes after a newer one started never replaces it.
        if (run !== analysisRun.current) return
        // The outline and the panels take it in a transition, in slices a keystroke can interrupt.
        analysis.publish(result)
        performance.measure('wrs-analysis', 'wrs-analysis-start')
      },
      (error: unknown) => {
        if (run !== analysisRun.current) return
        showError(t('errors.checksFailed', { detail: error instanceof Error ? error.message : String(error) }))
      },
    )
  }, [analysis, buildReport, editor, t, template])

  useEffect(() => {
    analyseAgain.current = analyse
  }, [analyse])

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

/** The characters of `text` beyond ASCII not in `asked`, added to it (the fonts cover ASCII). */
function newCharacters(text: string, asked: Set<string>): string {
  let fresh = ''
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80 || asked.has(char)) continue
    asked.add(char)
    fresh += char
  }
  return fresh
}
