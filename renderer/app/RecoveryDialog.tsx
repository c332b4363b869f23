import * as Dialog from '@radix-ui/react-dialog'
import { useRef } from 'react'
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
  const restoreButton = useRef<HTMLButtonElement>(null)
  return (
    <Dialog.Root open={snapshot !== undefined}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content
          className="dialog"
          data-testid="recovery-dialog"
          onEscapeKeyDown={event => event.preventDefault()}
          onPointerDownOutside={event => event.preventDefault()}
          // Enter must restore, never throw the work away.
          onOpenAutoFocus={event => {
            event.preventDefault()
            restoreButton.current?.focus()
          }}
        >
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
                <button ref={restoreButton} type="button" className="primary" onClick={() => onRestore(snapshot)}>
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
