import { useTranslation } from 'react-i18next'
import type { Finding } from '../../core/checks/finding'
import type { ReportCount } from '../editor/char-count'

interface StatusBarProps {
  counts: ReportCount | null
  cursorBlock: number
  dirty: boolean
  path: string | null
  findings: Finding[] | null
}

export function StatusBar({ counts, cursorBlock, dirty, path, findings }: StatusBarProps) {
  const { t } = useTranslation()
  const part = counts ? [...counts.parts].reverse().find(candidate => candidate.index <= cursorBlock) : undefined
  const errors = findings?.filter(finding => finding.severity === 'error').length ?? 0
  return (
    <footer className="status-bar" data-testid="status-bar">
      <span data-testid="count-total">{counts ? t('status.report', { han: counts.han, total: counts.total }) : ''}</span>
      {part && <span data-testid="count-part">{t('status.part', { title: part.title, han: part.han, total: part.total })}</span>}
      <span className={errors ? 'errors' : undefined}>{findings ? t('status.errors', { count: errors }) : ''}</span>
      <span className="spacer" />
      <span data-testid="save-state">{dirty ? t('status.unsaved') : t('status.saved')}</span>
      <span className="path">{path ?? t('status.neverSaved')}</span>
    </footer>
  )
}
