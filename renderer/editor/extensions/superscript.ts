import { Mark, mergeAttributes } from '@tiptap/core'
import type { StyleParseRule } from '@tiptap/pm/model'
import { reportMarkSpecs } from '../../../core/editor-schema/report-schema-spec'

const spec = reportMarkSpecs.superscript

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    superscript: {
      /** Toggles the superscript mark on the selection. */
      toggleSuperscript: () => ReturnType
    }
  }
}

/**
 * TipTap's Superscript mark (@tiptap/extension-superscript) as our own: the package is not published for the TipTap
 * version the editor uses (3.32.2; its last release pins @tiptap/core 3.31.3), and the mark is these few lines.
 * Parses `<sup>` and `vertical-align: super` (Word and WPS paste), renders `<sup>`.
 */
export const Superscript = Mark.create({
  name: 'superscript',
  excludes: spec.excludes,

  parseHTML() {
    return [
      { tag: 'sup' },
      {
        style: 'vertical-align',
        getAttrs: value => (value === 'super' ? null : false),
      } as StyleParseRule,
    ]
  },

  renderHTML({ HTMLAttributes }) {
    return ['sup', mergeAttributes(HTMLAttributes), 0]
  },

  addCommands() {
    return {
      toggleSuperscript:
        () =>
        ({ commands }) =>
          commands.toggleMark(this.name),
    }
  },

  addKeyboardShortcuts() {
    return { 'Mod-.': () => this.editor.commands.toggleSuperscript() }
  },
})
