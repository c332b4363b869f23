import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { useTranslation } from 'react-i18next'
import type { Finding } from '../../core/checks/finding'
import type { ReportCount } from '../editor/char-count'
import { useShell } from './shell-store'

interface StatusBarProps {
  editor: Editor
  counts: ReportCount | null
  findings: Finding[] | null
}

/** Follows the cursor itself, so moving between paragraphs re-renders only the status bar. */
export function StatusBar({ editor, counts, findings }: StatusBarProps) {
  const { t } = useTranslation()
  const dirty = useShell(state => state.document?.dirty ?? false)
  const path = useShell(state => state.document?.path ?? null)
  const cursorBlock = useEditorState({
    editor,
    selector: ({ editor: current }) => current.state.selection.$from.index(0),
  })
  const part = counts ? [...counts.parts].reverse().find(candidate => candidate.index <= cursorBlock) : undefined
  const errors = findings?.filter(finding => finding.severity === 'error').length ?? 0
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span data-testid="count-total">
        {counts ? t('status.report', { han: counts.han, total: counts.total }) : ''}
      </span>
      {part && (
        <span data-testid="count-part">
          {part.title.trim()
            ? t('status.part', { title: part.title, han: part.han, total: part.total })
            : t('status.untitledPart', { han: part.han, total: part.total })}
        </span>
      )}
      <span className={errors ? 'errors' : undefined}>{findings ? t('status.errors', { count: errors }) : ''}</span>
      <span className="spacer" />
      <span data-testid="save-state">{dirty ? t('status.unsaved') : path ? t('status.saved') : ''}</span>
      <span className="path">{path ?? t('status.neverSaved')}</span>
    </footer>
  )
}
