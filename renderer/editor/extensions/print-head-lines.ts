import { Extension } from '@tiptap/core'
import type { Node as PmNode } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { headLineFitPt } from '../../../core/export/head-line-fit'
import { phraseBreaks } from '../../../core/export/print-html/head-lines'
import type { DocNode } from '../../../core/document-model'

const headTypes = new Set(['reportTitle', 'reportSubtitle'])
/** The head is at the top: look no further than this many blocks. */
const HEAD_BLOCKS = 6

function headDecorations(doc: PmNode): DecorationSet {
  const decorations: Decoration[] = []
  let pos = 0
  for (let index = 0; index < Math.min(HEAD_BLOCKS, doc.childCount); index++) {
    const node = doc.child(index)
    if (headTypes.has(node.type.name)) {
      node.forEach((child, offset) => {
        if (!child.isText) return
        for (const at of phraseBreaks(child.text ?? ''))
          decorations.push(Decoration.widget(pos + 1 + offset + at, () => document.createElement('wbr'), { side: -1 }))
      })
      const squeeze = node.type.name === 'reportSubtitle' ? headLineFitPt(node.toJSON() as DocNode) : null
      if (squeeze)
        decorations.push(Decoration.node(pos, pos + node.nodeSize, { style: `letter-spacing: ${squeeze}pt` }))
    }
    pos += node.nodeSize
  }
  return DecorationSet.create(doc, decorations)
}

function headNodes(doc: PmNode): PmNode[] {
  const nodes: PmNode[] = []
  for (let index = 0; index < Math.min(HEAD_BLOCKS, doc.childCount); index++) nodes.push(doc.child(index))
  return nodes
}

const key = new PluginKey<{ nodes: PmNode[]; decorations: DecorationSet }>('printHeadLines')

/**
 * The title and the subtitle break only between phrases, and an over-wide subtitle is set tight, as in both exports
 * (core/export/print-html/head-lines.ts, core/export/head-line-fit.ts): <wbr> widgets where the print has them and
 * the same letter spacing. Recomputed only when one of the first blocks changed.
 */
export const PrintHeadLines = Extension.create({
  name: 'printHeadLines',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key,
        state: {
          init: (_, state) => ({ nodes: headNodes(state.doc), decorations: headDecorations(state.doc) }),
          apply: (tr, value) => {
            if (!tr.docChanged) return value
            const nodes = headNodes(tr.doc)
            if (nodes.length === value.nodes.length && nodes.every((node, index) => node === value.nodes[index]))
              return { nodes, decorations: value.decorations.map(tr.mapping, tr.doc) }
            return { nodes, decorations: headDecorations(tr.doc) }
          },
        },
        props: { decorations: state => key.getState(state)?.decorations },
      }),
    ]
  },
})
