import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { NewReportFormModel } from './use-new-report-form'

interface TemplateSelectProps {
  model: NewReportFormModel
  invalid: object
  problem: ReactNode
}

/** Built-in templates first, then the user's own; the chosen one's description below. */
export function TemplateSelect({ model, invalid, problem }: TemplateSelectProps) {
  const { t } = useTranslation()
  const { templates, form, set, fieldRef } = model
  const selected = templates.find(template => template.id === form.templateId)
  const group = (label: string, builtin: boolean) => {
    const members = templates.filter(template => template.builtin === builtin)
    if (!builtin && members.length === 0) return null
    return (
      <optgroup label={label}>
        {members.map(template => (
          <option key={template.id} value={template.id}>
            {template.name}
          </option>
        ))}
      </optgroup>
    )
  }
  return (
    <>
      <label>
        <span>{t('start.template')}</span>
        <select
          name="templateId"
          ref={fieldRef('templateId')}
          value={form.templateId}
          onChange={event => set('templateId', event.target.value)}
          {...invalid}
        >
          {templates.length === 0 && <option value="">{t('start.noTemplates')}</option>}
          {group(t('start.builtinTemplates'), true)}
          {group(t('start.userTemplates'), false)}
        </select>
        {problem}
      </label>
      {selected && <p className="hint">{selected.description}</p>}
    </>
  )
}
