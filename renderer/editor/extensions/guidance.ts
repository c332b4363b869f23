import { Node, mergeAttributes } from '@tiptap/core'
import type { Editor } from '@tiptap/core'
import { NodeSelection, Plugin, PluginKey, TextSelection } from '@tiptap/pm/state'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import { reportNodeSpecs } from '../../../core/editor-schema/report-schema-spec'

const spec = reportNodeSpecs.guidance

export interface GuidanceOptions {
  /**
   * Label of the replace button in the placeholder (already translated).
   * @default '替换'
   */
  replaceLabel: string
}

export interface GuidanceStorage {
  /** Current label of the replace buttons (follows the UI language; see setGuidanceReplaceLabel). */
  replaceLabel: string
}

declare module '@tiptap/core' {
  interface Storage {
    guidance: GuidanceStorage
  }
  interface Commands<ReturnType> {
    guidance: {
      /** Replaces the placeholder at `pos` (default: the selected one) with a paragraph holding `text`. */
      replaceGuidance: (pos?: number, text?: string) => ReturnType
    }
  }
}

/** Replaces the guidance node at `pos` with a paragraph (holding `text`) and puts the cursor at its end. */
export function replaceGuidanceAt(state: EditorState, tr: Transaction, pos: number, text = ''): boolean {
  const node = tr.doc.nodeAt(pos)
  if (!node || node.type.name !== 'guidance') return false
  const paragraph = state.schema.nodes.paragraph!.create(null, text ? state.schema.text(text) : null)
  tr.replaceWith(pos, pos + node.nodeSize, paragraph)
  tr.setSelection(TextSelection.create(tr.doc, pos + 1 + text.length))
  return true
}

/** Relabels every replace button, and those created later, without a transaction (a language switch is no edit). */
export function setGuidanceReplaceLabel(editor: Editor, label: string): void {
  const storage = editor.storage.guidance
  if (!storage || storage.replaceLabel === label) return
  storage.replaceLabel = label
  if (editor.isDestroyed) return
  for (const button of editor.view.dom.querySelectorAll('.guidance-replace')) button.textContent = label
}

function selectedGuidance(state: EditorState): number | null {
  const selection = state.selection
  if (selection instanceof NodeSelection && selection.node.type.name === 'guidance') return selection.from
  return null
}

/**
 * Template guidance: an atom block showing greyed prompt text (attrs.text). Typing or Enter while it
 * is selected, or the replace button, turns it into an ordinary paragraph.
 */
export const Guidance = Node.create<GuidanceOptions>({
  name: 'guidance',
  group: spec.group,
  atom: spec.atom,
  selectable: spec.selectable,
  draggable: spec.draggable,

  addOptions() {
    return { replaceLabel: '替换' }
  },

  addStorage() {
    return { replaceLabel: this.options.replaceLabel }
  },

  addAttributes() {
    return {
      text: {
        default: spec.attrs.text.default,
        parseHTML: element => element.getAttribute('data-text') ?? element.textContent ?? '',
        renderHTML: attributes => ({ 'data-text': attributes.text }),
      },
    }
  },

  parseHTML() {
    return [{ tag: 'div[data-type="guidance"]' }]
  },

  renderHTML({ node, HTMLAttributes }) {
    return [
      'div',
      mergeAttributes(HTMLAttributes, { 'data-type': 'guidance', class: 'guidance' }),
      String(node.attrs.text ?? ''),
    ]
  },

  addNodeView() {
    return ({ node, getPos, editor }) => {
      const dom = document.createElement('div')
      dom.className = 'guidance'
      dom.setAttribute('data-type', 'guidance')
      dom.contentEditable = 'false'
      const prompt = document.createElement('span')
      prompt.className = 'guidance-text'
      prompt.textContent = String(node.attrs.text ?? '')
      // The page view shows the note as a chip in the margin: its whole text on pointing at it.
      dom.title = prompt.textContent
      const button = document.createElement('button')
      button.type = 'button'
      button.className = 'guidance-replace'
      button.textContent = editor.storage.guidance.replaceLabel
      button.addEventListener('mousedown', event => event.preventDefault())
      button.addEventListener('click', () => {
        const pos = getPos()
        if (typeof pos === 'number') editor.chain().focus().replaceGuidance(pos).run()
      })
      dom.append(prompt, button)
      return {
        dom,
        update: updated => {
          if (updated.type.name !== 'guidance') return false
          prompt.textContent = String(updated.attrs.text ?? '')
          dom.title = prompt.textContent
          return true
        },
        selectNode: () => dom.classList.add('selected'),
        deselectNode: () => dom.classList.remove('selected'),
        stopEvent: event => event.target === button,
        ignoreMutation: () => true,
      }
    }
  },

  addCommands() {
    return {
      replaceGuidance:
        (pos, text = '') =>
        ({ state, tr, dispatch }) => {
          const at = pos ?? selectedGuidance(state)
          if (at === null) return false
          if (!dispatch) return state.doc.nodeAt(at)?.type.name === 'guidance'
          if (!replaceGuidanceAt(state, tr, at, text)) return false
          dispatch(tr.scrollIntoView())
          return true
        },
    }
  },

  addKeyboardShortcuts() {
    return {
      Enter: () => (selectedGuidance(this.editor.state) === null ? false : this.editor.commands.replaceGuidance()),
    }
  },

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('guidanceTyping'),
        props: {
          handleTextInput: (view, _from, _to, text) => {
            const at = selectedGuidance(view.state)
            if (at === null) return false
            const tr = view.state.tr
            if (!replaceGuidanceAt(view.state, tr, at, text)) return false
            view.dispatch(tr.scrollIntoView())
            return true
          },
          handleDOMEvents: {
            // An IME composition cannot start on an atom: turn the placeholder into a paragraph first so
            // the composed text lands in it (once).
            compositionstart: view => {
              const at = selectedGuidance(view.state)
              if (at === null) return false
              const tr = view.state.tr
              if (replaceGuidanceAt(view.state, tr, at)) view.dispatch(tr)
              return false
            },
          },
        },
      }),
    ]
  },
})
