import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReportFile } from '../../core/report-file'
import { proposeRollForward } from '../../core/reuse/propose-roll-forward'
import type { RollForwardProposals } from '../../core/reuse/propose-roll-forward'
import { rollForward } from '../../core/reuse/roll-forward'
import { analyzeStructure } from '../../core/structure/analyze-structure'
import { formatChineseDate } from '../../core/report-language/chinese-date'
import { DialogFrame } from '../app/DialogFrame'
import type { DialogProps } from '../app/extension-points'

interface Source {
  report: ReportFile
  path: string | null
}

interface Values {
  planYear: string
  meetingName: string
  date: string
}

function initialValues(proposals: RollForwardProposals): Values {
  return {
    planYear: String(proposals.planYear.to),
    meetingName: proposals.meetingName?.to ?? '',
    date: proposals.date?.to ?? '',
  }
}

function reviewPreview(report: ReportFile): { part: string; sections: string[] } | undefined {
  const review = analyzeStructure(report).parts.find(part => part.role === 'review')
  return review ? { part: review.title, sections: review.children.map(child => child.title) } : undefined
}

/** 新建下一年报告: pick last year's report, confirm the proposed plan year, meeting and date, open the result unsaved. */
export function RollForwardDialog(props: DialogProps) {
  const { t } = useTranslation('reuse')
  const [source, setSource] = useState<Source | null>(null)
  const [values, setValues] = useState<Values | null>(null)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  const proposals = useMemo(() => (source ? proposeRollForward(source.report) : null), [source])
  const year = values ? Number(values.planYear) : NaN
  const yearValid = Number.isInteger(year) && year >= 1949 && year <= 2200
  const dateValid = !values?.date || formatChineseDate(values.date) !== ''

  const preview = useMemo(() => {
    if (!source || !values || !yearValid) return undefined
    return reviewPreview(
      rollForward(source.report, { planYear: year, sourceFile: source.path ?? '', now: new Date().toISOString() }),
    )
  }, [source, values, year, yearValid])

  const choose = (chosen: Source) => {
    setSource(chosen)
    setValues(initialValues(proposeRollForward(chosen.report)))
    setProblem(null)
    if (chosen.path) void window.api.libraryAdd({ report: chosen.report, source: chosen.path })
  }

  const pick = async () => {
    setBusy(true)
    try {
      const result = await window.api.openReport(null)
      if (!result.ok) setProblem(result.message)
      else if (result.value) choose({ report: result.value.report, path: result.value.path })
    } finally {
      setBusy(false)
    }
  }

  const confirm = () => {
    if (!source || !values) return
    if (!yearValid) return setProblem(t('rollForward.badYear'))
    if (!dateValid) return setProblem(t('rollForward.badDate'))
    const next = rollForward(source.report, {
      planYear: year,
      meetingName: values.meetingName.trim() || undefined,
      date: values.date || undefined,
      sourceFile: source.path ?? '',
      now: new Date().toISOString(),
    })
    props.openReport({ docId: `rollforward-${crypto.randomUUID()}`, path: null, report: next })
    props.onClose()
  }

  const set = (key: keyof Values, value: string) =>
    setValues(current => (current ? { ...current, [key]: value } : current))
  const lastValue = (value: string | number | undefined) =>
    t('rollForward.from', { value: value === undefined || value === '' ? t('rollForward.unknown') : value })

  return (
    <DialogFrame
      title={t('rollForward.title')}
      description={t('rollForward.description')}
      onClose={props.onClose}
      className="reuse-dialog"
      data-testid="rollforward-dialog"
    >
      <div className="reuse-source">
        <button type="button" onClick={() => void pick()} disabled={busy} data-testid="rollforward-pick">
          {t('rollForward.pick')}
        </button>
        {props.report && (
          <button type="button" onClick={() => choose({ report: props.report!, path: props.path })} disabled={busy}>
            {t('rollForward.useCurrent')}
          </button>
        )}
      </div>
      {source && values && proposals && (
        <form
          className="reuse-proposals"
          onSubmit={event => {
            event.preventDefault()
            confirm()
          }}
        >
          <p className="path">
            {source.report.meta.title || source.path}
            {source.path ? `（${source.path}）` : ''}
          </p>
          <label>
            <span>{t('rollForward.planYear')}</span>
            <input
              name="planYear"
              inputMode="numeric"
              value={values.planYear}
              onChange={event => set('planYear', event.target.value)}
              aria-invalid={!yearValid}
            />
            <small>{lastValue(proposals.planYear.from)}</small>
          </label>
          <label>
            <span>{t('rollForward.meetingName')}</span>
            <input
              name="meetingName"
              value={values.meetingName}
              onChange={event => set('meetingName', event.target.value)}
            />
            <small>{lastValue(proposals.meetingName?.from)}</small>
          </label>
          <label>
            <span>{t('rollForward.date')}</span>
            <input
              name="date"
              type="date"
              value={values.date}
              onChange={event => set('date', event.target.value)}
              aria-invalid={!dateValid}
            />
            <small>{lastValue(proposals.date ? formatChineseDate(proposals.date.from) : undefined)}</small>
          </label>
          {proposals.notes.length > 0 && (
            <ul className="notes">
              {proposals.notes.map((note, index) => (
                <li key={index}>{note}</li>
              ))}
            </ul>
          )}
          {preview && preview.sections.length > 0 ? (
            <div className="reuse-skeleton" data-testid="rollforward-preview">
              <p>{t('rollForward.sections', { part: preview.part, count: preview.sections.length })}</p>
              <ol>
                {preview.sections.map((title, index) => (
                  <li key={index}>{title}</li>
                ))}
              </ol>
            </div>
          ) : (
            <p className="notes">{t('rollForward.noTasks')}</p>
          )}
          {problem && <p className="reuse-problem">{problem}</p>}
          <div className="dialog-buttons">
            <button type="button" onClick={props.onClose}>
              {t('cancel')}
            </button>
            <button type="submit" className="primary" data-testid="rollforward-confirm">
              {t('rollForward.confirm')}
            </button>
          </div>
        </form>
      )}
      {!source && (
        <>
          {problem && <p className="reuse-problem">{problem}</p>}
          <div className="dialog-buttons">
            <button type="button" onClick={props.onClose}>
              {t('cancel')}
            </button>
          </div>
        </>
      )}
    </DialogFrame>
  )
}
