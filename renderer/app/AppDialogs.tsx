import { useTranslation } from 'react-i18next'
import type { DialogProps } from './extension-points'
import { ImportChoiceDialog } from './ImportChoiceDialog'
import { RecoveryDialog } from './RecoveryDialog'
import { openImported, openReport, resolvePendingOpen, unwrap } from './report-opening'
import { showError, useShell } from './shell-store'
import { UnsavedDialog } from './UnsavedDialog'

/** The shell's dialogs: recovery offer, 保存/不保存 before another report, import choice, and registered ones. */
export function AppDialogs() {
  const { t } = useTranslation()
  const recoveries = useShell(state => state.recoveries)
  const pendingOpen = useShell(state => state.pendingOpen)
  const importChoice = useShell(state => state.importChoice)
  const dialog = useShell(state => state.dialog)
  const forget = (docId: string) =>
    useShell.setState(state => ({ recoveries: state.recoveries.filter(each => each.docId !== docId) }))

  const dialogProps: DialogProps = {
    onClose: () => useShell.setState({ dialog: null }),
    report: dialog?.report ?? null,
    path: dialog?.path ?? null,
    openReport: opened => void openReport(opened),
    insertNodes: (nodes, provenance) => useShell.getState().handle?.insertNodes(nodes, provenance) ?? false,
    jumpTo: location => {
      const { session, handle } = useShell.getState()
      if (!session) return
      useShell.setState({ showStart: false })
      handle?.jumpTo(location)
    },
    showError,
    liveEditor: () => (dialog?.report ? (useShell.getState().handle?.editor ?? null) : null),
  }

  return (
    <>
      <RecoveryDialog
        snapshots={recoveries}
        onRestore={snapshot => {
          forget(snapshot.docId)
          void openReport({ docId: snapshot.docId, path: snapshot.path, report: snapshot.report }, true)
        }}
        onDiscard={snapshot => {
          forget(snapshot.docId)
          window.api
            .discardRecovery(snapshot.docId)
            .then(result => unwrap(result))
            .catch(() => showError(t('errors.connection')))
        }}
      />
      {pendingOpen && (
        <UnsavedDialog
          onSave={() => resolvePendingOpen('save')}
          onDiscard={() => resolvePendingOpen('discard')}
          onCancel={() => void resolvePendingOpen('cancel')}
        />
      )}
      {importChoice && (
        <ImportChoiceDialog
          choice={importChoice}
          onPick={report => {
            useShell.setState({ importChoice: null })
            void openImported(report)
          }}
          onClose={() => useShell.setState({ importChoice: null })}
        />
      )}
      {dialog && <dialog.Component {...dialogProps} />}
    </>
  )
}
