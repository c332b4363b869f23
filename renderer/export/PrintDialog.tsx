import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { checkTemplateFor, ruleSwitches } from '../../core/checks/gate-rules'
import type { DraftLabel } from '../../core/ipc/export-api'
import { defaultDraftLabel, draftLabelChoices } from '../../core/report-language/status-suffix'
import type { Finding, FindingLocation } from '../../core/checks/finding'
import type { ReportFile } from '../../core/report-file'
import { DialogFrame } from '../app/DialogFrame'
import { BlockingList } from './BlockingList'
import { LazyPrintPreview } from './lazy-print-preview'
import { RulesOff } from './RulesOff'
import './export.css'

export interface PrintDialogProps {
  report: ReportFile | null
  onClose(): void
  /** Shows a finding's place in the editor (the dialog closes first). */
  onJump?(location: FindingLocation): void
}

/** 打印预览: the real PDF pages (same as the export), then the system print dialog (same gate as a final export). */
export function PrintDialog({ report: opened, onClose, onJump }: PrintDialogProps) {
  // The report as it was when the dialog opened (the shell passes a fresh copy on every render).
  const [report] = useState(opened)
  const { t } = useTranslation('export')
  const [draftLabel, setDraftLabel] = useState<DraftLabel | null>(report ? defaultDraftLabel(report.meta) : null)
  const [pdf, setPdf] = useState<Uint8Array | null>(null)
  const [pages, setPages] = useState(0)
  const [visiblePage, setVisiblePage] = useState(1)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [saved, setSaved] = useState<string | null>(null)
  // Read from the report's settings, not by running the checks: the print itself runs the gate once.
  const switches = useMemo(() => (report ? ruleSwitches(report.checks, checkTemplateFor(report)) : null), [report])
  // A refused 正式稿 print lists what blocks it (the gate ran in main, once for this print).
  const [blocking, setBlocking] = useState<Finding[]>([])
  const jump = onJump
    ? (location: FindingLocation) => {
        onClose()
        setTimeout(() => onJump(location), 0)
      }
    : undefined

  // A 正式稿 with blocking errors may not be printed: the preview opens on the first draft label instead, saying why.
  const [decided, setDecided] = useState(draftLabel !== null)
  const [openedAsDraft, setOpenedAsDraft] = useState(0)
  useEffect(() => {
    if (!report || decided) return
    let cancelled = false
    window.api
      .checkExport({ report, draftLabel: null })
      .then(summary => {
        if (cancelled) return
        if (!summary.allowed) {
          setDraftLabel(draftLabelChoices(report.meta)[0] ?? null)
          setOpenedAsDraft(summary.blocking.length)
        }
      })
      .catch(() => undefined)
      .finally(() => !cancelled && setDecided(true))
    return () => {
      cancelled = true
    }
  }, [decided, report])

  useEffect(() => {
    if (!report || !decided) return
    let cancelled = false
    void window.api.previewPdf({ report, draftLabel }).then(result => {
      if (cancelled) return
      if (result.ok) setPdf(result.value.pdf)
      else setProblem(t('print.failed', { message: result.message }))
    })
    return () => {
      cancelled = true
    }
  }, [report, draftLabel, decided, t])

  const print = async () => {
    if (!report) return
    setBusy(true)
    setProblem(null)
    setBlocking([])
    try {
      const result = await window.api.printReport({ report, draftLabel })
      if (!result.ok) setProblem(result.message)
      else if (result.value.kind === 'refused') setBlocking(result.value.blocking)
      else if (result.value.kind === 'written') onClose()
    } finally {
      setBusy(false)
    }
  }

  const savePdf = async () => {
    if (!report) return
    setBusy(true)
    setProblem(null)
    try {
      const result = await window.api.exportReport({ report, format: 'pdf', draftLabel, path: null })
      if (!result.ok) setProblem(result.message)
      else if (result.value.kind === 'refused') setProblem(t('export.refused'))
      else if (result.value.kind === 'written') setSaved(result.value.path)
    } finally {
      setBusy(false)
    }
  }

  return (
    <DialogFrame
      title={t('print.title')}
      description={t('print.description')}
      onClose={onClose}
      className="print-dialog"
      data-testid="print-dialog"
    >
      <select
        value={draftLabel ?? ''}
        onChange={event => {
          setSaved(null)
          setPdf(null)
          setProblem(null)
          setBlocking([])
          setOpenedAsDraft(0)
          setDraftLabel((event.target.value || null) as DraftLabel | null)
        }}
        aria-label={t('export.version')}
      >
        <option value="">{t('export.final')}</option>
        {(report ? draftLabelChoices(report.meta) : []).map(label => (
          <option key={label} value={label}>
            {label}
          </option>
        ))}
      </select>
      {openedAsDraft > 0 && draftLabel && (
        <p className="hint" data-testid="print-opened-as-draft">
          {t('print.openedAsDraft', { count: openedAsDraft, label: draftLabel })}
        </p>
      )}
      {pdf ? (
        <LazyPrintPreview
          pdf={pdf}
          onPageCount={setPages}
          onVisiblePage={setVisiblePage}
          onError={message => setProblem(t('print.failed', { message }))}
        />
      ) : (
        !problem && <p aria-busy="true">{t('print.rendering')}</p>
      )}
      {switches && <RulesOff rulesOff={switches.off} rulesKept={draftLabel ? [] : switches.kept} />}
      {pages > 0 && (
        <p className="path" data-testid="print-page">
          {t('print.page', { page: visiblePage, count: pages })}
        </p>
      )}
      {saved && (
        <p className="export-result">
          {t('export.written')} <span className="path">{saved}</span>
        </p>
      )}
      {blocking.length > 0 && <BlockingList findings={blocking} onJump={jump} summary={t('print.refused')} />}
      {problem && <p className="export-problem">{problem}</p>}
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
        <button type="button" onClick={() => void savePdf()} disabled={busy || !report} data-testid="print-save-pdf">
          {t('print.savePdf')}
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => void print()}
          disabled={busy || !pdf}
          data-testid="print-submit"
        >
          {t('print.print')}
        </button>
      </div>
    </DialogFrame>
  )
}
