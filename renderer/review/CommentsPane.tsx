import { useEditorState } from '@tiptap/react'
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommentThread } from '../../core/review/review-data'
import type { EditorContext } from '../app/extension-points'
import { authorColor } from '../editor/extensions/suggestion'
import { commentStorage, firstCommentRanges } from '../editor/extensions/comment'
import {
  deleteComment,
  jumpToNext,
  replyToComment,
  selectTarget,
  setCommentResolved,
  startComment,
  submitComment,
} from './review-actions'
import { ledgerFromState } from './review-state'
import { useReviewStore } from './review-store'

const GAP = 8

export function formatStamp(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(date)
  if (!match) return date
  const local = new Date(date)
  if (Number.isNaN(local.getTime())) return `${match[2]}-${match[3]} ${match[4]}:${match[5]}`
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())} ${pad(local.getHours())}:${pad(local.getMinutes())}`
}

interface Card {
  thread: CommentThread
  from: number
  to: number
}

/**
 * 批注 beside the page: each comment at the height of the text it is on (cards pushed down when they would
 * overlap), the one being looked at highlighted; reply, resolve or reopen, delete; a new comment is written in a
 * card at its selection. Comments whose text was deleted are listed at the end.
 */
export function CommentsPane(context: EditorContext) {
  const { editor } = context
  const { t } = useTranslation('review')
  const [ui, store] = useReviewStore(editor)
  const paneRef = useRef<HTMLDivElement>(null)
  const [replyText, setReplyText] = useState<Record<string, string>>({})
  const [draftText, setDraftText] = useState('')
  const { cards, detached } = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      const ledger = ledgerFromState(current.state)
      const shown: Card[] = []
      const gone: CommentThread[] = []
      // No comments (the usual case while typing): no pass over the document.
      const anchors = ledger.comments.length ? firstCommentRanges(current.state.doc) : new Map()
      for (const thread of ledger.comments) {
        if (thread.resolved && !ui.showResolved) continue
        const range = anchors.get(thread.id)
        if (range) shown.push({ thread, from: range.from, to: range.to })
        else gone.push(thread)
      }
      shown.sort((a, b) => a.from - b.from)
      return { cards: shown, detached: gone, ledger }
    },
    // Not the document's size: a re-render commits, and React's commit walks every text node of the focused editor
    // (its selection bookkeeping), so re-rendering on each keystroke cost O(report) per key even with no comment.
    // A card moves when its anchor does (from) or the text above it changes height (the ResizeObserver below).
    equalityFn: (a, b) =>
      !!b &&
      a.ledger === b.ledger &&
      a.cards.length === b.cards.length &&
      a.cards.every(
        (card, index) =>
          card.from === b.cards[index]!.from &&
          card.to === b.cards[index]!.to &&
          card.thread === b.cards[index]!.thread,
      ),
  })

  // Place each card at its anchor's height, pushed below the card above it.
  const layout = () => {
    const pane = paneRef.current
    if (!pane || editor.isDestroyed) return
    const paneTop = pane.getBoundingClientRect().top
    let bottom = 0
    const items = [...pane.querySelectorAll<HTMLElement>('[data-anchor-pos]')]
    const positioned = items
      .map(element => {
        const pos = Math.min(Number(element.dataset.anchorPos), editor.state.doc.content.size)
        let top = 0
        try {
          top = editor.view.coordsAtPos(pos).top - paneTop
        } catch {
          top = 0
        }
        return { element, top }
      })
      .sort((a, b) => a.top - b.top)
    for (const item of positioned) {
      const top = Math.max(item.top, bottom)
      item.element.style.top = `${top}px`
      bottom = top + item.element.offsetHeight + GAP
    }
    const rest = pane.querySelector<HTMLElement>('.comments-detached')
    if (rest) rest.style.top = `${bottom}px`
  }
  useLayoutEffect(layout)
  useEffect(() => {
    const observer = new ResizeObserver(() => layout())
    observer.observe(editor.view.dom)
    window.addEventListener('resize', layout)
    return () => {
      observer.disconnect()
      window.removeEventListener('resize', layout)
    }
  })

  useEffect(() => {
    const storage = commentStorage(editor)
    storage.onRequest = () => {
      if (!startComment(editor, store)) context.showError(t('selectFirst'))
    }
    return () => {
      storage.onRequest = null
    }
  }, [context, editor, store, t])

  if (cards.length === 0 && detached.length === 0 && !ui.draft) return null

  const activate = (card: Card) => {
    store.set({ activeId: card.thread.id })
    selectTarget(editor, { from: card.from, to: card.to, id: card.thread.id })
  }

  const threadView = (thread: CommentThread) => (
    <>
      <header>
        <span className="comment-author" data-color={authorColor(thread.author)}>
          {thread.author || t('anonymous')}
        </span>
        <time dateTime={thread.date}>{formatStamp(thread.date)}</time>
      </header>
      {thread.source && <div className="comment-source">{t('fromCopy', { file: thread.source })}</div>}
      <p className="comment-text">{thread.text}</p>
      {thread.replies.map(reply => (
        <div className="comment-reply" key={reply.id}>
          <span className="comment-author" data-color={authorColor(reply.author)}>
            {reply.author || t('anonymous')}
          </span>
          <time dateTime={reply.date}>{formatStamp(reply.date)}</time>
          <p className="comment-text">{reply.text}</p>
        </div>
      ))}
    </>
  )

  const actions = (thread: CommentThread) => (
    <>
      {ui.activeId === thread.id && !thread.resolved && (
        <div className="comment-reply-box">
          <textarea
            aria-label={t('replyLabel')}
            placeholder={t('replyPlaceholder')}
            value={replyText[thread.id] ?? ''}
            onChange={event => setReplyText(current => ({ ...current, [thread.id]: event.target.value }))}
            onKeyDown={event => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                replyToComment(editor, store, thread.id, replyText[thread.id] ?? '')
                setReplyText(current => ({ ...current, [thread.id]: '' }))
              }
            }}
            onClick={event => event.stopPropagation()}
          />
        </div>
      )}
      <footer>
        {ui.activeId === thread.id && !thread.resolved && (
          <button
            type="button"
            data-action="reply"
            disabled={!(replyText[thread.id] ?? '').trim()}
            onClick={event => {
              event.stopPropagation()
              replyToComment(editor, store, thread.id, replyText[thread.id] ?? '')
              setReplyText(current => ({ ...current, [thread.id]: '' }))
            }}
          >
            {t('reply')}
          </button>
        )}
        <button
          type="button"
          data-action={thread.resolved ? 'reopen' : 'resolve'}
          onClick={event => {
            event.stopPropagation()
            setCommentResolved(editor, thread.id, !thread.resolved)
          }}
        >
          {thread.resolved ? t('reopen') : t('resolve')}
        </button>
        <button
          type="button"
          data-action="delete"
          onClick={event => {
            event.stopPropagation()
            deleteComment(editor, thread.id)
          }}
        >
          {t('delete')}
        </button>
      </footer>
    </>
  )

  return (
    <aside className="comments-pane" ref={paneRef} aria-label={t('paneLabel')} data-testid="comments-pane">
      <div className="comments-head">
        <span>{t('commentsCount', { count: cards.length + detached.length })}</span>
        <label>
          <input
            type="checkbox"
            checked={ui.showResolved}
            onChange={event => store.set({ showResolved: event.target.checked })}
          />
          {t('showResolved')}
        </label>
        <button type="button" title={t('previous')} onClick={() => jumpToNext(editor, store, -1)}>
          ◀
        </button>
        <button type="button" title={t('next')} onClick={() => jumpToNext(editor, store, 1)}>
          ▶
        </button>
      </div>
      {ui.draft && (
        <div className="comment-card draft" data-anchor-pos={ui.draft.from} data-testid="comment-draft">
          <header>
            <span className="comment-author" data-color={authorColor(ui.author)}>
              {ui.author}
            </span>
          </header>
          <textarea
            autoFocus
            aria-label={t('newCommentLabel')}
            placeholder={t('newCommentPlaceholder')}
            value={draftText}
            onChange={event => setDraftText(event.target.value)}
            onKeyDown={event => {
              if (event.key === 'Escape') store.set({ draft: null })
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && submitComment(editor, store, draftText))
                setDraftText('')
            }}
          />
          <footer>
            <button
              type="button"
              data-action="submit-comment"
              disabled={!draftText.trim()}
              onClick={() => {
                if (submitComment(editor, store, draftText)) setDraftText('')
              }}
            >
              {t('addComment')}
            </button>
            <button type="button" onClick={() => store.set({ draft: null })}>
              {t('cancel')}
            </button>
          </footer>
        </div>
      )}
      {cards.map(card => (
        <div
          key={card.thread.id}
          className={`comment-card${ui.activeId === card.thread.id ? ' active' : ''}${card.thread.resolved ? ' resolved' : ''}`}
          data-anchor-pos={card.from}
          data-comment-id={card.thread.id}
          onClick={() => activate(card)}
        >
          {threadView(card.thread)}
          {actions(card.thread)}
        </div>
      ))}
      {detached.length > 0 && (
        <div className="comments-detached">
          <div className="comments-detached-title">{t('detached')}</div>
          {detached.map(thread => (
            <div
              key={thread.id}
              className={`comment-card${thread.resolved ? ' resolved' : ''}`}
              data-comment-id={thread.id}
              onClick={() => store.set({ activeId: thread.id })}
            >
              {thread.quote && <blockquote>“{thread.quote}”</blockquote>}
              {threadView(thread)}
              {actions(thread)}
            </div>
          ))}
        </div>
      )}
    </aside>
  )
}
