import { Mark, mergeAttributes } from '@tiptap/core'
import type { StyleParseRule } from '@tiptap/pm/model'
import { reportMarkSpecs } from '../../../core/editor-schema/report-schema-spec'

const spec = reportMarkSpecs.subscript

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    subscript: {
      /** Toggles the subscript mark on the selection. */
      toggleSubscript: () => ReturnType
    }
  }
}

/**
 * TipTap's Subscript mark (@tiptap/extension-subscript) as our own: the package is not published for the TipTap
 * version the editor uses (3.32.2; its last release pins @tiptap/core 3.31.3), and the mark is these few lines.
 * Parses `<sub>` and `vertical-align: sub` (Word and WPS paste), renders `<sub>`.
 */
export const Subscript = Mark.create({
  name: 'subscript',
  excludes: spec.excludes,

  parseHTML() {
    return [
      { tag: 'sub' },
      {
        style: 'vertical-align',
        getAttrs: value => (value === 'sub' ? null : false),
      } as StyleParseRule,
    ]
  },

  renderHTML({ HTMLAttributes }) {
    return ['sub', mergeAttributes(HTMLAttributes), 0]
  },

  addCommands() {
    return {
      toggleSubscript:
        () =>
        ({ commands }) =>
          commands.toggleMark(this.name),
    }
  },

  addKeyboardShortcuts() {
    return { 'Mod-,': () => this.editor.commands.toggleSubscript() }
  },
})
