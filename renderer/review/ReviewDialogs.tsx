import i18next from 'i18next'
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { collectReviewMarks } from '../../core/review/collect-review-marks'
import type { FeedbackCopy } from '../../core/review/feedback/feedback-copy'
import { hasTrackedChanges } from '../../core/review/feedback/feedback-copy'
import { defaultAttribution, mergeFeedback, type CopyOutcome } from '../../core/review/feedback/merge-feedback'
import { findConflicts } from '../../core/review/find-conflicts'
import { recordSends, versionToSend } from '../../core/review/record-send'
import { DialogFrame } from '../app/DialogFrame'
import type { EditorContext } from '../app/extension-points'
import { applyReportChange, roundFromState, updateRound } from './review-state'
import { useReviewStore } from './review-store'

/** The review round's dialogs: the reviewer's name, 导入反馈意见, 发出征求意见稿. */
export function ReviewDialogs(context: EditorContext) {
  const [ui, store] = useReviewStore(context.editor)
  const close = () => store.set({ dialog: null })
  if (ui.dialog === 'name') return <NameDialog context={context} onClose={close} />
  if (ui.dialog === 'import') return <ImportFeedbackDialog context={context} onClose={close} />
  if (ui.dialog === 'send') return <SendDialog context={context} onClose={close} />
  return null
}

function NameDialog({ context, onClose }: { context: EditorContext; onClose(): void }) {
  const { t } = useTranslation('review')
  const [ui, store] = useReviewStore(context.editor)
  const [name, setName] = useState(ui.author)
  const [problem, setProblem] = useState<string | null>(null)
  const save = async () => {
    const trimmed = name.trim()
    if (!trimmed) return setProblem(t('nameRequired'))
    try {
      const result = await window.api.setReviewerName(trimmed)
      if (!result.ok) context.showError(result.message)
    } catch {
      context.showError(t('connection'))
    }
    store.set({ author: trimmed, dialog: null })
  }
  return (
    <DialogFrame
      title={t('nameTitle')}
      description={t('nameDescription')}
      onClose={onClose}
      data-testid="reviewer-name-dialog"
    >
      <DialogForm submit={save} submitLabel={t('ok')} problem={problem} onClose={onClose}>
        <label className="field">
          <span>{t('nameLabel')}</span>
          <input
            name="reviewerName"
            autoFocus
            value={name}
            maxLength={100}
            onChange={event => setName(event.target.value)}
          />
        </label>
      </DialogForm>
    </DialogFrame>
  )
}

