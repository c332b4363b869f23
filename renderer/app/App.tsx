import { AppDialogs } from './AppDialogs'
import { EditorScreen } from './EditorScreen'
import { ErrorBanner } from './ErrorBanner'
import { StartPage } from './StartPage'
import { dismissError, useShell } from './shell-store'
import { useAppCommands } from './use-app-commands'
import { useWindowTitle } from './use-window-title'

export function App() {
  useAppCommands()
  useWindowTitle()
  const session = useShell(state => state.session)
  const showStart = useShell(state => state.showStart)
  const errors = useShell(state => state.errors)
  return (
    <div className="app">
      <ErrorBanner errors={errors} onDismiss={dismissError} />
      {session && (
        <div className="editor-host" hidden={showStart}>
          <EditorScreen key={session.key} session={session} />
        </div>
      )}
      {showStart && <StartPage />}
      <AppDialogs />
    </div>
  )
}
