import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { hasFiguresToConfirm } from '../editor/extensions/needs-review'
import type { CommandFacts } from './command-registry'

export interface EditorFacts extends CommandFacts {
  bold: boolean
  superscript: boolean
  subscript: boolean
  level: number
  runIn: boolean
  bullet: boolean
  ordered: boolean
  canUndo: boolean
  canRedo: boolean
}

/** Where the cursor is and what it is on, for the toolbar's and the right-click menu's enabled and active states. */
export function useCommandFacts(editor: Editor): EditorFacts {
  return useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      report: true,
      selection: !current.state.selection.empty,
      heading: current.isActive('heading'),
      table: current.isActive('table'),
      review: current.isActive('needsReview'),
      anyReview: hasFiguresToConfirm(current.state),
      bold: current.isActive('bold'),
      superscript: current.isActive('superscript'),
      subscript: current.isActive('subscript'),
      level: current.isActive('heading') ? (current.getAttributes('heading').level as number) : 0,
      runIn: current.isActive('heading', { runIn: true }),
      bullet: current.isActive('bulletList'),
      ordered: current.isActive('orderedList'),
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
    }),
  })
}
