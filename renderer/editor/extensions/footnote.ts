import { Node, mergeAttributes } from '@tiptap/core'
import type { Node as PmNode, Slice } from '@tiptap/pm/model'
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { ReplaceAroundStep, ReplaceStep } from '@tiptap/pm/transform'
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

interface FootnoteNumbers {
  count: number
  decorations: DecorationSet
}

/** Each footnote's number in reading order (as both exports number them) as its `data-number`, which the CSS shows. */
function footnoteNumbers(doc: PmNode): FootnoteNumbers {
  const decorations: Decoration[] = []
  doc.descendants((node, pos) => {
    if (node.type.name !== 'footnote') return true
    decorations.push(Decoration.node(pos, pos + node.nodeSize, { 'data-number': String(decorations.length + 1) }))
    return false
  })
  return { count: decorations.length, decorations: DecorationSet.create(doc, decorations) }
}

function sliceHasFootnote(slice: Slice): boolean {
  let found = false
  slice.content.descendants(node => {
    if (node.type.name === 'footnote') found = true
    return !found
  })
  return found
}

/**
 * The numbers after a transaction without a pass over the report when no footnote can have come or gone: with
 * none, a change that brings none keeps none; with some, pure insertions without footnotes keep their order.
 */
function nextFootnoteNumbers(tr: Transaction, before: FootnoteNumbers): FootnoteNumbers {
  if (!tr.docChanged) return before
  const bringsNone = tr.steps.every(
    step => !(step instanceof ReplaceStep || step instanceof ReplaceAroundStep) || !sliceHasFootnote(step.slice),
  )
  if (before.count === 0 && bringsNone) return before
  const insertsOnly = tr.steps.every(step => step instanceof ReplaceStep && step.from === step.to)
  if (bringsNone && insertsOnly) return { count: before.count, decorations: before.decorations.map(tr.mapping, tr.doc) }
  return footnoteNumbers(tr.doc)
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
    const key = new PluginKey<FootnoteNumbers>('footnoteNumbers')
    return [
      new Plugin<FootnoteNumbers>({
        key,
        state: {
          init: (_, state) => footnoteNumbers(state.doc),
          apply: nextFootnoteNumbers,
        },
        props: { decorations: state => key.getState(state)?.decorations },
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
