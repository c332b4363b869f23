import type { Editor } from '@tiptap/core'
import { useSyncExternalStore } from 'react'

export type ReviewDialog = 'name' | 'import' | 'send' | null

/** UI state the review toolbar, comments pane, side tab and dialogs share for one editor. */
export interface ReviewUiState {
  /** The reviewer's name ('' until given); comments and suggestions are signed with it. */
  author: string
  authorLoaded: boolean
  showResolved: boolean
  /** A new comment being written on this stretch. */
  draft: { from: number; to: number; quote: string } | null
  /** The comment or suggestion looked at (pane card highlighted). */
  activeId: string | null
  dialog: ReviewDialog
}

export interface ReviewStore {
  get(): ReviewUiState
  set(change: Partial<ReviewUiState>): void
  subscribe(listener: () => void): () => void
  /** Runs `then` once a name is known, asking for it first when needed. */
  withAuthor(then: () => void): void
}

const stores = new WeakMap<Editor, ReviewStore>()

function createStore(editor: Editor): ReviewStore {
  let state: ReviewUiState = {
    author: '',
    authorLoaded: false,
    showResolved: false,
    draft: null,
    activeId: null,
    dialog: null,
  }
  const listeners = new Set<() => void>()
  let afterName: (() => void) | null = null
  const store: ReviewStore = {
    get: () => state,
    set(change) {
      state = { ...state, ...change }
      if (change.author !== undefined) {
        editor.storage.suggestion.author = change.author
        if (change.author && afterName) {
          const then = afterName
          afterName = null
          queueMicrotask(then)
        }
      }
      if (change.dialog === null) afterName = null
      for (const listener of [...listeners]) listener()
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    withAuthor(then) {
      if (state.author) return then()
      afterName = then
      store.set({ dialog: 'name' })
    },
  }
  window.api
    .reviewerName()
    .then(name => store.set({ author: name, authorLoaded: true }))
    .catch(() => store.set({ authorLoaded: true }))
  editor.storage.suggestion.onNeedAuthor = () => store.withAuthor(() => editor.commands.setSuggesting(true))
  return store
}

export function reviewStoreOf(editor: Editor): ReviewStore {
  let store = stores.get(editor)
  if (!store) {
    store = createStore(editor)
    stores.set(editor, store)
  }
  return store
}

export function useReviewStore(editor: Editor): [ReviewUiState, ReviewStore] {
  const store = reviewStoreOf(editor)
  const state = useSyncExternalStore(store.subscribe, store.get)
  return [state, store]
}
