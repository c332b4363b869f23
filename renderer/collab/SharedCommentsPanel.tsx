import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import type { Member } from '../../core/collab/part-workflow'
import type { CommentAnchor, SharedThread } from '../../core/collab/shared-comments'
import { memberCommentKey } from '../../core/collab/report-roots'
import type { PendingSuggestion } from '../../core/review/collect-review-marks'
import type { Resolution } from '../../core/review/resolve-suggestions'
import { addSharedComment, deleteOwnEntry, replyToThread, setThreadResolved } from './shared-comments-ydoc'

export interface CommentTarget {
  root: string
  anchor: CommentAnchor
  quote: string
}

export interface SharedCommentsPanelProps {
  doc: Y.Doc
  member: Member
  /** The text roots in reading order, with the label the page shows. */
  roots: ReadonlyArray<{ root: string; label: string }>
  /** The threads on a text root now (the screen reads them again when a comments root changes). */
  threadsOf(root: string): readonly SharedThread[]
  /** The pending suggestions (修订) in a text root. */
  suggestionsOf(root: string): readonly PendingSuggestion[]
  /** Accepts or rejects a suggestion (offered only to the writers of its text). */
  onDecide(root: string, suggestion: PendingSuggestion, action: Resolution): void
  /** Whether the member may write the root's text (he then resolves others' threads on it too). */
  mayWrite(root: string): boolean
  /** The text selected in the editor last focused, as an anchor; null when nothing is selected. */
  selection(): CommentTarget | null
  onJump(root: string, thread: SharedThread): void
}

function shortDate(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString()
}

/**
 * 批注 of a shared report: every member's threads on each text in reading order; anyone who can read a text
 * comments on it and replies; its author or a writer of the text resolves a thread; each deletes only his own.
 */
