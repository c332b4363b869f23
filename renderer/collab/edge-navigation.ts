import { Extension } from '@tiptap/core'
import { Selection } from '@tiptap/pm/state'

export interface EdgeNavigationOptions {
  /** Called when an arrow key would leave the document: 'next' past its end, 'previous' before its start. */
  onEdge: (direction: 'next' | 'previous') => boolean
}

/** Arrow keys at the first or last position of one of a shared report's stacked editors move to its neighbour. */
export const EdgeNavigation = Extension.create<EdgeNavigationOptions>({
  name: 'edgeNavigation',
  addOptions() {
    return { onEdge: () => false }
  },
  addKeyboardShortcuts() {
    const atEnd = (vertical: boolean) => {
      const { state, view } = this.editor
      const { selection, doc } = state
      if (!selection.empty) return false
      if (vertical) return view.endOfTextblock('down') && selection.$head.after(1) >= doc.content.size
      return selection.head >= Selection.atEnd(doc).head
    }
    const atStart = (vertical: boolean) => {
      const { state, view } = this.editor
      const { selection, doc } = state
      if (!selection.empty) return false
      if (vertical) return view.endOfTextblock('up') && selection.$head.before(1) <= 0
      return selection.head <= Selection.atStart(doc).head
    }
    return {
      ArrowDown: () => atEnd(true) && this.options.onEdge('next'),
      ArrowRight: () => atEnd(false) && this.options.onEdge('next'),
      ArrowUp: () => atStart(true) && this.options.onEdge('previous'),
      ArrowLeft: () => atStart(false) && this.options.onEdge('previous'),
    }
  },
})
