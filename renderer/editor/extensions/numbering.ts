import { Extension } from '@tiptap/core'
import type { Node as PmNode } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { markerDepth, markerText } from '../../../core/numbering'
import type { NumberingScheme } from '../../../core/numbering'
import { headingLevel } from '../../../core/report-language/heading-level'

export interface NumberingOptions {
  /**
   * Numbering scheme of the report (`report.meta.numbering`).
   * @default 'numbered'
   */
  scheme: NumberingScheme
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    numbering: {
      setNumberingScheme: (scheme: NumberingScheme) => ReturnType
    }
  }
}

export const numberingKey = new PluginKey<{ scheme: NumberingScheme; decorations: DecorationSet }>('numbering')

/**
 * Headings are siblings at the top level, so one pass over the doc's children gives every marker.
 * The marker is a node decoration (`data-marker`, shown by CSS ::before): no widget DOM inside the
 * editable text, so the cursor and IME composition never meet it.
 */
export function numberingDecorations(doc: PmNode, scheme: NumberingScheme): DecorationSet {
  const counters = [0, 0, 0, 0, 0]
  const decorations: Decoration[] = []
  doc.forEach((node, offset) => {
    if (node.type.name !== 'heading') return
    const level = headingLevel(node)
    counters[level]! += 1
    for (let deeper = level + 1; deeper <= 4; deeper++) counters[deeper] = 0
    const marker = markerText(markerDepth(scheme, level), counters[level]!)
    decorations.push(Decoration.node(offset, offset + node.nodeSize, { 'data-marker': marker }))
  })
  return DecorationSet.create(doc, decorations)
}

export const Numbering = Extension.create<NumberingOptions>({
  name: 'numbering',

  addOptions() {
    return { scheme: 'numbered' }
  },

  addCommands() {
    return {
      setNumberingScheme:
        scheme =>
        ({ tr, dispatch }) => {
          if (dispatch) dispatch(tr.setMeta(numberingKey, scheme))
          return true
        },
    }
  },

  addProseMirrorPlugins() {
    const initialScheme = this.options.scheme
    return [
      new Plugin({
        key: numberingKey,
        state: {
          init: (_, state) => ({ scheme: initialScheme, decorations: numberingDecorations(state.doc, initialScheme) }),
          apply: (tr, value, _old, state) => {
            const scheme = (tr.getMeta(numberingKey) as NumberingScheme | undefined) ?? value.scheme
            if (!tr.docChanged && scheme === value.scheme) return value
            if (!tr.docChanged || scheme !== value.scheme || touchesHeadings(tr.doc, tr.before, tr.steps.length)) {
              return { scheme, decorations: numberingDecorations(state.doc, scheme) }
            }
            return { scheme, decorations: value.decorations.map(tr.mapping, tr.doc) }
          },
        },
        props: {
          decorations: state => numberingKey.getState(state)?.decorations,
        },
      }),
    ]
  },
})

/**
 * Typing inside a paragraph leaves the heading sequence alone: only recount when the top-level node count or kinds
 * change, or a heading's attributes do (a level, or setNodeMarkup — run-in, 确认编号, 已完成 on a promise — which replaces the node and so
 * drops its decoration on mapping; typing in a heading keeps the attrs object).
 */
function touchesHeadings(after: PmNode, before: PmNode, steps: number): boolean {
  if (steps === 0) return false
  if (after.childCount !== before.childCount) return true
  for (let index = 0; index < after.childCount; index++) {
    const a = after.child(index)
    const b = before.child(index)
    if (a.type !== b.type) return true
    if (a.type.name === 'heading' && a.attrs !== b.attrs) return true
  }
  return false
}
