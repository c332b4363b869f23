import { Node, mergeAttributes } from '@tiptap/core'
import type { Node as PmNode } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { reportNodeSpecs } from '../../../core/editor-schema/report-schema-spec'

const spec = reportNodeSpecs.footnote

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    footnote: {
      /** Inserts a footnote holding `text` at the cursor. */
      insertFootnote: (text: string) => ReturnType
    }
  }
}

/** Each footnote's number in reading order (as both exports number them) as its `data-number`, which the CSS shows. */
function footnoteNumbers(doc: PmNode): DecorationSet {
  const decorations: Decoration[] = []
  doc.descendants((node, pos) => {
    if (node.type.name !== 'footnote') return true
    decorations.push(Decoration.node(pos, pos + node.nodeSize, { 'data-number': String(decorations.length + 1) }))
    return false
  })
  return DecorationSet.create(doc, decorations)
}

/**
 * A footnote (core NodeType.footnote): an inline atom shown as its number, raised, in reading order; its text is
 * the tooltip and `data-text`.
 */
export const Footnote = Node.create({
  name: 'footnote',
  group: spec.group,
  inline: spec.inline,
  atom: spec.atom,
  selectable: spec.selectable,

  addAttributes() {
    return {
      text: {
        default: spec.attrs.text.default,
        parseHTML: element => element.getAttribute('data-text') ?? '',
        renderHTML: attributes => ({
          'data-text': String(attributes.text ?? ''),
          title: String(attributes.text ?? ''),
        }),
      },
    }
  },

  parseHTML() {
    // before the superscript mark's `sup` rule (mark rules are tried first at equal priority)
    return [{ tag: 'sup[data-footnote]', priority: 60 }]
  },

  renderHTML({ HTMLAttributes }) {
    return ['sup', mergeAttributes(HTMLAttributes, { 'data-footnote': '', class: 'footnote' })]
  },

  renderText() {
    return ''
  },

  addProseMirrorPlugins() {
    const key = new PluginKey<DecorationSet>('footnoteNumbers')
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_, state) => footnoteNumbers(state.doc),
          apply: (tr, numbers) => (tr.docChanged ? footnoteNumbers(tr.doc) : numbers),
        },
        props: { decorations: state => key.getState(state) },
      }),
    ]
  },

  addCommands() {
    return {
      insertFootnote:
        text =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { text } }),
    }
  },
})
