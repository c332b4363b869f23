import { Mark, mergeAttributes } from '@tiptap/core'
import type { MarkType, Node as PmNode, Slice } from '@tiptap/pm/model'
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state'
import { AddMarkStep, ReplaceAroundStep, ReplaceStep } from '@tiptap/pm/transform'
import { reportMarkSpecs } from '../../../core/editor-schema/report-schema-spec'

const spec = reportMarkSpecs.needsReview

export interface NeedsReviewOptions {
  /**
   * Extra HTML attributes on the rendered mark.
   * @default {}
   */
  HTMLAttributes: Record<string, unknown>
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    needsReview: {
      /** Marks the selection as not yet confirmed. */
      setNeedsReview: (source?: string) => ReturnType
      /** Confirms the figure under the cursor (or the selection): removes the mark from its whole range. */
      confirmReview: () => ReturnType
      /** Confirms every figure of the report at once, as one undo step. */
      confirmAllReview: () => ReturnType
    }
  }
}

const anyReviewKey = new PluginKey<boolean>('anyNeedsReview')

function wholeDocHas(doc: PmNode, type: MarkType): boolean {
  return doc.rangeHasMark(0, doc.content.size, type)
}

function sliceHas(slice: Slice, type: MarkType): boolean {
  let found = false
  slice.content.descendants(node => {
    if (found) return false
    if (type.isInSet(node.marks)) found = true
    return !found
  })
  return found
}

/**
 * Whether the document holds any figure to confirm, kept up to date per transaction: a keystroke that adds no such
 * mark keeps "none" without a pass over the report (the toolbar asks on every transaction).
 */
function nextAnyReview(tr: Transaction, before: boolean, type: MarkType): boolean {
  if (!tr.docChanged) return before
  if (before) {
    // Only insertions and added marks: nothing was taken away, the figures are still there.
    const kept = tr.steps.every(
      step => step instanceof AddMarkStep || (step instanceof ReplaceStep && step.from === step.to),
    )
    return kept || wholeDocHas(tr.doc, type)
  }
  for (const step of tr.steps) {
    if (step instanceof AddMarkStep) {
      if (step.mark.type === type) return true
    } else if (step instanceof ReplaceStep || step instanceof ReplaceAroundStep) {
      if (sliceHas(step.slice, type)) return true
    } else return wholeDocHas(tr.doc, type)
  }
  return false
}

/** Whether the report holds figures still marked needs-review (confirm-all applies). */
export function hasFiguresToConfirm(state: EditorState): boolean {
  const known = anyReviewKey.getState(state)
  if (known !== undefined) return known
  const type = state.schema.marks.needsReview
  return type ? wholeDocHas(state.doc, type) : false
}

/** Reused figures or text that a person has not yet confirmed (attrs.source). */
export const NeedsReview = Mark.create<NeedsReviewOptions>({
  name: 'needsReview',
  inclusive: spec.inclusive,
  excludes: spec.excludes,

  addOptions() {
    return { HTMLAttributes: {} }
  },

  addAttributes() {
    return {
      source: {
        default: spec.attrs.source.default,
        parseHTML: element => element.getAttribute('data-source'),
        renderHTML: attributes => (attributes.source ? { 'data-source': attributes.source } : {}),
      },
    }
  },

  parseHTML() {
    return [{ tag: 'mark[data-needs-review]' }]
  },

  renderHTML({ HTMLAttributes }) {
    return [
      'mark',
      mergeAttributes(this.options.HTMLAttributes, HTMLAttributes, { 'data-needs-review': '', class: 'needs-review' }),
      0,
    ]
  },

  addProseMirrorPlugins() {
    const type = this.type
    return [
      new Plugin<boolean>({
        key: anyReviewKey,
        state: {
          init: (_, state) => wholeDocHas(state.doc, type),
          apply: (tr, before) => nextAnyReview(tr, before, type),
        },
      }),
    ]
  },

  addCommands() {
    return {
      setNeedsReview:
        source =>
        ({ commands }) =>
          commands.setMark(this.name, { source: source ?? null }),
      confirmReview:
        () =>
        ({ chain, state }) => {
          if (!state.selection.empty) return chain().unsetMark(this.name).run()
          return chain().extendMarkRange(this.name).unsetMark(this.name).run()
        },
      confirmAllReview:
        () =>
        ({ state, tr, dispatch }) => {
          const type = state.schema.marks[this.name]!
          if (!state.doc.rangeHasMark(0, state.doc.content.size, type)) return false
          if (dispatch) dispatch(tr.removeMark(0, state.doc.content.size, type))
          return true
        },
    }
  },
})
