import { Extension } from '@tiptap/core'
import { DOMSerializer, type Node as PmNode } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import type { EditorView, NodeView, ViewMutationRecord } from '@tiptap/pm/view'
import { markerDepth, markerText } from '../../../core/numbering'
import type { NumberingScheme } from '../../../core/numbering'
import { headingLevel } from '../../../core/report-language/heading-level'

export interface NumberingOptions {
  /**
   * Numbering scheme of the report (`report.meta.numbering`).
   * @default 'numbered'
   */
  scheme: NumberingScheme
  /**
   * Level-1 headings before this document (a shared report's part editor shows one part: its heading is number
   * `start + 1`).
   * @default 0
   */
  start: number
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    numbering: {
      setNumberingScheme: (scheme: NumberingScheme) => ReturnType
    }
  }
}

interface NumberingState {
  scheme: NumberingScheme
  /** The marker of every heading node of the document (nodes are immutable: an untouched heading keeps its entry). */
  markers: Map<PmNode, string>
  /** Changes when a heading's number changed without the heading node changing (a heading added before it). */
  version: number
}

export const numberingKey = new PluginKey<NumberingState>('numbering')

/** Headings are siblings at the top level, so one pass over the doc's children gives every marker. */
export function headingMarkers(doc: PmNode, scheme: NumberingScheme, start = 0): Map<PmNode, string> {
  const counters = [0, start, 0, 0, 0]
  const markers = new Map<PmNode, string>()
  doc.forEach(node => {
    if (node.type.name !== 'heading') return
    const level = headingLevel(node)
    counters[level]! += 1
    for (let deeper = level + 1; deeper <= 4; deeper++) counters[deeper] = 0
    markers.set(node, markerText(markerDepth(scheme, level), counters[level]!))
  })
  return markers
}

/** The heading views of each editor, so a renumbering reaches headings whose own node did not change. */
const headingViews = new WeakMap<EditorView, Set<HeadingView>>()

/**
 * A heading as its schema renders it, with its marker in `data-marker` (shown by CSS ::before; no widget DOM
 * inside the editable text, so the cursor and IME composition never meet it). Markers used to be one node
 * decoration per heading, and ProseMirror looked through that set for every block it drew: at 400 pages
 * ≈ 9 ms of each keystroke. Now a keystroke in a paragraph costs the one pass above and nothing per heading.
 */
class HeadingView implements NodeView {
  readonly dom: HTMLElement
  readonly contentDOM: HTMLElement
  constructor(
    private node: PmNode,
    private readonly view: EditorView,
    private readonly getPos: () => number | undefined,
  ) {
    const rendered = DOMSerializer.renderSpec(view.dom.ownerDocument, node.type.spec.toDOM!(node))
    this.dom = rendered.dom as HTMLElement
    this.contentDOM = (rendered.contentDOM ?? rendered.dom) as HTMLElement
    this.showMarker()
    let views = headingViews.get(view)
    if (!views) headingViews.set(view, (views = new Set()))
    views.add(this)
  }

  showMarker(): void {
    const state = numberingKey.getState(this.view.state)
    const markers = state?.markers
    // The node at this view's place when the view still holds an equal node of an older document (see apply).
    const current = markers?.has(this.node) ? this.node : this.view.state.doc.nodeAt(this.getPos() ?? -1)
    const marker = (current && markers?.get(current)) ?? ''
    if (this.dom.getAttribute('data-marker') !== marker) this.dom.setAttribute('data-marker', marker)
    // Fonts and bold follow the printed marker depth, as the print style sheet's d0–d4 / b1–b4 classes do.
    const depth = String(markerDepth(state?.scheme ?? 'numbered', headingLevel(this.node)))
    if (this.dom.getAttribute('data-depth') !== depth) {
      this.dom.setAttribute('data-depth', depth)
      this.dom.setAttribute('data-bold', String(Math.max(1, Number(depth))))
    }
  }

  update(node: PmNode): boolean {
    if (node.type !== this.node.type || !sameAttributes(node, this.node)) return false
    this.node = node
    this.showMarker()
    return true
  }

  /** The marker is ours, not content: ProseMirror must not re-read the heading when it changes. */
  ignoreMutation(mutation: ViewMutationRecord): boolean {
    return mutation.type === 'attributes' && ownAttributes.has(mutation.attributeName ?? '')
  }

  destroy(): void {
    headingViews.get(this.view)?.delete(this)
  }
}

const ownAttributes = new Set(['data-marker', 'data-depth', 'data-bold'])

function sameAttributes(a: PmNode, b: PmNode): boolean {
  const keys = Object.keys(a.attrs)
  return keys.length === Object.keys(b.attrs).length && keys.every(key => a.attrs[key] === b.attrs[key])
}

export const Numbering = Extension.create<NumberingOptions>({
  name: 'numbering',

  addOptions() {
    return { scheme: 'numbered', start: 0 }
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
    const start = this.options.start
    return [
      new Plugin<NumberingState>({
        key: numberingKey,
        state: {
          init: (_, state) => ({
            scheme: initialScheme,
            markers: headingMarkers(state.doc, initialScheme, start),
            version: 0,
          }),
          apply: (tr, value, _old, state) => {
            const scheme = (tr.getMeta(numberingKey) as NumberingScheme | undefined) ?? value.scheme
            if (!tr.docChanged && scheme === value.scheme) return value
            const markers = headingMarkers(state.doc, scheme, start)
            // Yjs redraws a shared report's editor with new but equal nodes, which ProseMirror keeps drawn by their
            // old views (no update call): after a Yjs change every heading looks its marker up again.
            const redraw = renumbered(value.markers, markers) || tr.getMeta('y-sync$') !== undefined
            return { scheme, markers, version: redraw ? value.version + 1 : value.version }
          },
        },
        props: {
          nodeViews: { heading: (node, view, getPos) => new HeadingView(node, view, getPos) },
        },
        view: () => {
          let shown = -1
          return {
            update: view => {
              const version = numberingKey.getState(view.state)?.version ?? 0
              if (version === shown) return
              shown = version
              for (const heading of headingViews.get(view) ?? []) heading.showMarker()
            },
          }
        },
      }),
    ]
  },
})

/**
 * Whether a heading that is still there got another number (a heading added, removed, moved or re-levelled before
 * it, or the scheme switched). A heading typed in is a new node: its view is updated with it and reads its marker.
 */
function renumbered(before: Map<PmNode, string>, after: Map<PmNode, string>): boolean {
  for (const [node, marker] of after) {
    const shown = before.get(node)
    if (shown !== undefined && shown !== marker) return true
  }
  return false
}
