import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { commandTable } from '../../core/commands/command-table'
import { matchesShortcut } from '../../core/commands/shortcut'
import { setLanguage } from '../i18n'
import { bindCommands, runCommand } from './command-registry'
import { dialogFor } from './extension-points'
import { importFile, openFromDisk } from './report-opening'
import { showError, toggleSideTab, useShell } from './shell-store'

const appKeys = commandTable.filter(command => command.keys === 'app' && command.shortcut)

/**
 * The shell's handlers of the command table, the native menu's events and the app's shortcuts. The editor screen
 * binds the editing commands over these while a report is open.
 */
export function useAppCommands(): void {
  const { t, i18n } = useTranslation()

  useEffect(
    () =>
      bindCommands({
        new: () => useShell.setState({ showStart: true }),
        open: () => void openFromDisk(null),
        import: () => void importFile(),
        save: () => void useShell.getState().handle?.save(false),
        saveAs: () => void useShell.getState().handle?.save(true),
        find: () => useShell.getState().session && useShell.setState({ findMode: 'find', showStart: false }),
        replace: () => useShell.getState().session && useShell.setState({ findMode: 'replace', showStart: false }),
        toggleOutline: () => useShell.setState(state => ({ showOutline: !state.showOutline })),
        toggleChecks: () => toggleSideTab('checks'),
        toggleMeta: () => toggleSideTab('meta'),
        language: () => setLanguage(i18n.language === 'en' ? 'zh-CN' : 'en'),
        about: () => undefined,
        '*': command => {
          const Component = dialogFor(command)
          if (!Component) return showError(t('errors.notAvailable'))
          const { showStart, handle, document } = useShell.getState()
          const open = showStart ? null : handle
          useShell.setState({
            dialog: { Component, report: open?.currentReport() ?? null, path: open ? (document?.path ?? null) : null },
          })
        },
      }),
    [i18n, t],
  )

  useEffect(
    () =>
      window.api.onEvent(event => {
        if (event.type === 'menu') runCommand(event.command)
        else if (event.type === 'open-file') void openFromDisk(event.path)
      }),
    [],
  )

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const command = appKeys.find(candidate => matchesShortcut(candidate.shortcut!, event))
      if (!command) return
      event.preventDefault()
      runCommand(command.id)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  useEffect(() => {
    let cancelled = false
    window.api
      .pendingRecoveries()
      .then(found => {
        if (!cancelled) useShell.setState({ recoveries: found })
      })
      .catch(() => showError(t('errors.recoveryListFailed')))
    return () => {
      cancelled = true
    }
  }, [t])
}
