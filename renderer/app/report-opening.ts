import i18n from 'i18next'
import type { OpenedReport } from '../../core/ipc/files-api'
import type { IpcResult } from '../../core/ipc/ipc-result'
import type { ReportFile } from '../../core/report-file'
import { showError, startSession, useShell } from './shell-store'

/** How the shell brings a report into the editor: from disk, an import, a dialog or a recovery snapshot. */

export function unwrap<T>(result: IpcResult<T>): T | undefined {
  if (result.ok) return result.value
  showError(result.message)
  return undefined
}

const connectionLost = () => showError(i18n.t('errors.connection'))

export async function showReport(opened: OpenedReport, recovered = false): Promise<void> {
  const template = await window.api.getTemplate(opened.report.meta.templateId).catch(() => null)
  startSession(opened, template?.ok ? template.value : undefined, recovered)
}

/** Another report replaces the open one: ask first when it has unsaved changes. */
export async function openReport(opened: OpenedReport, recovered = false): Promise<void> {
  if (useShell.getState().document?.dirty) useShell.setState({ pendingOpen: { opened, recovered } })
  else await showReport(opened, recovered)
}

export function openImported(report: ReportFile): Promise<void> {
  return openReport({ docId: `import-${crypto.randomUUID()}`, path: null, report })
}

export async function openFromDisk(path: string | null): Promise<void> {
  try {
    const opened = unwrap(await window.api.openReport(path))
    if (opened) await openReport(opened)
  } catch {
    connectionLost()
  }
}

export async function importFile(): Promise<void> {
  let outcome
  try {
    outcome = unwrap(await window.api.importReport(null))
  } catch {
    return connectionLost()
  }
  if (!outcome) return
  if (outcome.reports.length === 1 && outcome.notes.length === 0) await openImported(outcome.reports[0]!)
  else if (outcome.reports.length > 0)
    useShell.setState({ importChoice: { source: outcome.source, reports: outcome.reports, notes: outcome.notes } })
  else showError(i18n.t('errors.importEmpty'))
}

/** The answer to 保存/不保存 while another report waits to be shown. */
export async function resolvePendingOpen(answer: 'save' | 'discard' | 'cancel'): Promise<void> {
  const { pendingOpen, handle } = useShell.getState()
  if (!pendingOpen) return
  if (answer === 'save') {
    await handle?.save(false)
    if (useShell.getState().document?.dirty) return
  } else if (answer === 'discard') {
    await handle?.discard()
  }
  useShell.setState({ pendingOpen: null })
  if (answer !== 'cancel') await showReport(pendingOpen.opened, pendingOpen.recovered)
}
