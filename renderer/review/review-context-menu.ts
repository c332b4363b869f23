import i18n from 'i18next'
import type { ContextMenuItem, EditorContext } from '../app/extension-points'
import { decide, startComment, suggestionsAtSelection } from './review-actions'
import { reviewStoreOf } from './review-store'

/** The review entries of the editor's right-click menu: 添加批注 on a selection, 接受/拒绝 on a suggestion. */
export function reviewContextMenuItems(context: EditorContext): ContextMenuItem[] {
  const { editor } = context
  const t = i18n.getFixedT(null, 'review')
  const ids = suggestionsAtSelection(editor)
  const items: ContextMenuItem[] = [
    {
      id: 'comment',
      label: t('addCommentMenu'),
      disabled: editor.state.selection.empty,
      run: () => startComment(editor, reviewStoreOf(editor)),
    },
  ]
  if (ids.length > 0)
    items.push(
      { id: 'accept', label: t('acceptHere'), run: () => decide(context, { ids }, 'accept') },
      { id: 'reject', label: t('rejectHere'), run: () => decide(context, { ids }, 'reject') },
    )
  return items
}
