import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { NewReportOptions, OpenedReport, RecentFile, TemplateSummary } from '../../core/ipc/files-api'
import type { Template } from '../../core/templates/template-schema'
import { listStartPageActions } from './extension-points'
import type { PrefilledField } from './new-report-form'
import {
  defaultPlanYear,
  newReportOptions,
  PLAN_YEAR_MAX,
  PLAN_YEAR_MIN,
  templateSuggestions,
  validateNewReport,
} from './new-report-form'

interface StartPageProps {
  onOpened(opened: OpenedReport): void
  onOpen(path: string | null): void
  onImport(): void
  onCommand(command: string): void
  onBack?: () => void
  showError(message: string): void
}

type FormState = Omit<NewReportOptions, 'planYear'> & { yearText: string }

export function StartPage({ onOpened, onOpen, onImport, onCommand, onBack, showError }: StartPageProps) {
  const { t, i18n } = useTranslation()
  const [templates, setTemplates] = useState<TemplateSummary[]>([])
  const [details, setDetails] = useState<ReadonlyMap<string, Template>>(new Map())
  const [recent, setRecent] = useState<RecentFile[]>([])
  const [busy, setBusy] = useState(false)
  const [form, setForm] = useState<FormState>(() => ({
    templateId: '',
    yearText: String(defaultPlanYear(new Date())),
    organisation: '',
    meetingName: '',
    date: '',
    speakerOffice: '',
    speakerName: '',
    termEnd: false,
  }))
  // Meeting name and speaker office follow the template and organisation until the user types in them.
  const [edited, setEdited] = useState<ReadonlySet<PrefilledField>>(new Set())
  // Problems show once the user tried to create the report, then follow the input.
  const [attempted, setAttempted] = useState(false)
  const fieldRefs = useRef<Partial<Record<'templateId' | 'planYear', HTMLElement | null>>>({})

  // Kept so that a report asked for before the list arrived (Enter right after start) waits for it.
  const templatesRequest = useRef<Promise<TemplateSummary[]> | null>(null)

  useEffect(() => {
    const request = window.api.listTemplates()
    templatesRequest.current = request
    request
      .then(list => {
        setTemplates(list)
        setForm(current =>
          current.templateId || list.length === 0 ? current : { ...current, templateId: list[0]!.id },
        )
      })
      .catch(() => showError(t('errors.connection')))
    window.api
      .recentFiles()
      .then(setRecent)
      .catch(() => undefined)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  useEffect(() => {
    const id = form.templateId
    if (!id || details.has(id)) return
    let cancelled = false
    window.api
      .getTemplate(id)
      .then(result => {
        if (cancelled) return
        if (result.ok) setDetails(current => new Map(current).set(id, result.value))
        else showError(result.message)
      })
      .catch(() => showError(t('errors.connection')))
    return () => {
      cancelled = true
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [form.templateId])

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) =>
    setForm(current => ({ ...current, [key]: value }))
  const setPrefilled = (key: PrefilledField, value: string) => {
    set(key, value)
    setEdited(current => new Set(current).add(key))
  }

  const year = Number(form.yearText.trim())
  const suggestions = templateSuggestions(details.get(form.templateId), {
    planYear: Number.isFinite(year) ? year : 0,
    organisation: form.organisation,
  })
  const shown = (field: PrefilledField) => (edited.has(field) ? form[field] : suggestions[field])
  const problems = validateNewReport(form)
  const visibleProblems = attempted ? problems : {}

  const create = async () => {
    if (!form.templateId && templates.length === 0 && templatesRequest.current) {
      const list = await templatesRequest.current.catch(() => [])
      if (list.length > 0) {
        const chosen = { ...form, templateId: list[0]!.id }
        setForm(chosen)
        return createWith(chosen, validateNewReport(chosen))
      }
    }
    return createWith(form, problems)
  }

  const createWith = async (values: FormState, found: typeof problems) => {
    setAttempted(true)
    const first = (['templateId', 'planYear'] as const).find(field => found[field])
    if (first) {
      fieldRefs.current[first]?.focus()
      return
    }
    setBusy(true)
    try {
      const result = await window.api.newReport(newReportOptions(values, edited, suggestions))
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
  const builtin = templates.filter(template => template.builtin)
  const own = templates.filter(template => !template.builtin)
  const problem = (field: 'templateId' | 'planYear') =>
    visibleProblems[field] && (
      <span className="problem" role="alert" id={`new-report-${field}-problem`}>
        {t(`start.problems.${visibleProblems[field]}`, {
          min: PLAN_YEAR_MIN,
          max: PLAN_YEAR_MAX,
          example: defaultPlanYear(new Date()),
        })}
      </span>
    )
  const invalid = (field: 'templateId' | 'planYear') =>
    visibleProblems[field] ? { 'aria-invalid': true, 'aria-describedby': `new-report-${field}-problem` } : {}

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
          noValidate
          onSubmit={event => {
            event.preventDefault()
            if (!busy) void create()
          }}
        >
          <h2>{t('start.newTitle')}</h2>
          <label>
            <span>{t('start.template')}</span>
            <select
              name="templateId"
              ref={element => void (fieldRefs.current.templateId = element)}
              value={form.templateId}
              onChange={event => set('templateId', event.target.value)}
              {...invalid('templateId')}
            >
              {templates.length === 0 && <option value="">{t('start.noTemplates')}</option>}
              <optgroup label={t('start.builtinTemplates')}>
                {builtin.map(template => (
                  <option key={template.id} value={template.id}>
                    {template.name}
                  </option>
                ))}
              </optgroup>
              {own.length > 0 && (
                <optgroup label={t('start.userTemplates')}>
                  {own.map(template => (
                    <option key={template.id} value={template.id}>
                      {template.name}
                    </option>
                  ))}
                </optgroup>
              )}
            </select>
            {problem('templateId')}
          </label>
          {selected && <p className="hint">{selected.description}</p>}
          <div className="row">
            <label>
              <span>{t('start.planYear')}</span>
              <input
                name="planYear"
                inputMode="numeric"
                maxLength={4}
                ref={element => void (fieldRefs.current.planYear = element)}
                value={form.yearText}
                onChange={event => set('yearText', event.target.value)}
                {...invalid('planYear')}
              />
            </label>
            <label className="checkbox">
              <input
                name="termEnd"
                type="checkbox"
                checked={form.termEnd}
                onChange={event => set('termEnd', event.target.checked)}
              />
              <span>{t('start.termEnd')}</span>
            </label>
          </div>
          {problem('planYear')}
          <label>
            <span>{t('start.organisation')}</span>
            <input
              name="organisation"
              value={form.organisation}
              placeholder={t('start.organisationPlaceholder')}
              onChange={event => set('organisation', event.target.value)}
            />
          </label>
          {suggestions.title && (
            <p className="hint title-preview" data-testid="title-preview">
              {t('start.titlePreview', { title: suggestions.title })}
            </p>
          )}
          <label>
            <span>{t('start.meetingName')}</span>
            <input
              name="meetingName"
              value={shown('meetingName')}
              placeholder={t('start.meetingPlaceholder')}
              onChange={event => setPrefilled('meetingName', event.target.value)}
            />
          </label>
          <label>
            <span>{t('start.date')}</span>
            <input name="date" type="date" value={form.date} onChange={event => set('date', event.target.value)} />
          </label>
          <div className="row speaker">
            <label className="office">
              <span>{t('start.speakerOffice')}</span>
              <input
                name="speakerOffice"
                value={shown('speakerOffice')}
                placeholder={t('start.speakerOfficePlaceholder')}
                onChange={event => setPrefilled('speakerOffice', event.target.value)}
              />
            </label>
            <label>
              <span>{t('start.speakerName')}</span>
              <input
                name="speakerName"
                value={form.speakerName}
                onChange={event => set('speakerName', event.target.value)}
              />
            </label>
          </div>
          <p className="hint">{t('start.prefillHint')}</p>
          <button type="submit" className="primary" disabled={busy}>
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
