import type { Editor } from '@tiptap/core'
import { NodeSelection } from '@tiptap/pm/state'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { bindCommands } from './command-registry'
import { DialogFrame } from './DialogFrame'

/** The footnote being written: a new one at the cursor, or the one at `pos`. */
interface Target {
  pos: number | null
  text: string
}

function selectedFootnote(editor: Editor): Target | null {
  const { selection } = editor.state
  if (!(selection instanceof NodeSelection) || selection.node.type.name !== 'footnote') return null
  return { pos: selection.from, text: String(selection.node.attrs.text ?? '') }
}

/**
 * The footnote's text: Insert footnote (Ctrl+Alt+F) asks for it; a click on a footnote's number, or Enter on a
 * selected footnote, edits it in one undo step; an emptied note is removed after asking.
 */
export function FootnoteDialog({ editor }: { editor: Editor }) {
  const { t } = useTranslation()
  const [target, setTarget] = useState<Target | null>(null)
  const [text, setText] = useState('')
  const [confirmRemove, setConfirmRemove] = useState(false)

  useEffect(() => {
    const open = (next: Target) => {
      setTarget(next)
      setText(next.text)
      setConfirmRemove(false)
    }
    const unbind = bindCommands({ insertFootnote: () => open(selectedFootnote(editor) ?? { pos: null, text: '' }) })
    const dom = editor.view.dom
    const onClick = (event: MouseEvent) => {
      const sup = (event.target as Element | null)?.closest?.('sup.footnote')
      if (!sup) return
      const pos = editor.view.posAtDOM(sup, 0)
      const node = editor.state.doc.nodeAt(pos)
      if (node?.type.name !== 'footnote') return
      editor.commands.setNodeSelection(pos)
      open({ pos, text: String(node.attrs.text ?? '') })
    }
    // Capture: ProseMirror's own Enter (split the paragraph) must not replace the selected note.
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' || event.shiftKey || event.ctrlKey || event.altKey || event.metaKey) return
      const note = selectedFootnote(editor)
      if (!note) return
      event.preventDefault()
      event.stopImmediatePropagation()
      open(note)
    }
    dom.addEventListener('click', onClick)
    dom.addEventListener('keydown', onKey, true)
    return () => {
      unbind()
      dom.removeEventListener('click', onClick)
      dom.removeEventListener('keydown', onKey, true)
    }
  }, [editor])

  if (!target) return null
  const close = () => {
    setTarget(null)
    editor.view.focus()
  }
  const remove = () => {
    if (target.pos !== null) editor.chain().focus().setNodeSelection(target.pos).deleteSelection().run()
    close()
  }
  const submit = () => {
    const value = text.trim()
    if (target.pos === null) {
      if (value) editor.chain().focus().insertFootnote(value).run()
      close()
    } else if (!value) setConfirmRemove(true)
    else {
      const { pos } = target
      editor
        .chain()
        .focus()
        .command(({ tr }) => {
          tr.setNodeAttribute(pos, 'text', value)
          return true
        })
        .setNodeSelection(pos)
        .run()
      close()
    }
  }

  if (confirmRemove)
    return (
      <DialogFrame
        title={t('footnote.removeTitle')}
        description={t('footnote.removeDescription')}
        onClose={() => setConfirmRemove(false)}
        data-testid="footnote-remove-dialog"
      >
        <div className="dialog-buttons">
          <button type="button" onClick={() => setConfirmRemove(false)}>
            {t('common.cancel')}
          </button>
          <button type="button" className="primary" onClick={remove}>
            {t('footnote.remove')}
          </button>
        </div>
      </DialogFrame>
    )
  return (
    <DialogFrame
      title={target.pos === null ? t('footnote.insertTitle') : t('footnote.editTitle')}
      description={t('footnote.description')}
      onClose={close}
      className="footnote-dialog"
      data-testid="footnote-dialog"
    >
      <form
        onSubmit={event => {
          event.preventDefault()
          submit()
        }}
      >
        <label>
          <span>{t('footnote.text')}</span>
          <textarea
            autoFocus
            rows={3}
            value={text}
            data-testid="footnote-text"
            onChange={event => setText(event.target.value)}
            onKeyDown={event => {
              // Enter confirms, as in the other one-field dialogs; Shift+Enter is not a line: a note is one paragraph.
              if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
                event.preventDefault()
                submit()
              }
            }}
          />
        </label>
        <div className="dialog-buttons">
          <button type="button" onClick={close}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={target.pos === null && !text.trim()}>
            {t('footnote.ok')}
          </button>
        </div>
      </form>
    </DialogFrame>
  )
}
