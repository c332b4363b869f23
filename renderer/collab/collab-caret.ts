import { Extension } from '@tiptap/core'
import { yCursorPlugin } from '@tiptap/y-tiptap'
import type { Awareness } from 'y-protocols/awareness'
import { RootAwareness, cursorField } from './root-awareness'

export interface CollabCaretOptions {
  awareness: Awareness | null
  root: string
}

/** A stable colour per name (the server fills in the names; every client then paints a person the same). */
export function colourOf(name: string): string {
  const palette = ['#d9480f', '#1971c2', '#2b8a3e', '#ae3ec9', '#e67700', '#0c8599', '#c2255c', '#5f3dc4']
  let hash = 0
  for (const char of name) hash = (hash * 31 + char.codePointAt(0)!) >>> 0
  return palette[hash % palette.length]!
}

function caret(user: { name?: string }): HTMLElement {
  const name = user.name ?? ''
  const colour = colourOf(name)
  const cursor = document.createElement('span')
  cursor.className = 'collab-caret'
  cursor.style.borderColor = colour
  const label = document.createElement('span')
  label.className = 'collab-caret-label'
  label.style.backgroundColor = colour
  label.textContent = name
  cursor.append(label)
  return cursor
}

/**
 * Coloured carets with names of the others in this editor's root (what @tiptap/extension-collaboration-caret does,
 * whose releases lag behind @tiptap/core 3.32; it is this same plugin of y-tiptap with a cursor field per root).
 */
export const CollabCaret = Extension.create<CollabCaretOptions>({
  name: 'collabCaret',
  addOptions() {
    return { awareness: null, root: 'default' }
  },
  addProseMirrorPlugins() {
    const { awareness, root } = this.options
    if (!awareness) return []
    const view = new RootAwareness(awareness, cursorField(root)) as unknown as Awareness
    return [
      yCursorPlugin(view, {
        cursorBuilder: caret,
        selectionBuilder: (user: { name?: string }) => ({
          style: `background-color: ${colourOf(user.name ?? '')}33`,
          class: 'collab-selection',
        }),
      }),
    ]
  },
})