function ImportFeedbackDialog({ context, onClose }: { context: EditorContext; onClose(): void }) {
  const { t } = useTranslation('review')
  const [copies, setCopies] = useState<FeedbackCopy[] | null>(null)
  const [names, setNames] = useState<Record<string, string>>({})
  const [problem, setProblem] = useState<string | null>(null)
  const [outcome, setOutcome] = useState<{ copies: CopyOutcome[]; conflicts: number } | null>(null)
  const review = useMemo(() => context.report().review, [context])

  const closeRef = useRef(onClose)
  useLayoutEffect(() => {
    closeRef.current = onClose
  })
  // Once per opening: the file dialog is asked for once, whatever re-renders follow.
  useEffect(() => {
    let cancelled = false
    window.api
      .readFeedbackCopies(null)
      .then(result => {
        if (cancelled) return
        if (!result.ok) return setProblem(result.message)
        if (!result.value) return closeRef.current()
        setCopies(result.value)
      })
      .catch(() => !cancelled && setProblem(i18next.t('review:connection')))
    return () => {
      cancelled = true
    }
  }, [])

  const merge = () => {
    if (!copies) return
    const attributeTo = Object.fromEntries(Object.entries(names).filter(([, name]) => name.trim()))
    const merged = mergeFeedback(context.report(), copies, { attributeTo, now: new Date().toISOString() })
    if (!applyReportChange(context.editor, merged.report)) return setProblem(t('mergeFailed'))
    setOutcome({ copies: merged.copies, conflicts: findConflicts(merged.report.doc).length })
  }

  return (
    <DialogFrame
      title={t('importTitle')}
      description={t('importDescription')}
      onClose={onClose}
      className="review-dialog"
      data-testid="import-feedback-dialog"
    >
      {problem && <p className="field-problem">{problem}</p>}
      {!copies && !problem && <p>{t('choosing')}</p>}
      {copies && !outcome && (
        <>
          <table className="review-copies">
            <thead>
              <tr>
                <th>{t('copyFile')}</th>
                <th>{t('copyKind')}</th>
                <th>{t('copyFrom')}</th>
              </tr>
            </thead>
            <tbody>
              {copies.map(copy => (
                <tr key={copy.file}>
                  <td>{copy.file}</td>
                  <td>
                    {hasTrackedChanges(copy) ? t('tracked') : t('untracked')}
                    {copy.comments.length > 0 && `，${t('commentsCount', { count: copy.comments.length })}`}
                  </td>
                  <td>
                    <input
                      aria-label={t('copyFromLabel', { file: copy.file })}
                      placeholder={defaultAttribution(copy, review)}
                      value={names[copy.file] ?? ''}
                      onChange={event => setNames(current => ({ ...current, [copy.file]: event.target.value }))}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="hint">{review.sentVersions.length ? t('comparedWithSent') : t('noSentVersion')}</p>
          <div className="dialog-buttons">
            <button type="button" data-action="merge" onClick={merge}>
              {t('merge')}
            </button>
            <button type="button" onClick={onClose}>
              {t('cancel')}
            </button>
          </div>
        </>
      )}
      {outcome && (
        <>
          <ul className="review-outcome">
            {outcome.copies.map(copy => (
              <li key={copy.file}>
                <strong>{copy.file}</strong>（{copy.from}）：
                {copy.skipped
                  ? t('skipped')
                  : t('mergedCounts', {
                      comments: copy.comments,
                      replies: copy.replies,
                      insertions: copy.insertions,
                      deletions: copy.deletions,
                    })}
                {copy.unanchored > 0 && (
                  <span className="warning">{t('unanchoredCount', { count: copy.unanchored })}</span>
                )}
                {copy.notes.map(note => (
                  <p className="hint" key={note}>
                    {note}
                  </p>
                ))}
              </li>
            ))}
          </ul>
          {outcome.conflicts > 0 && <p className="warning">{t('conflictsFound', { count: outcome.conflicts })}</p>}
          <div className="dialog-buttons">
            <button
              type="button"
              onClick={() => {
                context.openSideTab('review')
                onClose()
              }}
            >
              {t('openPanel')}
            </button>
            <button type="button" onClick={onClose}>
              {t('close')}
            </button>
          </div>
        </>
      )}
    </DialogFrame>
  )
}

function SendDialog({ context, onClose }: { context: EditorContext; onClose(): void }) {
  const { t } = useTranslation('review')
  const report = useMemo(() => context.report(), [context])
  const hasMarkup = report.review.comments.length > 0 || collectReviewMarks(report.doc).suggestions.length > 0
  const [recipients, setRecipients] = useState('')
  const [markup, setMarkup] = useState(hasMarkup)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [written, setWritten] = useState<string[] | null>(null)
  const send = async () => {
    const list = recipients
      .split(/[\n，,、；;]/)
      .map(each => each.trim())
      .filter(Boolean)
    setBusy(true)
    setProblem(null)
    try {
      const version = versionToSend(roundFromState(context.editor.state), report.doc, new Date().toISOString())
      const result = await window.api.sendForComments({
        report,
        recipients: list.length ? list : [''],
        markup,
        version: version.id,
        path: null,
      })
      if (!result.ok) return setProblem(result.message)
      if (!result.value) return
      const sends = result.value.sends
      updateRound(context.editor, round => recordSends(round, version, sends))
      setWritten(sends.map(each => each.file))
    } catch {
      setProblem(t('connection'))
    } finally {
      setBusy(false)
    }
  }
  return (
    <DialogFrame
      title={t('sendTitle')}
      description={t('sendDescription')}
      onClose={onClose}
      closeLabel={written ? t('close') : undefined}
      className="review-dialog"
      data-testid="send-dialog"
    >
      {written ? (
        <>
          <p>{t('sent', { count: written.length })}</p>
          <ul>
            {written.map(file => (
              <li key={file}>{file}</li>
            ))}
          </ul>
        </>
      ) : (
        <DialogForm
          submit={send}
          submitLabel={busy ? t('working') : t('sendButton')}
          busy={busy}
          problem={problem}
          onClose={onClose}
        >
          <label className="field">
            <span>{t('recipients')}</span>
            <textarea
              name="recipients"
              rows={4}
              placeholder={t('recipientsPlaceholder')}
              value={recipients}
              onChange={event => setRecipients(event.target.value)}
            />
          </label>
          <label className="check">
            <input type="checkbox" name="markup" checked={markup} onChange={event => setMarkup(event.target.checked)} />
            {t('withMarkup')}
          </label>
          <p className="hint">{t('sendHint')}</p>
        </DialogForm>
      )}
    </DialogFrame>
  )
}

interface DialogFormProps {
  submit(): Promise<void>
  submitLabel: string
  /** Disables the submit button while the last submit is under way. */
  busy?: boolean
  problem: string | null
  onClose(): void
  children: ReactNode
}

/** A review dialog's fields, then the problem if any, then the submit (Enter) and 取消 buttons. */
function DialogForm({ submit, submitLabel, busy, problem, onClose, children }: DialogFormProps) {
  const { t } = useTranslation('review')
  return (
    <form
      onSubmit={event => {
        event.preventDefault()
        void submit()
      }}
    >
      {children}
      {problem && <p className="field-problem">{problem}</p>}
      <div className="dialog-buttons">
        <button type="submit" disabled={busy}>
          {submitLabel}
        </button>
        <button type="button" onClick={onClose}>
          {t('cancel')}
        </button>
      </div>
    </form>
  )
}
