import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FindingLocation } from '../../core/checks/finding'
import type { DraftLabel, ExportOutcome, ExportRequest, GateSummary } from '../../core/ipc/export-api'
import { defaultDraftLabel, draftLabelChoices } from '../../core/report-language/status-suffix'
import type { ReportFile } from '../../core/report-file'
import { DialogFrame } from '../app/DialogFrame'
import { BlockingList } from './BlockingList'
import { LazyPrintPreview } from './lazy-print-preview'
import { RulesOff } from './RulesOff'
import './export.css'
import { ExportedFileActions } from './ExportedFileActions'

export interface ExportDialogProps {
  report: ReportFile | null
  /** Format selected when the dialog opens. */
  initialFormat?: ExportRequest['format']
  onClose(): void
  /** Shows a finding's place in the editor (the dialog closes first). */
  onJump?(location: FindingLocation): void
}

type Version = 'final' | DraftLabel

/**
 * 导出报告: format (DOCX / PDF) and version (正式稿 / 征求意见稿 / 讨论稿). The main process runs the gate
 * once (checkExport) and the export of the same report reuses that decision: a final version it refuses lists
 * the blocking errors (each jumps to its place) and offers a draft instead; the rules switched off for the report
 * are listed for every version.
 */
export function ExportDialog({ report: opened, initialFormat = 'docx', onClose, onJump }: ExportDialogProps) {
  // The report as it was when the dialog opened (the shell passes a fresh copy on every render).
  const [report] = useState(opened)
  const { t } = useTranslation('export')
  const [format, setFormat] = useState<ExportRequest['format']>(initialFormat)
  const [version, setVersion] = useState<Version>((report && defaultDraftLabel(report.meta)) ?? 'final')
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [preview, setPreview] = useState<Uint8Array | null>(null)
  const draftLabel = version === 'final' ? null : version
  // The gate's decision for the version it was asked about (a version switch asks again).
  const [decided, setDecided] = useState<{ draftLabel: DraftLabel | null; summary: GateSummary } | null>(null)
  const decision = decided && decided.draftLabel === draftLabel ? decided.summary : null
  useEffect(() => {
    if (!report) return
    let cancelled = false
    window.api.checkExport({ report, draftLabel }).then(
      summary => !cancelled && setDecided({ draftLabel, summary }),
      (error: unknown) => !cancelled && setProblem(error instanceof Error ? error.message : String(error)),
    )
    return () => {
      cancelled = true
    }
  }, [report, draftLabel])
  const refused = outcome?.kind === 'refused' ? outcome : null
  const blocking = version === 'final' ? (refused?.blocking ?? decision?.blocking ?? []) : []
  const rulesOff = refused?.rulesOff ?? decision?.rulesOff ?? []
  const rulesKept = refused?.rulesKept ?? decision?.rulesKept ?? []

  const run = async () => {
    if (!report) return
    setBusy(true)
    setProblem(null)
    setOutcome(null)
    try {
      const result = await window.api.exportReport({ report, format, draftLabel, path: null })
      if (!result.ok) setProblem(result.message)
      else setOutcome(result.value)
    } finally {
      setBusy(false)
    }
  }

  const showPreview = async () => {
    if (!report) return
    setBusy(true)
    setProblem(null)
    try {
      const result = await window.api.previewPdf({ report, draftLabel })
      if (!result.ok) setProblem(result.message)
      else setPreview(result.value.pdf)
    } finally {
      setBusy(false)
    }
  }

  // The jump waits until the dialog has gone (its focus trap would pull the focus back), and Radix must not
  // then hand the focus back to what had it before the dialog.
  const jumped = useRef(false)
  const jump = onJump
    ? (location: FindingLocation) => {
        jumped.current = true
        onClose()
        setTimeout(() => onJump(location), 0)
      }
    : undefined

  return (
    <DialogFrame
      title={t('export.title')}
      description={t('export.description')}
      onClose={onClose}
      className={`export-dialog${preview ? ' print-dialog' : ''}`}
      data-testid="export-dialog"
      onCloseAutoFocus={event => jumped.current && event.preventDefault()}
    >
      {!report ? (
        <p className="export-problem">{t('export.noReport')}</p>
      ) : (
        <>
          <fieldset>
            <legend>{t('export.format')}</legend>
            {(['docx', 'pdf'] as const).map(value => (
              <label key={value}>
                <input
                  type="radio"
                  name="format"
                  value={value}
                  checked={format === value}
                  onChange={() => (setFormat(value), setOutcome(null), setPreview(null))}
                />{' '}
                {t(`export.${value}`)}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t('export.version')}</legend>
            {(['final', ...draftLabelChoices(report.meta)] as const).map(value => (
              <label key={value}>
                <input
                  type="radio"
                  name="version"
                  value={value}
                  checked={version === value}
                  onChange={() => (setVersion(value), setOutcome(null), setPreview(null))}
                />{' '}
                {value === 'final' ? t('export.final') : value}
              </label>
            ))}
          </fieldset>
          {version === '征求意见稿' && format === 'docx' && (
            <p className="hint" data-testid="export-send-hint">
              {t('export.sendHint')}
            </p>
          )}
          {!decision && !refused && (
            <p className="export-checking" aria-busy="true">
              {t('export.checking')}
            </p>
          )}
          {blocking.length > 0 && (
            <>
              <BlockingList findings={blocking} onJump={jump} />
              <button
                type="button"
                onClick={() => (setVersion('征求意见稿'), setOutcome(null))}
                data-testid="export-as-draft"
              >
                {t('export.exportDraft')}
              </button>
            </>
          )}
          {outcome?.kind === 'written' && (
            <div className="export-result" data-testid="export-result">
              <p>
                {t('export.written')} <span className="path">{outcome.path}</span>
              </p>
              <ExportedFileActions path={outcome.path} onError={setProblem} />
              {outcome.pages ? <p>{t('export.pages', { count: outcome.pages })}</p> : null}
              {outcome.substitutions.length > 0 && (
                <>
                  <p>{t('export.substitutions')}</p>
                  <ul data-testid="export-substitutions">
                    {outcome.substitutions.map(substitution => (
                      <li key={substitution.wanted}>
                        {t('export.substitution', { wanted: substitution.wanted, used: substitution.used })}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          )}
          <RulesOff rulesOff={rulesOff} rulesKept={version === 'final' ? rulesKept : []} />
          {outcome?.kind === 'refused' && <p className="export-problem">{t('export.refused')}</p>}
          {problem && <p className="export-problem">{problem}</p>}
          {preview && <LazyPrintPreview pdf={preview} scale={0.9} onError={message => setProblem(message)} />}
        </>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
        {report && format === 'pdf' && !preview && (
          <button type="button" onClick={() => void showPreview()} disabled={busy} data-testid="export-preview">
            {t('export.preview')}
          </button>
        )}
        {report && (
          <button
            type="button"
            className="primary"
            onClick={() => void run()}
            disabled={busy || !decision || blocking.length > 0}
            data-testid="export-submit"
          >
            {busy ? t('export.working') : t('export.submit')}
          </button>
        )}
      </div>
    </DialogFrame>
  )
}
