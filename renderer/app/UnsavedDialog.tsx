import { useTranslation } from 'react-i18next'
import { DialogFrame } from './DialogFrame'

interface UnsavedDialogProps {
  onSave(): void | Promise<void>
  onDiscard(): void | Promise<void>
  onCancel(): void
}

export function UnsavedDialog({ onSave, onDiscard, onCancel }: UnsavedDialogProps) {
  const { t } = useTranslation()
  return (
    <DialogFrame
      title={t('unsaved.title')}
      description={t('unsaved.description')}
      onClose={onCancel}
      data-testid="unsaved-dialog"
    >
      <div className="dialog-buttons">
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" onClick={() => void onDiscard()}>
          {t('unsaved.discard')}
        </button>
        <button type="button" className="primary" onClick={() => void onSave()}>
          {t('unsaved.save')}
        </button>
      </div>
    </DialogFrame>
  )
}
