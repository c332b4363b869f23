import { Extension } from '@tiptap/core'
import type { EditorState } from '@tiptap/pm/state'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import type { CommentAnchor, SharedThread } from '../../core/collab/shared-comments'

export interface SharedCommentAnchorsOptions {
  doc: Y.Doc | null
  root: string
  /** The open threads on this root now (read when the view draws). */
  threads: () => readonly SharedThread[]
}

/** Dispatched with `true` when the comments changed: the anchors are drawn again. */
export const sharedCommentsKey = new PluginKey<null>('sharedCommentAnchors')

interface Binding {
  type: Y.XmlFragment
  mapping: Map<unknown, unknown>
}

function bindingOf(state: EditorState): Binding | null {
  const sync = ySyncPluginKey.getState(state) as { binding?: Binding | null } | undefined
  return sync?.binding ?? null
}

/** The selection of a shared report's editor as a comment anchor (Yjs relative positions), or null. */
export function anchorOfSelection(state: EditorState): { anchor: CommentAnchor; quote: string } | null {
  const binding = bindingOf(state)
  const { from, to, empty } = state.selection
  if (!binding || empty) return null
  const relative = (pos: number) =>
    Y.relativePositionToJSON(absolutePositionToRelativePosition(pos, binding.type, binding.mapping as never))
  return {
    anchor: { from: relative(from), to: relative(to) },
    quote: state.doc.textBetween(from, to, ' ').slice(0, 1000),
  }
}

/** Where an anchor is in the editor's document now, or null when its text is gone. */
export function rangeOfAnchor(
  state: EditorState,
  doc: Y.Doc,
  anchor: CommentAnchor,
): { from: number; to: number } | null {
  const binding = bindingOf(state)
  if (!binding) return null
  const absolute = (json: unknown) => {
    try {
      return relativePositionToAbsolutePosition(
        doc,
        binding.type,
        Y.createRelativePositionFromJSON(json),
        binding.mapping as never,
      )
    } catch {
      return null
    }
  }
  const from = absolute(anchor.from)
  const to = absolute(anchor.to)
  return from !== null && to !== null && from < to ? { from, to } : null
}

/** Highlights the text each open comment on this root is anchored on (`data-thread` = the thread's id). */
export const SharedCommentAnchors = Extension.create<SharedCommentAnchorsOptions>({
  name: 'sharedCommentAnchors',
  addOptions() {
    return { doc: null, root: '', threads: () => [] }
  },
  addProseMirrorPlugins() {
    const { doc, threads } = this.options
    if (!doc) return []
    return [
      new Plugin({
        key: sharedCommentsKey,
        props: {
          decorations(state) {
            const decorations: Decoration[] = []
            for (const thread of threads()) {
              if (thread.resolved || !thread.anchor) continue
              const range = rangeOfAnchor(state, doc, thread.anchor)
              if (range) {
                decorations.push(
                  Decoration.inline(range.from, range.to, { class: 'comment-anchor', 'data-thread': thread.id }),
                )
              }
            }
            return decorations.length ? DecorationSet.create(state.doc, decorations) : null
          },
        },
      }),
    ]
  },
})
