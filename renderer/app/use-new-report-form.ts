import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { NewReportOptions, TemplateSummary } from '../../core/ipc/files-api'
import type { Template } from '../../core/templates/template-schema'
import type { PrefilledField } from './new-report-form'
import { defaultPlanYear, newReportOptions, templateSuggestions, validateNewReport } from './new-report-form'
import { openReport } from './report-opening'
import { showError } from './shell-store'

export type FormState = Omit<NewReportOptions, 'planYear'> & { yearText: string }
export type CheckedField = 'templateId' | 'planYear'

const emptyForm = (): FormState => ({
  templateId: '',
  yearText: String(defaultPlanYear(new Date())),
  organisation: '',
  meetingName: '',
  date: '',
  speakerOffice: '',
  speakerName: '',
  termEnd: false,
})

/** The start page's 新建报告 form: templates, prefilled fields that follow the template, problems, creating. */
export function useNewReportForm() {
  const { t } = useTranslation()
  const [templates, setTemplates] = useState<TemplateSummary[]>([])
  const [details, setDetails] = useState<ReadonlyMap<string, Template>>(new Map())
  const [busy, setBusy] = useState(false)
  const [form, setForm] = useState<FormState>(emptyForm)
  // Meeting name and speaker office follow the template and organisation until the user types in them.
  const [edited, setEdited] = useState<ReadonlySet<PrefilledField>>(new Set())
  // Problems show once the user tried to create the report, then follow the input.
  const [attempted, setAttempted] = useState(false)
  const fieldRefs = useRef<Partial<Record<CheckedField, HTMLElement | null>>>({})
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
  }, [t])

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
  }, [details, form.templateId, t])

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

  const createWith = async (values: FormState, found: typeof problems) => {
    setAttempted(true)
    const first = (['templateId', 'planYear'] as const).find(field => found[field])
    if (first) return fieldRefs.current[first]?.focus()
    setBusy(true)
    try {
      const result = await window.api.newReport(newReportOptions(values, edited, suggestions))
      if (result.ok) void openReport(result.value)
      else showError(result.message)
    } catch {
      showError(t('errors.connection'))
    } finally {
      setBusy(false)
    }
  }

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

  const fieldRef = (field: CheckedField) => (element: HTMLElement | null) => {
    fieldRefs.current[field] = element
  }

  return {
    templates,
    form,
    set,
    setPrefilled,
    shown,
    suggestions,
    problems: attempted ? problems : {},
    busy,
    fieldRef,
    create,
  }
}

export type NewReportFormModel = ReturnType<typeof useNewReportForm>