export function SharedCommentsPanel(props: SharedCommentsPanelProps) {
  const { doc, member, roots } = props
  const { t } = useTranslation('collab')
  const [draft, setDraft] = useState<(CommentTarget & { text: string }) | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [replies, setReplies] = useState<Record<string, string>>({})
  const threads = roots.map(({ root, label }) => ({
    root,
    label,
    threads: props.threadsOf(root),
    suggestions: props.suggestionsOf(root),
  }))
  const count = threads.reduce((sum, each) => sum + each.threads.filter(thread => !thread.resolved).length, 0)

  const start = () => {
    const target = props.selection()
    setProblem(target ? null : t('commentNeedsSelection'))
    if (target) setDraft({ ...target, text: '' })
  }
  const save = () => {
    if (!draft || !draft.text.trim()) return
    addSharedComment(doc, draft.root, member, {
      text: draft.text.trim(),
      quote: draft.quote,
      anchor: draft.anchor,
    })
    setDraft(null)
  }

  return (
    <section className="shared-comments" data-testid="shared-comments" aria-label={t('comments')}>
      <header>
        <h2>
          {t('comments')} <small>{t('openComments', { count })}</small>
        </h2>
        <button type="button" data-testid="shared-comment-add" onClick={start}>
          {t('addComment')}
        </button>
      </header>
      {problem && (
        <p className="collab-problem" role="alert">
          {problem}
        </p>
      )}
      {draft && (
        <form
          className="shared-comment-draft"
          data-testid="shared-comment-draft"
          onSubmit={event => {
            event.preventDefault()
            save()
          }}
        >
          <blockquote>{draft.quote}</blockquote>
          <textarea
            // The form opens on a click meant for typing the comment.
            autoFocus
            rows={3}
            value={draft.text}
            aria-label={t('commentText')}
            onChange={event => setDraft({ ...draft, text: event.target.value })}
          />
          <div className="dialog-buttons">
            <button type="button" onClick={() => setDraft(null)}>
              {t('cancel')}
            </button>
            <button type="submit" className="primary" disabled={!draft.text.trim()}>
              {t('commentSave')}
            </button>
          </div>
        </form>
      )}
      {threads.every(each => each.threads.length === 0 && each.suggestions.length === 0) && !draft && (
        <p className="hint">{t('noComments')}</p>
      )}
      {threads.map(({ root, label, threads: list, suggestions }) =>
        list.length === 0 && suggestions.length === 0 ? null : (
          <div key={root} className="shared-comments-root">
            <h3>{label}</h3>
            {suggestions.map(suggestion => (
              <article
                key={`${suggestion.kind}:${suggestion.id}`}
                className={`shared-suggestion ${suggestion.kind}`}
                data-testid="shared-suggestion"
              >
                <p className="shared-thread-by">
                  <strong>{suggestion.author}</strong>{' '}
                  {suggestion.kind === 'insertion' ? t('suggestedInsertion') : t('suggestedDeletion')}{' '}
                  <small>{shortDate(suggestion.date)}</small>
                </p>
                <p className="shared-thread-text">
                  {suggestion.kind === 'insertion' ? <ins>{suggestion.text}</ins> : <del>{suggestion.text}</del>}
                </p>
                {props.mayWrite(root) && (
                  <div className="shared-thread-actions">
                    <button type="button" onClick={() => props.onDecide(root, suggestion, 'accept')}>
                      {t('accept')}
                    </button>
                    <button type="button" onClick={() => props.onDecide(root, suggestion, 'reject')}>
                      {t('reject')}
                    </button>
                  </div>
                )}
              </article>
            ))}
            {list.map(thread => {
              const mayResolve = thread.authorKey === memberCommentKey(member) || props.mayWrite(root)
              const reply = replies[thread.id] ?? ''
              return (
                <article
                  key={thread.id}
                  className={thread.resolved ? 'shared-thread resolved' : 'shared-thread'}
                  data-testid="shared-thread"
                  data-thread={thread.id}
                >
                  <p className="shared-thread-by">
                    <strong>{thread.author}</strong> <small>{shortDate(thread.date)}</small>
                    {thread.resolved && <small> · {t('resolvedBy', { name: thread.resolvedBy })}</small>}
                  </p>
                  {thread.quote && (
                    <button type="button" className="shared-thread-quote" onClick={() => props.onJump(root, thread)}>
                      “{thread.quote}”
                    </button>
                  )}
                  <p className="shared-thread-text">{thread.text}</p>
                  {thread.replies.map(each => (
                    <p key={each.id} className="shared-reply" data-testid="shared-reply">
                      <strong>{each.author}</strong>：{each.text}
                      {each.authorKey === memberCommentKey(member) && (
                        <button
                          type="button"
                          className="link"
                          onClick={() => deleteOwnEntry(doc, root, member, each.id)}
                        >
                          {t('remove')}
                        </button>
                      )}
                    </p>
                  ))}
                  <form
                    className="shared-reply-form"
                    onSubmit={event => {
                      event.preventDefault()
                      if (!reply.trim()) return
                      replyToThread(doc, root, member, thread.id, reply.trim())
                      setReplies(current => ({ ...current, [thread.id]: '' }))
                    }}
                  >
                    <input
                      value={reply}
                      placeholder={t('replyPlaceholder')}
                      aria-label={t('replyPlaceholder')}
                      onChange={event => setReplies(current => ({ ...current, [thread.id]: event.target.value }))}
                    />
                    <button type="submit" disabled={!reply.trim()}>
                      {t('reply')}
                    </button>
                  </form>
                  <div className="shared-thread-actions">
                    {mayResolve && (
                      <button
                        type="button"
                        onClick={() =>
                          setThreadResolved(doc, root, member, thread, !thread.resolved, props.mayWrite(root))
                        }
                      >
                        {thread.resolved ? t('reopenComment') : t('resolveComment')}
                      </button>
                    )}
                    {thread.authorKey === memberCommentKey(member) && (
                      <button type="button" onClick={() => deleteOwnEntry(doc, root, member, thread.id)}>
                        {t('remove')}
                      </button>
                    )}
                  </div>
                </article>
              )
            })}
          </div>
        ),
      )}
    </section>
  )
}
