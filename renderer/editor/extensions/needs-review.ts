import { Mark, mergeAttributes } from '@tiptap/core'
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
