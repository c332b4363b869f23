import { useEditorState } from '@tiptap/react'
import { useTranslation } from 'react-i18next'
import { collectReviewMarks } from '../../core/review/collect-review-marks'
import type { EditorContext } from '../app/extension-points'
import { decide, jumpToNext, startComment, suggestionsAtSelection } from './review-actions'
import { ReviewDialogs } from './ReviewDialogs'
import { useReviewStore } from './review-store'
import { MenuButton, type MenuItem } from './MenuButton'
import { docJson } from '../editor/doc-json'

/** 审阅 in the toolbar: comment, suggestion mode, previous/next, accept and reject, and the round's dialogs. */
export function ReviewToolbar(context: EditorContext) {
  const { editor } = context
  const { t } = useTranslation('review')
  const [, store] = useReviewStore(editor)
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      suggesting: current.storage.suggestion.enabled,
      hasSelection: !current.state.selection.empty,
      here: suggestionsAtSelection(current).length,
    }),
  })
  const authors = () => [
    ...new Set(collectReviewMarks(docJson(editor.state.doc)).suggestions.map(each => each.author || t('anonymous'))),
  ]
  const run = (count: number) => {
    if (count === 0) context.showError(t('nothingToDecide'))
  }
  const decisionItems = (action: 'accept' | 'reject'): MenuItem[] => [
    {
      id: `${action}-here`,
      label: t(action === 'accept' ? 'acceptHere' : 'rejectHere'),
      disabled: state.here === 0,
      run: () => run(decide(context, { ids: suggestionsAtSelection(editor) }, action)),
    },
    {
      id: `${action}-all`,
      label: t(action === 'accept' ? 'acceptAll' : 'rejectAll'),
      run: () => run(decide(context, { all: true }, action)),
    },
    ...authors().map(author => ({
      id: `${action}-author-${author}`,
      label: t(action === 'accept' ? 'acceptAuthor' : 'rejectAuthor', { author }),
      run: () => run(decide(context, { author: author === t('anonymous') ? '' : author }, action)),
    })),
  ]
  const button = (
    id: string,
    label: string,
    onClick: () => void,
    options: { active?: boolean; disabled?: boolean; shortcut?: string } = {},
  ) => (
    <button
      type="button"
      data-command={id}
      className={options.active ? 'active' : undefined}
      aria-pressed={options.active}
      disabled={options.disabled}
      title={options.shortcut ? `${label} (${options.shortcut})` : label}
      onMouseDown={event => event.preventDefault()}
      onClick={onClick}
    >
      {label}
    </button>
  )
  return (
    <div className="group review-group" role="group" aria-label={t('groupLabel')}>
      {button('comment', t('comment'), () => startComment(editor, store) || context.showError(t('selectFirst')), {
        disabled: !state.hasSelection,
        shortcut: 'Ctrl+Alt+M',
      })}
      {button(
        'suggesting',
        t('suggesting'),
        () => {
          editor.commands.toggleSuggesting()
          editor.commands.focus()
        },
        { active: state.suggesting, shortcut: 'Ctrl+Shift+E' },
      )}
      {button('previousChange', '◀', () => jumpToNext(editor, store, -1))}
      {button('nextChange', '▶', () => jumpToNext(editor, store, 1))}
      {/* Given when the menu opens: the per-author entries read every suggestion of the report. */}
      <MenuButton id="accept" label={t('accept')} items={() => decisionItems('accept')} />
      <MenuButton id="reject" label={t('reject')} items={() => decisionItems('reject')} />
      <MenuButton
        id="reviewRound"
        label={t('round')}
        items={[
          { id: 'panel', label: t('openPanel'), run: () => context.openSideTab('review') },
          { id: 'importFeedback', label: t('importFeedback'), run: () => store.set({ dialog: 'import' }) },
          { id: 'send', label: t('send'), run: () => store.set({ dialog: 'send' }) },
          { id: 'table', label: t('exportTable'), run: () => void exportTable(context, t) },
          { id: 'name', label: t('changeName'), run: () => store.set({ dialog: 'name' }) },
        ]}
      />
      <ReviewDialogs {...context} />
    </div>
  )
}

async function exportTable(
  context: EditorContext,
  t: (key: string, options?: Record<string, unknown>) => string,
): Promise<void> {
  try {
    const result = await window.api.exportReviewTable({ report: context.report(), path: null })
    if (!result.ok) context.showError(result.message)
  } catch {
    context.showError(t('connection'))
  }
}
