import { Extension } from '@tiptap/core'

/** Doc attrs holding review data: `review` (threads, decisions, dispositions; undoable), `reviewRound` (sends, returns, sent versions; not). */
export const REVIEW_ATTR = 'review'
export const ROUND_ATTR = 'reviewRound'

export const ReviewDocAttrs = Extension.create({
  name: 'reviewDocAttrs',
  addGlobalAttributes() {
    return [
      {
        types: ['doc'],
        attributes: {
          [REVIEW_ATTR]: { default: null, rendered: false },
          [ROUND_ATTR]: { default: null, rendered: false },
        },
      },
    ]
  },
})
