import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { EditorContext } from '../app/extension-points'
import { decide, startComment, suggestionsAtSelection } from './review-actions'
import { useReviewStore } from './review-store'

/** Right-click in the text: 添加批注 on a selection, 接受/拒绝 on a suggestion; the browser's menu elsewhere. */
export function ReviewContextMenu(context: EditorContext) {
  const { editor } = context
  const { t } = useTranslation('review')
  const [, store] = useReviewStore(editor)
  const [menu, setMenu] = useState<{ x: number; y: number; ids: string[]; selection: boolean } | null>(null)

  useEffect(() => {
    const dom = editor.view.dom
    const onContextMenu = (event: MouseEvent) => {
      const selection = !editor.state.selection.empty
      if (!selection) {
        const hit = editor.view.posAtCoords({ left: event.clientX, top: event.clientY })
        if (hit) editor.commands.setTextSelection(hit.pos)
      }
      const ids = suggestionsAtSelection(editor)
      if (!selection && ids.length === 0) return
      event.preventDefault()
      setMenu({ x: event.clientX, y: event.clientY, ids, selection })
    }
    const close = () => setMenu(null)
    dom.addEventListener('contextmenu', onContextMenu)
    window.addEventListener('mousedown', close)
    window.addEventListener('blur', close)
    window.addEventListener('keydown', close)
    return () => {
      dom.removeEventListener('contextmenu', onContextMenu)
      window.removeEventListener('mousedown', close)
      window.removeEventListener('blur', close)
      window.removeEventListener('keydown', close)
    }
  }, [editor])

  if (!menu) return null
  const item = (id: string, label: string, run: () => void) => (
    <button
      type="button"
      role="menuitem"
      data-menu-item={id}
      onMouseDown={event => {
        event.preventDefault()
        event.stopPropagation()
        setMenu(null)
        run()
      }}
    >
      {label}
    </button>
  )
  return (
    <div className="menu-list context-menu" role="menu" style={{ position: 'fixed', left: menu.x, top: menu.y }}>
      {menu.selection && item('comment', t('addCommentMenu'), () => startComment(editor, store))}
      {menu.ids.length > 0 && item('accept', t('acceptHere'), () => decide(context, { ids: menu.ids }, 'accept'))}
      {menu.ids.length > 0 && item('reject', t('rejectHere'), () => decide(context, { ids: menu.ids }, 'reject'))}
    </div>
  )
}
