import type { Editor } from '@tiptap/core'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { CommandId } from '../../core/commands/command-table'
import type { HeadingLevel } from '../../core/document-model'
import { bindCommands } from './command-registry'
import { pastePlainText } from './paste-plain-text'
import { showError } from './shell-store'

type EditorCommand = (editor: Editor) => unknown

const heading =
  (level: HeadingLevel): EditorCommand =>
  editor =>
    editor.chain().focus().toggleReportHeading(level).run()

/** What the editing commands of core/commands/command-table.ts do to the open report. */
export const editorCommands: Partial<Record<CommandId, EditorCommand>> = {
  undo: editor => editor.chain().focus().undo().run(),
  redo: editor => editor.chain().focus().redo().run(),
  selectAll: editor => editor.chain().focus().selectAll().run(),
  paragraph: editor => editor.chain().focus().setParagraph().run(),
  heading1: heading(1),
  heading2: heading(2),
  heading3: heading(3),
  heading4: heading(4),
  runIn: editor => editor.chain().focus().toggleRunIn().run(),
  bold: editor => editor.chain().focus().toggleBold().run(),
  bulletList: editor => editor.chain().focus().toggleBulletList().run(),
  orderedList: editor => editor.chain().focus().toggleOrderedList().run(),
  insertTable: editor => editor.chain().focus().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
  addRow: editor => editor.chain().focus().addRowAfter().run(),
  deleteRow: editor => editor.chain().focus().deleteRow().run(),
  addColumn: editor => editor.chain().focus().addColumnAfter().run(),
  deleteColumn: editor => editor.chain().focus().deleteColumn().run(),
  deleteTable: editor => editor.chain().focus().deleteTable().run(),
  confirmReview: editor => editor.chain().focus().confirmReview().run(),
  confirmAllReview: editor => editor.chain().focus().confirmAllReview().run(),
}

/** Binds the editing commands to this editor while it is shown (over the shell's bindings). */
export function useEditorCommands(editor: Editor | null): void {
  const { t } = useTranslation()
  useEffect(() => {
    if (!editor) return
    const bound = Object.fromEntries(
      Object.entries(editorCommands).map(([id, run]) => [id, () => void run(editor)]),
    ) as Partial<Record<CommandId, () => void>>
    return bindCommands({
      ...bound,
      // Chromium cuts and copies a selection of the page itself when asked from a click.
      cut: () => {
        editor.view.focus()
        document.execCommand('cut')
      },
      copy: () => {
        editor.view.focus()
        document.execCommand('copy')
      },
      paste: () => void pastePlainText(editor, false).catch(() => showError(t('errors.clipboard'))),
      pastePlain: () => void pastePlainText(editor, true).catch(() => showError(t('errors.clipboard'))),
    })
  }, [editor, t])
}
