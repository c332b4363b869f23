import { useEditorState } from '@tiptap/react'
import { useDeferredValue, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { dispositions, type Disposition } from '../../core/review/review-data'
import { findConflicts } from '../../core/review/find-conflicts'
import { setDisposition, settleUnanchored, addThread } from '../../core/review/ledger-ops'
import { reviewEntries, type ReviewEntry } from '../../core/review/review-entries'
import { newReviewId } from '../../core/review/suggestion-attrs'
import { MarkType } from '../../core/document-model'
import type { EditorContext } from '../app/extension-points'
import { authorColor, SUGGESTION_SKIP } from '../editor/extensions/suggestion'
import { formatStamp } from './CommentsPane'
import { decide, setCommentResolved, takeVersion } from './review-actions'
import { ledgerFromState, roundFromState, setLedger, updateLedger } from './review-state'
import { useReviewStore } from './review-store'

type Filter = 'pending' | 'all'

/** 审阅 tab: the round (copies sent and returned), conflicts side by side, every item with its disposition. */
export function ReviewPanel(context: EditorContext) {
  const { editor } = context
  const { t } = useTranslation('review')
  const [, store] = useReviewStore(editor)
  const [filter, setFilter] = useState<Filter>('pending')
  const [source, setSource] = useState('')
  // Recomputed when the document or its review data change (not on selection moves).
  // Deferred: while typing goes on, the list catches up in a transition instead of delaying each keystroke.
  const version = useDeferredValue(useEditorState({ editor, selector: ({ editor: current }) => current.state.doc }))
  const { entries, conflicts, round } = useMemo(() => {
    void version
    const report = context.report()
    return {
      entries: reviewEntries(report),
      conflicts: findConflicts(report.doc),
      round: roundFromState(editor.state).round,
    }
  }, [context, editor, version])

  const sources = [...new Set(entries.map(entry => entry.source).filter(Boolean))]
  const shown = entries.filter(
    entry => (filter === 'all' || entry.status === 'pending') && (!source || entry.source === source),
  )
  const kindLabel = (entry: ReviewEntry) => t(`kind.${entry.kind}`)
  const statusLabel = (entry: ReviewEntry) => t(`status.${entry.status}`)

  const dispose = (id: string, disposition: Disposition | null, note: string) =>
    updateLedger(editor, ledger => setDisposition(ledger, id, disposition, note))

  /** An item of a returned copy that could not be placed becomes a comment on the selection. */
  const placeOnSelection = (entry: ReviewEntry) => {
    const { state } = editor
    if (state.selection.empty) return context.showError(t('selectFirst'))
    const id = newReviewId('c')
    const what =
      entry.kind === 'comment'
        ? entry.text
        : t(entry.kind === 'insertion' ? 'suggestInsert' : 'suggestDelete', { text: entry.text })
    const tr = state.tr
      .addMark(state.selection.from, state.selection.to, state.schema.marks[MarkType.comment]!.create({ id }))
      .setMeta(SUGGESTION_SKIP, true)
    let ledger = ledgerFromState(state)
    ledger = addThread(ledger, {
      id,
      author: entry.author,
      date: entry.date,
      text: what,
      replies: entry.replies,
      resolved: false,
      source: entry.source || null,
      quote: entry.quote,
    })
    ledger = settleUnanchored(ledger, entry.id, true)
    editor.view.dispatch(setLedger(tr, ledger))
  }

  return (
    <div className="review-panel" data-testid="review-panel">
      <section className="review-round">
        <h3>{t('roundTitle')}</h3>
        {round.sends.length === 0 && round.returns.length === 0 && <p className="hint">{t('roundEmpty')}</p>}
        <ul>
          {round.sends.map(send => (
            <li key={send.id}>
              {t('sentTo', { date: formatStamp(send.at), file: send.file, to: send.to || t('nobody') })}
              {round.returns.some(back => back.sendId === send.id) ? ` ✓ ${t('returned')}` : ` · ${t('awaiting')}`}
            </li>
          ))}
          {round.returns.map(back => (
            <li key={back.file}>
              {t('returnedFrom', {
                date: formatStamp(back.at),
                file: back.file,
                from: back.from || back.attributedTo || '—',
              })}
            </li>
          ))}
        </ul>
      </section>

      {conflicts.length > 0 && (
        <section className="review-conflicts">
          <h3>{t('conflictsTitle', { count: conflicts.length })}</h3>
          {conflicts.map(conflict => (
            <table key={`${conflict.path.join('.')}-${conflict.from}`} className="conflict" data-testid="conflict">
              <tbody>
                <tr>
                  <th>{t('original')}</th>
                  <td>{conflict.original}</td>
                  <td />
                </tr>
                {conflict.versions.map(each => (
                  <tr key={each.source}>
                    <th>
                      <span data-color={authorColor(each.author)} className="comment-author">
                        {each.author}
                      </span>
                      <div className="hint">{each.source || t('editor')}</div>
                    </th>
                    <td>{each.text}</td>
                    <td>
                      <button type="button" onClick={() => takeVersion(context, conflict, each.source)}>
                        {t('takeThis')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </section>
      )}

      <section className="review-items">
        <div className="review-filters">
          <select
            value={filter}
            aria-label={t('filterLabel')}
            onChange={event => setFilter(event.target.value as Filter)}
          >
            <option value="pending">{t('filterPending')}</option>
            <option value="all">{t('filterAll')}</option>
          </select>
          <select value={source} aria-label={t('sourceLabel')} onChange={event => setSource(event.target.value)}>
            <option value="">{t('allSources')}</option>
            {sources.map(each => (
              <option key={each} value={each}>
                {each}
              </option>
            ))}
          </select>
          <span className="hint">{t('itemsCount', { count: shown.length })}</span>
        </div>
        {shown.length === 0 && <p className="hint">{t('noItems')}</p>}
        {shown.map(entry => (
          <article key={entry.id} className={`review-item status-${entry.status}`} data-review-id={entry.id}>
            <header>
              <span className={`badge kind-${entry.kind}`}>{kindLabel(entry)}</span>
              <span className="comment-author" data-color={authorColor(entry.author)}>
                {entry.author || t('anonymous')}
              </span>
              <span className="hint">{entry.source}</span>
              <span className="status">{statusLabel(entry)}</span>
            </header>
            {entry.part && <div className="hint">{entry.part}</div>}
            {entry.quote && <blockquote>“{entry.quote}”</blockquote>}
            <p>
              {entry.kind === 'comment'
                ? entry.text
                : t(entry.kind === 'insertion' ? 'suggestInsert' : 'suggestDelete', {
                    text: entry.text.replace(/\n/g, '¶'),
                  })}
            </p>
            {entry.unanchoredReason && entry.status === 'pending' && (
              <p className="warning">{entry.unanchoredReason}</p>
            )}
            <div className="review-item-actions">
              {entry.location && (
                <button type="button" onClick={() => context.jumpTo(entry.location!)}>
                  {t('jump')}
                </button>
              )}
              {entry.status === 'pending' && entry.kind !== 'comment' && entry.location && (
                <>
                  <button
                    type="button"
                    data-action="accept"
                    onClick={() => decide(context, { id: entry.id }, 'accept')}
                  >
                    {t('acceptOne')}
                  </button>
                  <button
                    type="button"
                    data-action="reject"
                    onClick={() => decide(context, { id: entry.id }, 'reject')}
                  >
                    {t('rejectOne')}
                  </button>
                </>
              )}
              {entry.kind === 'comment' && entry.location && (
                <button type="button" onClick={() => setCommentResolved(editor, entry.id, entry.status === 'pending')}>
                  {entry.status === 'pending' ? t('resolve') : t('reopen')}
                </button>
              )}
              {!entry.location && entry.status === 'pending' && entry.unanchoredReason && (
                <button type="button" onClick={() => placeOnSelection(entry)}>
                  {t('placeOnSelection')}
                </button>
              )}
            </div>
            <div className="review-disposition">
              <select
                aria-label={t('dispositionLabel')}
                value={entry.disposition ?? ''}
                onChange={event => dispose(entry.id, (event.target.value || null) as Disposition | null, entry.note)}
              >
                <option value="">{t('noDisposition')}</option>
                {dispositions.map(each => (
                  <option key={each} value={each}>
                    {t(`disposition.${each}`)}
                  </option>
                ))}
              </select>
              <input
                aria-label={t('noteLabel')}
                placeholder={t('notePlaceholder')}
                defaultValue={entry.note}
                disabled={!entry.disposition}
                onBlur={event => {
                  if (entry.disposition && event.target.value !== entry.note)
                    dispose(entry.id, entry.disposition, event.target.value)
                }}
              />
            </div>
          </article>
        ))}
      </section>
      <div className="review-panel-footer">
        <button type="button" onClick={() => store.set({ dialog: 'import' })}>
          {t('importFeedback')}
        </button>
        <button type="button" onClick={() => store.set({ dialog: 'send' })}>
          {t('send')}
        </button>
      </div>
    </div>
  )
}
