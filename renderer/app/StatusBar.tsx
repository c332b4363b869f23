import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { useTranslation } from 'react-i18next'
import { readingMinutes, SPEECH_HAN_PER_MINUTE } from '../../core/report-language/reading-time'
import { pageAt } from '../editor/extensions/pagination'
import type { AnalysisChannel } from './analysis-channel'
import { useAnalysis } from './analysis-channel'
import { ZoomControls } from './ZoomControls'
import { useShell } from './shell-store'

interface StatusBarProps {
  editor: Editor
  analysis: AnalysisChannel
}

/** Follows the cursor itself, so moving between paragraphs re-renders only the status bar. */
export function StatusBar({ editor, analysis }: StatusBarProps) {
  const { t } = useTranslation()
  const dirty = useShell(state => state.document?.dirty ?? false)
  const path = useShell(state => state.document?.path ?? null)
  const cursorBlock = useEditorState({
    editor,
    selector: ({ editor: current }) => current.state.selection.$from.index(0),
  })
  // Page view only: the page holding the cursor and the page count, as the PDF will have them.
  const pages = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      const { page, pages: total } = pageAt(current.state, current.state.selection.head)
      return total > 0 ? `${page}/${total}` : ''
    },
  })
  const [page, total] = pages.split('/')
  return (
    <footer className="status-bar" data-testid="status-bar">
      {pages && <span data-testid="page-count">{t('status.pages', { page, pages: total })}</span>}
      <StatusCounts analysis={analysis} cursorBlock={cursorBlock} />
      <span className="spacer" />
      <span data-testid="save-state">{dirty ? t('status.unsaved') : path ? t('status.saved') : ''}</span>
      <span className="path">{path ?? t('status.neverSaved')}</span>
      <ZoomControls />
    </footer>
  )
}

/** The counts and the error tally of the latest checks result: only this re-renders when one arrives. */
function StatusCounts({ analysis, cursorBlock }: { analysis: AnalysisChannel; cursorBlock: number }) {
  const { t } = useTranslation()
  const result = useAnalysis(analysis)
  const counts = result?.counts ?? null
  const findings = result?.findings ?? null
  const part = counts ? [...counts.parts].reverse().find(candidate => candidate.index <= cursorBlock) : undefined
  const errors = findings?.filter(finding => finding.severity === 'error').length ?? 0
  return (
    <>
      <span data-testid="count-total">
        {counts ? t('status.report', { han: counts.han, total: counts.total }) : ''}
      </span>
      {counts && (
        <span
          data-testid="reading-time"
          title={t('status.readingRate', { rate: SPEECH_HAN_PER_MINUTE, han: counts.han })}
        >
          {t('status.reading', { minutes: readingMinutes(counts.han) })}
        </span>
      )}
      {part && (
        <span data-testid="count-part">
          {part.title.trim()
            ? t('status.part', { title: part.title, han: part.han, total: part.total })
            : t('status.untitledPart', { han: part.han, total: part.total })}
        </span>
      )}
      <span className={errors ? 'errors' : undefined}>{findings ? t('status.errors', { count: errors }) : ''}</span>
    </>
  )
}
