import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { RecoverySnapshot } from '../../core/ipc/files-api'
import { DialogFrame } from './DialogFrame'

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
    <DialogFrame
      open={snapshot !== undefined}
      title={t('recovery.title')}
      description={
        snapshot
          ? t('recovery.description', {
              title: snapshot.title || t('app.untitled'),
              time: new Date(snapshot.savedAt).toLocaleString(),
            })
          : undefined
      }
      data-testid="recovery-dialog"
      onEscapeKeyDown={event => event.preventDefault()}
      onPointerDownOutside={event => event.preventDefault()}
      // Enter must restore, never throw the work away.
      onOpenAutoFocus={event => {
        event.preventDefault()
        restoreButton.current?.focus()
      }}
    >
      {snapshot && (
        <>
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
    </DialogFrame>
  )
}
