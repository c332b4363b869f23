import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { NewReportOptions, OpenedReport, RecentFile, TemplateSummary } from '../../core/ipc/files-api'
import { listStartPageActions } from './extension-points'

interface StartPageProps {
  onOpened(opened: OpenedReport): void
  onOpen(path: string | null): void
  onImport(): void
  onCommand(command: string): void
  onBack?: () => void
  showError(message: string): void
}

export function StartPage({ onOpened, onOpen, onImport, onCommand, onBack, showError }: StartPageProps) {
  const { t, i18n } = useTranslation()
  const [templates, setTemplates] = useState<TemplateSummary[]>([])
  const [recent, setRecent] = useState<RecentFile[]>([])
  const [busy, setBusy] = useState(false)
  const [form, setForm] = useState<NewReportOptions>({
    templateId: '',
    planYear: new Date().getFullYear(),
    organisation: '',
    meetingName: '',
    date: '',
    speakerOffice: '',
    speakerName: '',
    termEnd: false,
  })

  useEffect(() => {
    window.api
      .listTemplates()
      .then(list => {
        setTemplates(list)
        setForm(current => (current.templateId || list.length === 0 ? current : { ...current, templateId: list[0]!.id }))
      })
      .catch(() => showError(t('errors.connection')))
    window.api
      .recentFiles()
      .then(setRecent)
      .catch(() => undefined)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const set = <K extends keyof NewReportOptions>(key: K, value: NewReportOptions[K]) => setForm(current => ({ ...current, [key]: value }))

  const create = async () => {
    setBusy(true)
    try {
      const result = await window.api.newReport(form)
      if (result.ok) onOpened(result.value)
      else showError(result.message)
    } catch {
      showError(t('errors.connection'))
    } finally {
      setBusy(false)
    }
  }

  const language = i18n.language === 'en' ? 'en' : 'zh-CN'
  const selected = templates.find(template => template.id === form.templateId)

  return (
    <div className="start-page" data-testid="start-page">
      <header>
        <h1>{t('app.name')}</h1>
        <p>{t('start.tagline')}</p>
      </header>
      <div className="start-columns">
        <form
          className="new-report"
          data-testid="new-report-form"
          onSubmit={event => {
            event.preventDefault()
            void create()
          }}
        >
          <h2>{t('start.newTitle')}</h2>
          <label>
            <span>{t('start.template')}</span>
            <select name="templateId" value={form.templateId} onChange={event => set('templateId', event.target.value)}>
              {templates.map(template => (
                <option key={template.id} value={template.id}>
                  {template.name}
                </option>
              ))}
            </select>
          </label>
          {selected && <p className="hint">{selected.description}</p>}
          <div className="row">
            <label>
              <span>{t('start.planYear')}</span>
              <input name="planYear" type="number" min={1949} max={2200} value={form.planYear} onChange={event => set('planYear', Number(event.target.value))} />
            </label>
            <label className="checkbox">
              <input name="termEnd" type="checkbox" checked={form.termEnd} onChange={event => set('termEnd', event.target.checked)} />
              <span>{t('start.termEnd')}</span>
            </label>
          </div>
          <label>
            <span>{t('start.organisation')}</span>
            <input name="organisation" value={form.organisation} placeholder={t('start.organisationPlaceholder')} onChange={event => set('organisation', event.target.value)} />
          </label>
          <label>
            <span>{t('start.meetingName')}</span>
            <input name="meetingName" value={form.meetingName} placeholder={t('start.meetingPlaceholder')} onChange={event => set('meetingName', event.target.value)} />
          </label>
          <label>
            <span>{t('start.date')}</span>
            <input name="date" type="date" value={form.date} onChange={event => set('date', event.target.value)} />
          </label>
          <div className="row">
            <label>
              <span>{t('start.speakerOffice')}</span>
              <input name="speakerOffice" value={form.speakerOffice} placeholder={t('start.speakerOfficePlaceholder')} onChange={event => set('speakerOffice', event.target.value)} />
            </label>
            <label>
              <span>{t('start.speakerName')}</span>
              <input name="speakerName" value={form.speakerName} onChange={event => set('speakerName', event.target.value)} />
            </label>
          </div>
          <button type="submit" className="primary" disabled={busy || !form.templateId}>
            {t('start.create')}
          </button>
        </form>
        <div className="start-side">
          <div className="start-actions">
            {onBack && (
              <button type="button" onClick={onBack}>
                {t('start.back')}
              </button>
            )}
            <button type="button" onClick={() => onOpen(null)}>
              {t('start.open')}
            </button>
            <button type="button" onClick={onImport}>
              {t('start.import')}
            </button>
            {listStartPageActions().map(action => (
              <button key={action.id} type="button" data-action={action.id} onClick={() => onCommand(action.command)}>
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
                  <button type="button" onClick={() => onOpen(file.path)} title={file.path}>
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
