import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { RecentFile } from '../../core/ipc/files-api'
import { runCommand } from './command-registry'
import { listStartPageActions } from './extension-points'
import { NewReportForm } from './NewReportForm'
import { importFile, openFromDisk } from './report-opening'
import { useShell } from './shell-store'

export function StartPage() {
  const { t, i18n } = useTranslation()
  const hasSession = useShell(state => state.session !== null)
  const [recent, setRecent] = useState<RecentFile[]>([])
  useEffect(() => {
    window.api
      .recentFiles()
      .then(setRecent)
      .catch(() => undefined)
  }, [])
  const language = i18n.language === 'en' ? 'en' : 'zh-CN'

  return (
    <div className="start-page" data-testid="start-page">
      <header>
        <h1>{t('app.name')}</h1>
        <p>{t('start.tagline')}</p>
      </header>
      <div className="start-columns">
        <NewReportForm />
        <div className="start-side">
          <div className="start-actions">
            {hasSession && (
              <button type="button" onClick={() => useShell.setState({ showStart: false })}>
                {t('start.back')}
              </button>
            )}
            <button type="button" onClick={() => void openFromDisk(null)}>
              {t('start.open')}
            </button>
            <button type="button" onClick={() => void importFile()}>
              {t('start.import')}
            </button>
            {listStartPageActions().map(action => (
              <button key={action.id} type="button" data-action={action.id} onClick={() => runCommand(action.command)}>
                {action.label[language]}
              </button>
            ))}
          </div>
          <h2>{t('start.recent')}</h2>
          {recent.length === 0 ? (
            <p className="hint">{t('start.noRecent')}</p>
          ) : (
            <ul className="recent" data-testid="recent-files">
              {recent.map(file => (
                <li key={file.path}>
                  <button type="button" onClick={() => void openFromDisk(file.path)} title={file.path}>
                    <span className="title">{file.title || file.path}</span>
                    <span className="path">{file.path}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  )
}
