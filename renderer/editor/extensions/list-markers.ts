import { Extension } from '@tiptap/core'
import type { Node as PmNode } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { reportNodeSpecs } from '../../../core/editor-schema/report-schema-spec'
import { listItemMarker, listMarkerPattern } from '../../../core/list-numbering'

/** Nodes a list can stand in; the walk never enters paragraphs or headings. */
const containers = new Set(['doc', 'table', 'tableRow', 'tableCell', 'tableHeader', 'bulletList', 'listItem'])

/** Each ordered list item's marker (`3.`, `（二）`, `①`) as its `data-marker`, which the CSS shows as the marker. */
function orderedMarkers(doc: PmNode): DecorationSet {
  const decorations: Decoration[] = []
  const visit = (node: PmNode, pos: number, level: number): void => {
    node.forEach((child, offset) => {
      const at = pos + offset
      if (child.type.name === 'orderedList') {
        child.forEach((item, itemOffset, index) => {
          const from = at + 1 + itemOffset
          const marker = listItemMarker(child.attrs, level, index)
          decorations.push(Decoration.node(from, from + item.nodeSize, { 'data-marker': marker }))
          // the item's first paragraph shows the marker in its first line, as both exports print it
          const first = item.firstChild
          if (first?.isTextblock)
            decorations.push(
              Decoration.node(from + 1, from + 1 + first.nodeSize, { 'data-marker': marker, class: 'list-first' }),
            )
          visit(item, from + 1, Math.min(level + 1, 3))
        })
      } else if (child.type.name === 'bulletList') {
        child.forEach((item, itemOffset) => visit(item, at + 1 + itemOffset + 1, Math.min(level + 1, 3)))
      } else if (containers.has(child.type.name)) {
        visit(child, at + 1, child.type.name === 'tableCell' || child.type.name === 'tableHeader' ? 0 : level)
      }
    })
  }
  visit(doc, 0, 0)
  return DecorationSet.create(doc, decorations)
}

/**
 * Ordered lists print the numbers both exports print (core/list-numbering.ts): the list's own format and marker as
 * imported (`marker`, a `data-marker` attribute in HTML, so copy and paste keep it), its start, the level's default
 * otherwise. The markers are node decorations on the items and their first paragraphs; the CSS (page.css) shows
 * them at the start of that paragraph's first line, indented as the PDF and the DOCX print them.
 */
export const ListMarkers = Extension.create({
  name: 'listMarkers',

  addGlobalAttributes() {
    return [
      {
        types: ['orderedList'],
        attributes: {
          marker: {
            default: reportNodeSpecs.orderedList.attrs.marker.default,
            parseHTML: element => listMarkerPattern(element.getAttribute('data-marker')) ?? null,
            renderHTML: attributes =>
              typeof attributes.marker === 'string' ? { 'data-marker': attributes.marker } : {},
          },
        },
      },
    ]
  },

  addProseMirrorPlugins() {
    const key = new PluginKey<DecorationSet>('listMarkers')
    return [
      new Plugin<DecorationSet>({
        key,
        state: {
          init: (_, state) => orderedMarkers(state.doc),
          apply: (tr, markers) => (tr.docChanged ? orderedMarkers(tr.doc) : markers),
        },
        props: { decorations: state => key.getState(state) },
      }),
    ]
  },
})
