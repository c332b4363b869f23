import { useTranslation } from 'react-i18next'
import type { ReportMeta } from '../../core/report-file'
import { statusLabels } from '../../core/report-language/status-suffix'

interface MetadataPanelProps {
  meta: ReportMeta
  onChange(field: keyof ReportMeta, value: string | number): void
}

const textFields = ['title', 'organisation', 'meetingName', 'speakerOffice', 'speakerName'] as const

export function MetadataPanel({ meta, onChange }: MetadataPanelProps) {
  const { t } = useTranslation()
  return (
    <form className="meta-panel" data-testid="meta-panel" onSubmit={event => event.preventDefault()}>
      {textFields.map(field => (
        <label key={field}>
          <span>{t(field === 'title' ? 'meta.titleField' : `meta.${field}`)}</span>
          <input name={field} value={meta[field]} onChange={event => onChange(field, event.target.value)} />
        </label>
      ))}
      <label>
        <span>{t('meta.planYear')}</span>
        <input
          name="planYear"
          type="number"
          min={1949}
          max={2200}
          value={meta.planYear}
          onChange={event => {
            const year = Number(event.target.value)
            if (Number.isInteger(year) && year >= 1949 && year <= 2200) onChange('planYear', year)
          }}
        />
      </label>
      <label>
        <span>{t('meta.date')}</span>
        <input name="date" type="date" value={meta.date} onChange={event => onChange('date', event.target.value)} />
      </label>
      <label>
        <span>{t('meta.status')}</span>
        <select name="status" value={meta.status} onChange={event => onChange('status', event.target.value)}>
          <option value="draft">{t('meta.statusDraft')}</option>
          <option value="final">{t('meta.statusFinal')}</option>
        </select>
      </label>
      <label title={t('meta.draftLabelHint')}>
        <span>{t('meta.draftLabel')}</span>
        <select
          name="draftLabel"
          value={meta.draftLabel}
          onChange={event => onChange('draftLabel', event.target.value)}
        >
          <option value="">{t('meta.draftLabelNone')}</option>
          {statusLabels.map(label => (
            <option key={label} value={label}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <p className="hint">{t('meta.hint')}</p>
    </form>
  )
}
