import { useTranslation } from 'react-i18next'
import { defaultPlanYear, PLAN_YEAR_MAX, PLAN_YEAR_MIN } from './new-report-form'
import { TemplateSelect } from './TemplateSelect'
import type { CheckedField } from './use-new-report-form'
import { useNewReportForm } from './use-new-report-form'

export function NewReportForm() {
  const { t } = useTranslation()
  const model = useNewReportForm()
  const { form, set, setPrefilled, shown, suggestions, problems, busy, fieldRef } = model
  const problem = (field: CheckedField) =>
    problems[field] && (
      <span className="problem" role="alert" id={`new-report-${field}-problem`}>
        {t(`start.problems.${problems[field]}`, {
          min: PLAN_YEAR_MIN,
          max: PLAN_YEAR_MAX,
          example: defaultPlanYear(new Date()),
        })}
      </span>
    )
  const invalid = (field: CheckedField) =>
    problems[field] ? { 'aria-invalid': true, 'aria-describedby': `new-report-${field}-problem` } : {}
  const text = (name: 'organisation' | 'speakerName', placeholder?: string) => (
    <input name={name} value={form[name]} placeholder={placeholder} onChange={event => set(name, event.target.value)} />
  )

  return (
    <form
      className="new-report"
      data-testid="new-report-form"
      noValidate
      onSubmit={event => {
        event.preventDefault()
        if (!busy) void model.create()
      }}
    >
      <h2>{t('start.newTitle')}</h2>
      <TemplateSelect model={model} invalid={invalid('templateId')} problem={problem('templateId')} />
      <div className="row">
        <label>
          <span>{t('start.planYear')}</span>
          <input
            name="planYear"
            inputMode="numeric"
            maxLength={4}
            ref={fieldRef('planYear')}
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
        {text('organisation', t('start.organisationPlaceholder'))}
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
          {text('speakerName')}
        </label>
      </div>
      <p className="hint">{t('start.prefillHint')}</p>
      <button type="submit" className="primary" disabled={busy}>
        {t('start.create')}
      </button>
    </form>
  )
}
