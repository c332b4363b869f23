import { Extension } from '@tiptap/core'
import type { Node as PmNode } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type { DocNode } from '../../../core/document-model'
import { isNumberCell } from '../../../core/layout/table-columns'

/** Body cells (not header cells) that hold a number alone get `class="num"`, as the print HTML sets it. */
function numberCells(doc: PmNode): DecorationSet {
  const decorations: Decoration[] = []
  doc.descendants((node, pos) => {
    if (node.type.name === 'tableCell') {
      if (isNumberCell(node.toJSON() as DocNode))
        decorations.push(Decoration.node(pos, pos + node.nodeSize, { class: 'num' }))
      return false
    }
    // Only containers can hold a table: no need to enter text blocks.
    return !node.isTextblock
  })
  return DecorationSet.create(doc, decorations)
}

const key = new PluginKey<DecorationSet>('numberCells')

/**
 * A table cell holding a number alone is set right-aligned in the PDF and the DOCX (core/layout/table-columns.ts
 * isNumberCell; the print HTML marks it `td.num`). The editor marks the same cells with the same class through node
 * decorations (kept up to date as the cell's text changes), so the print style sheet's `td.num .cell` rule, scoped
 * by editor-print-css.ts, sets them alike.
 */
export const NumberCells = Extension.create({
  name: 'numberCells',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_, state) => numberCells(state.doc),
          apply: (transaction, previous) => (transaction.docChanged ? numberCells(transaction.doc) : previous),
        },
        props: {
          decorations: state => key.getState(state),
        },
      }),
    ]
  },
})
