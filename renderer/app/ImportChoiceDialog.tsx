import * as Dialog from '@radix-ui/react-dialog'
import { useTranslation } from 'react-i18next'
import type { ReportFile } from '../../core/report-file'
import { DialogFrame } from './DialogFrame'

export interface ImportChoice {
  source: string
  reports: ReportFile[]
  notes: string[]
}

interface ImportChoiceDialogProps {
  choice: ImportChoice
  onPick(report: ReportFile): void
  onClose(): void
}

/** An imported page may hold several reports (a newspaper page): pick the one to open. */
export function ImportChoiceDialog({ choice, onPick, onClose }: ImportChoiceDialogProps) {
  const { t } = useTranslation()
  return (
    <DialogFrame
      title={t('import.title')}
      description={t('import.description', { source: choice.source, count: choice.reports.length })}
      onClose={onClose}
      data-testid="import-dialog"
    >
      <ul className="choice-list">
        {choice.reports.map((report, position) => (
          <li key={position}>
            <button type="button" onClick={() => onPick(report)}>
              {report.meta.title || t('app.untitled')}
              {report.meta.planYear ? t('import.year', { year: report.meta.planYear }) : ''}
            </button>
          </li>
        ))}
      </ul>
      {choice.notes.length > 0 && (
        <ul className="notes">
          {choice.notes.map((note, position) => (
            <li key={position}>{note}</li>
          ))}
        </ul>
      )}
      <div className="dialog-buttons">
        <Dialog.Close asChild>
          <button type="button">{t('common.cancel')}</button>
        </Dialog.Close>
      </div>
    </DialogFrame>
  )
}
