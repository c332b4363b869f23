import type { Editor } from '@tiptap/core'
import type { Node as PmNode } from '@tiptap/pm/model'
import { useEditorState } from '@tiptap/react'
import type { CommandFacts } from './command-registry'

// Whether a document holds figures to confirm, kept per document version (a keystroke makes a new one).
const reviewCache = new WeakMap<PmNode, boolean>()

function hasFiguresToConfirm(editor: Editor): boolean {
  const { doc, schema } = editor.state
  let found = reviewCache.get(doc)
  if (found === undefined) {
    const type = schema.marks.needsReview
    found = type ? doc.rangeHasMark(0, doc.content.size, type) : false
    reviewCache.set(doc, found)
  }
  return found
}

export interface EditorFacts extends CommandFacts {
  bold: boolean
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
      anyReview: hasFiguresToConfirm(current),
      bold: current.isActive('bold'),
      level: current.isActive('heading') ? (current.getAttributes('heading').level as number) : 0,
      runIn: current.isActive('heading', { runIn: true }),
      bullet: current.isActive('bulletList'),
      ordered: current.isActive('orderedList'),
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
    }),
  })
}
