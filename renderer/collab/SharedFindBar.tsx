import type { Editor } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { findReplaceKey, getFindReplaceState } from '../editor/extensions/find-replace'

interface SharedFindBarProps {
  /** The stacked editors in reading order, each with why it is read-only (null: writable). */
  editors(): Array<{ editor: Editor; refusal: string | null }>
  mode: 'find' | 'replace'
  onMode(mode: 'find' | 'replace'): void
  onClose(): void
  /** Replacing in parts this member may not change is skipped; says how many. */
  onSkipped(count: number): void
}

/**
 * 查找/替换 over a shared report's editors: each editor highlights its own matches (the find-replace extension), and
 * 上一处/下一处 walk through them in reading order, editor after editor.
 */
export function SharedFindBar({ editors, mode, onMode, onClose, onSkipped }: SharedFindBarProps) {
  const { t } = useTranslation()
  const [query, setQuery] = useState('')
  const [replacement, setReplacement] = useState('')
  const [position, setPosition] = useState({ current: -1, count: 0 })
  const input = useRef<HTMLInputElement>(null)

  const all = () =>
    editors().flatMap(({ editor, refusal }) =>
      (getFindReplaceState(editor.state)?.matches ?? []).map((match, index) => ({ editor, refusal, match, index })),
    )

  const search = (text: string) => {
    for (const { editor } of editors()) editor.commands.setSearchQuery(text)
    setPosition({ current: -1, count: all().length })
  }

  useEffect(() => {
    input.current?.focus()
  }, [mode])
  useEffect(
    () => () => {
      for (const { editor } of editors()) if (!editor.isDestroyed) editor.commands.clearSearch()
    },
    // the editors of the moment the bar closes
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  )

  /** Selects match `next` (in reading order) in its editor and makes it that editor's current match. */
  const select = (next: number) => {
    const matches = all()
    if (matches.length === 0) return setPosition({ current: -1, count: 0 })
    next = ((next % matches.length) + matches.length) % matches.length
    const { editor, match, index } = matches[next]!
    const { tr } = editor.state
    tr.setSelection(TextSelection.create(tr.doc, match.from, match.to)).setMeta(findReplaceKey, { current: index })
    editor.view.dispatch(tr.scrollIntoView())
    editor.view.dom.scrollIntoView({ block: 'nearest' })
    setPosition({ current: next, count: matches.length })
  }
  const go = (step: 1 | -1) => select(position.current + step)

  const currentMatch = all()[position.current]
  /** Why 替换 is not offered for the current match (its part is not this member's to write), or null. */
  const replaceRefusal = currentMatch?.refusal ?? null
  /** 替换: the current match (the first one when none is current yet), then the next match is selected. */
  const replaceOne = () => {
    const matches = all()
    const at = position.current >= 0 ? position.current : 0
    const target = matches[at]
    if (!target) return
    if (target.refusal) return onSkipped(1)
    if (position.current < 0) select(0)
    const { editor } = target
    const before = matches.filter(each => each.editor === editor).length
    editor.commands.replaceCurrent(replacement)
    // The replaced text may itself still match (替换 "a" by "aa"): the next match follows it in that editor.
    const offset = matches.findIndex(each => each.editor === editor)
    const current = getFindReplaceState(editor.state)?.current ?? -1
    const after = all().length
    const left = before - (matches.length - after)
    select(current >= 0 && current < left ? offset + current : offset + left)
  }

  const replaceAll = () => {
    let skipped = 0
    for (const { editor, refusal } of editors()) {
      const count = getFindReplaceState(editor.state)?.matches.length ?? 0
      if (refusal) skipped += count
      else if (count > 0) editor.commands.replaceAll(replacement)
    }
    if (skipped > 0) onSkipped(skipped)
    setPosition({ current: -1, count: all().length })
  }

  return (
    <div
      className="find-bar"
      role="search"
      data-testid="shared-find"
      onKeyDown={event => {
        if (event.key === 'Escape') {
          event.preventDefault()
          onClose()
        } else if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
          event.preventDefault()
          go(event.shiftKey ? -1 : 1)
        }
      }}
    >
      <input
        ref={input}
        aria-label={t('find.query')}
        placeholder={t('find.query')}
        value={query}
        onChange={event => {
          setQuery(event.target.value)
          search(event.target.value)
        }}
      />
      <span className="find-count" data-testid="find-count">
        {query ? t('find.count', { current: position.current + 1, count: position.count }) : ''}
      </span>
      <button type="button" onClick={() => go(-1)} disabled={!position.count}>
        {t('find.previous')}
      </button>
      <button type="button" onClick={() => go(1)} disabled={!position.count}>
        {t('find.next')}
      </button>
      {mode === 'replace' ? (
        <>
          <input
            aria-label={t('find.replacement')}
            placeholder={t('find.replacement')}
            value={replacement}
            onChange={event => setReplacement(event.target.value)}
          />
          <button
            type="button"
            data-testid="find-replace-one"
            onClick={replaceOne}
            disabled={!position.count || replaceRefusal !== null}
            title={replaceRefusal ?? undefined}
          >
            {t('find.replace')}
          </button>
          <button type="button" onClick={replaceAll} disabled={!position.count}>
            {t('find.replaceAll')}
          </button>
        </>
      ) : (
        <button type="button" onClick={() => onMode('replace')}>
          {t('find.showReplace')}
        </button>
      )}
      <button type="button" className="close" aria-label={t('common.close')} onClick={onClose}>
        ×
      </button>
    </div>
  )
}
