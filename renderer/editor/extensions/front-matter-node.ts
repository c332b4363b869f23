import { Node, mergeAttributes } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'
import { reportNodeSpecs } from '../../../core/editor-schema/report-schema-spec'

export interface FrontMatterNodeOptions {
  /**
   * Extra HTML attributes on the rendered element.
   * @default {}
   */
  HTMLAttributes: Record<string, unknown>
}

/**
 * Front matter lines (title, subtitle, speaker line, salutation) share one shape: a centred or
 * left-aligned textblock identified by `data-type`. Enter at the end leaves the node for a body
 * paragraph instead of splitting it into a second title.
 */
export function createFrontMatterNode(
  name: string,
  dataType: string,
  options: { allowBreaks: boolean; tag: string; printClass: string },
) {
  return Node.create<FrontMatterNodeOptions>({
    name,
    // inline* everywhere: imported or generated front matter may carry a hard break in any of these lines.
    ...reportNodeSpecs.reportTitle,

    addOptions() {
      return { HTMLAttributes: {} }
    },

    parseHTML() {
      return [{ tag: `${options.tag}[data-type="${dataType}"]`, priority: 60 }]
    },

    renderHTML({ HTMLAttributes }) {
      return [
        options.tag,
        mergeAttributes(this.options.HTMLAttributes, HTMLAttributes, {
          'data-type': dataType,
          // The print style sheet's class (core/export/print-html/print-css.ts) styles it on screen too.
          class: `front-${dataType} ${options.printClass}`,
        }),
        0,
      ]
    },

    addKeyboardShortcuts() {
      return {
        Enter: () => {
          const { state } = this.editor
          const { $from, empty } = state.selection
          if (!empty || $from.parent.type.name !== name) return false
          if (options.allowBreaks && $from.parentOffset < $from.parent.content.size) {
            return this.editor.commands.setHardBreak()
          }
          const after = $from.after()
          const next = state.doc.resolve(after).nodeAfter
          return this.editor.commands.command(({ tr, dispatch }) => {
            if (!dispatch) return true
            if (next && next.type.name === 'paragraph' && next.content.size === 0) {
              tr.setSelection(TextSelection.create(tr.doc, after + 1))
            } else {
              tr.insert(after, state.schema.nodes.paragraph!.create())
              tr.setSelection(TextSelection.create(tr.doc, after + 1))
            }
            dispatch(tr.scrollIntoView())
            return true
          })
        },
      }
    },
  })
}
