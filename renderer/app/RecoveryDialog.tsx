import * as Dialog from '@radix-ui/react-dialog'
import { useTranslation } from 'react-i18next'
import type { RecoverySnapshot } from '../../core/ipc/files-api'

interface RecoveryDialogProps {
  snapshots: RecoverySnapshot[]
  onRestore(snapshot: RecoverySnapshot): void
  onDiscard(snapshot: RecoverySnapshot): void
}

export function RecoveryDialog({ snapshots, onRestore, onDiscard }: RecoveryDialogProps) {
  const { t } = useTranslation()
  const snapshot = snapshots[0]
  return (
    <Dialog.Root open={snapshot !== undefined}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" data-testid="recovery-dialog" onEscapeKeyDown={event => event.preventDefault()} onPointerDownOutside={event => event.preventDefault()}>
          <Dialog.Title>{t('recovery.title')}</Dialog.Title>
          {snapshot && (
            <>
              <Dialog.Description>
                {t('recovery.description', { title: snapshot.title || t('app.untitled'), time: new Date(snapshot.savedAt).toLocaleString() })}
              </Dialog.Description>
              {snapshot.path && <p className="path">{snapshot.path}</p>}
              <div className="dialog-buttons">
                <button type="button" onClick={() => onDiscard(snapshot)}>
                  {t('recovery.discard')}
                </button>
                <button type="button" className="primary" onClick={() => onRestore(snapshot)}>
                  {t('recovery.restore')}
                </button>
              </div>
            </>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}
