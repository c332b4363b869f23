import * as Dialog from '@radix-ui/react-dialog'
import { useTranslation } from 'react-i18next'

interface UnsavedDialogProps {
  onSave(): void | Promise<void>
  onDiscard(): void | Promise<void>
  onCancel(): void
}

export function UnsavedDialog({ onSave, onDiscard, onCancel }: UnsavedDialogProps) {
  const { t } = useTranslation()
  return (
    <Dialog.Root open onOpenChange={open => !open && onCancel()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" data-testid="unsaved-dialog">
          <Dialog.Title>{t('unsaved.title')}</Dialog.Title>
          <Dialog.Description>{t('unsaved.description')}</Dialog.Description>
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
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}
