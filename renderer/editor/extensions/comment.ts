import { Extension, Mark } from '@tiptap/core'
import { commandSpec } from '../../../core/commands/command-table'
import { editorKeymapKey } from '../../../core/commands/shortcut'
import type { Node as PmNode } from '@tiptap/pm/model'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { MarkType } from '../../../core/document-model'

export interface CommentStorage {
  /** Called by Ctrl+Alt+M (and the toolbar): the comments pane opens a new comment on the selection. */
  onRequest: (() => void) | null
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    comment: {
      /** Anchors comment `id` on the selection. */
      addCommentAnchor: (id: string) => ReturnType
      /** Removes every anchor of comment `id`. */
      removeCommentAnchor: (id: string) => ReturnType
      /** Highlights comment `id` as the one being looked at (null: none). */
      setActiveComment: (id: string | null) => ReturnType
    }
  }
  interface Storage {
    commentAnchors: CommentStorage
  }
}

/** The extension's storage of an editor (where Ctrl+Alt+M finds the pane's handler). */
export function commentStorage(editor: { storage: { commentAnchors: CommentStorage } }): CommentStorage {
  return editor.storage.commentAnchors
}

export const activeCommentKey = new PluginKey<string | null>('activeComment')

const firstRanges = new WeakMap<PmNode, Map<string, { from: number; to: number }>>()

/** The first stretch of every comment (one pass over the document, remembered per document). */
export function firstCommentRanges(doc: PmNode): Map<string, { from: number; to: number }> {
  let ranges = firstRanges.get(doc)
  if (ranges) return ranges
  ranges = new Map()
  const found = ranges
  doc.descendants((node, pos) => {
    if (!node.isInline) return true
    for (const mark of node.marks) {
      if (mark.type.name !== MarkType.comment) continue
      const id = String(mark.attrs.id)
      const range = found.get(id)
      if (!range) found.set(id, { from: pos, to: pos + node.nodeSize })
      else if (range.to === pos) range.to = pos + node.nodeSize
    }
    return false
  })
  firstRanges.set(doc, ranges)
  return ranges
}

/** The stretches of the document a comment is anchored on. */
export function commentRanges(doc: PmNode, id: string): Array<{ from: number; to: number }> {
  const ranges: Array<{ from: number; to: number }> = []
  doc.descendants((node, pos) => {
    if (!node.isInline) return true
    if (node.marks.some(mark => mark.type.name === MarkType.comment && mark.attrs.id === id)) {
      const last = ranges[ranges.length - 1]
      if (last && last.to === pos) last.to = pos + node.nodeSize
      else ranges.push({ from: pos, to: pos + node.nodeSize })
    }
    return false
  })
  return ranges
}

/** Anchor of a review comment thread; several may overlap (one mark per comment). */
export const CommentMark = Mark.create({
  name: MarkType.comment,
  inclusive: false,
  excludes: '',
  addAttributes() {
    return {
      id: {
        default: null,
        parseHTML: element => element.getAttribute('data-comment-id'),
        renderHTML: attributes => ({ 'data-comment-id': attributes.id }),
      },
    }
  },
  parseHTML: () => [{ tag: 'span[data-comment-id]' }],
  renderHTML: ({ HTMLAttributes }) => ['span', { ...HTMLAttributes, class: 'comment-anchor' }, 0],
})

export const CommentAnchors = Extension.create<Record<string, never>, CommentStorage>({
  name: 'commentAnchors',

  addStorage() {
    return { onRequest: null }
  },

  addExtensions() {
    return [CommentMark]
  },

  addCommands() {
    return {
      addCommentAnchor:
        id =>
        ({ tr, state, dispatch }) => {
          if (state.selection.empty) return false
          if (dispatch) {
            const mark = state.schema.marks[MarkType.comment]!.create({ id })
            for (const range of state.selection.ranges) tr.addMark(range.$from.pos, range.$to.pos, mark)
          }
          return true
        },
      removeCommentAnchor:
        id =>
        ({ tr, state, dispatch }) => {
          const ranges = commentRanges(state.doc, id)
          if (ranges.length === 0) return false
          if (dispatch) {
            const type = state.schema.marks[MarkType.comment]!
            for (const range of ranges) tr.removeMark(range.from, range.to, type.create({ id }))
          }
          return true
        },
      setActiveComment:
        id =>
        ({ tr, dispatch }) => {
          if (dispatch) tr.setMeta(activeCommentKey, id)
          return true
        },
    }
  },

  addKeyboardShortcuts() {
    return {
      [editorKeymapKey(commandSpec('comment').shortcut!)]: () => {
        this.storage.onRequest?.()
        return true
      },
    }
  },

  addProseMirrorPlugins() {
    return [
      new Plugin<string | null>({
        key: activeCommentKey,
        state: {
          init: () => null,
          apply: (tr, value) => {
            const next = tr.getMeta(activeCommentKey) as string | null | undefined
            return next === undefined ? value : next
          },
        },
        props: {
          decorations(state) {
            const id = activeCommentKey.getState(state)
            if (!id) return null
            const ranges = commentRanges(state.doc, id)
            return DecorationSet.create(
              state.doc,
              ranges.map(range => Decoration.inline(range.from, range.to, { class: 'comment-active' })),
            )
          },
        },
      }),
    ]
  },
})
