import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { getFindReplaceState } from '../editor/extensions/find-replace'

interface FindBarProps {
  editor: Editor
  mode: 'find' | 'replace'
  onMode(mode: 'find' | 'replace'): void
  onClose(): void
}

export function FindBar({ editor, mode, onMode, onClose }: FindBarProps) {
  const { t } = useTranslation()
  const [query, setQuery] = useState(() => {
    const { from, to } = editor.state.selection
    return from < to && to - from < 100 ? editor.state.doc.textBetween(from, to) : ''
  })
  const [replacement, setReplacement] = useState('')
  const input = useRef<HTMLInputElement>(null)
  const search = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      const state = getFindReplaceState(current.state)
      return { count: state?.matches.length ?? 0, current: state?.current ?? -1 }
    },
  })

  useEffect(() => {
    input.current?.focus()
    input.current?.select()
  }, [mode])

  useEffect(() => {
    editor.commands.setSearchQuery(query)
  }, [editor, query])

  useEffect(() => () => void editor.commands.clearSearch(), [editor])

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault()
      onClose()
      editor.commands.focus()
    } else if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault()
      if (event.shiftKey) editor.commands.findPrevious()
      else editor.commands.findNext()
    }
  }

  return (
    <div className="find-bar" role="search" onKeyDown={onKeyDown}>
      <input
        ref={input}
        aria-label={t('find.query')}
        placeholder={t('find.query')}
        value={query}
        onChange={event => setQuery(event.target.value)}
      />
      <span className="find-count" data-testid="find-count">
        {query ? t('find.count', { current: search.count ? search.current + 1 : 0, count: search.count }) : ''}
      </span>
      <button type="button" onClick={() => editor.commands.findPrevious()} disabled={!search.count}>
        {t('find.previous')}
      </button>
      <button type="button" onClick={() => editor.commands.findNext()} disabled={!search.count}>
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
          <button type="button" onClick={() => editor.commands.replaceCurrent(replacement)} disabled={!search.count}>
            {t('find.replace')}
          </button>
          <button type="button" onClick={() => editor.commands.replaceAll(replacement)} disabled={!search.count}>
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
