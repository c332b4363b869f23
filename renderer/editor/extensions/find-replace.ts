import { Extension } from '@tiptap/core'
import { closeHistory } from '@tiptap/pm/history'
import type { Node as PmNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state'
import type { EditorState } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'

export interface SearchMatch {
  from: number
  to: number
}

export interface FindReplaceState {
  query: string
  matches: SearchMatch[]
  /** Index of the current match, -1 when none. */
  current: number
  decorations: DecorationSet
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    findReplace: {
      setSearchQuery: (query: string) => ReturnType
      findNext: () => ReturnType
      findPrevious: () => ReturnType
      /** Replaces the current match and moves to the next one. */
      replaceCurrent: (replacement: string) => ReturnType
      /** Replaces every match in one transaction (one undo step). */
      replaceAll: (replacement: string) => ReturnType
      clearSearch: () => ReturnType
    }
  }
}

export const findReplaceKey = new PluginKey<FindReplaceState>('findReplace')

/**
 * Literal search over each textblock's text (text nodes joined, so a match may cross bold or
 * needs-review boundaries). No word boundaries and no case folding of CJK: `indexOf` on UTF-16 is
 * exact for Chinese.
 */
export function findMatches(doc: PmNode, query: string): SearchMatch[] {
  const matches: SearchMatch[] = []
  if (!query) return matches
  doc.descendants((node, pos) => {
    if (!node.isTextblock) return true
    let text = ''
    const starts: number[] = []
    node.forEach((child, offset) => {
      const chunk = child.isText ? child.text! : '\ufffc'
      for (let index = 0; index < chunk.length; index++) starts.push(pos + 1 + offset + index)
      text += chunk
    })
    let at = text.indexOf(query)
    while (at !== -1) {
      const from = starts[at]!
      matches.push({ from, to: from + query.length })
      at = text.indexOf(query, at + query.length)
    }
    return false
  })
  return matches
}

function build(doc: PmNode, query: string, current: number, matches = findMatches(doc, query)): FindReplaceState {
  const index = matches.length === 0 ? -1 : Math.min(Math.max(current, 0), matches.length - 1)
  const decorations = DecorationSet.create(
    doc,
    matches.map((match, position) =>
      Decoration.inline(match.from, match.to, { class: position === index ? 'search-match current' : 'search-match' }),
    ),
  )
  return { query, matches, current: index, decorations }
}

function nearestAfter(matches: SearchMatch[], pos: number): number {
  const index = matches.findIndex(match => match.from >= pos)
  return index === -1 ? 0 : index
}

export function getFindReplaceState(state: EditorState): FindReplaceState | undefined {
  return findReplaceKey.getState(state)
}

export const FindReplace = Extension.create({
  name: 'findReplace',

  addCommands() {
    const select =
      (current: number) =>
      ({
        state,
        tr,
        dispatch,
      }: {
        state: EditorState
        tr: EditorState['tr']
        dispatch?: (tr: EditorState['tr']) => void
      }) => {
        const search = findReplaceKey.getState(state)
        if (!search || search.matches.length === 0) return false
        const index = (current + search.matches.length) % search.matches.length
        const match = search.matches[index]!
        if (dispatch) {
          tr.setMeta(findReplaceKey, { current: index })
          tr.setSelection(TextSelection.create(tr.doc, match.from, match.to))
          dispatch(tr.scrollIntoView())
        }
        return true
      }
    return {
      setSearchQuery:
        query =>
        ({ state, tr, dispatch }) => {
          if (dispatch) {
            const matches = findMatches(state.doc, query)
            dispatch(tr.setMeta(findReplaceKey, { query, current: nearestAfter(matches, state.selection.from) }))
          }
          return true
        },
      findNext: () => props => {
        const search = findReplaceKey.getState(props.state)
        if (!search) return false
        const selected = search.matches[search.current]
        const onCurrent =
          selected && props.state.selection.from === selected.from && props.state.selection.to === selected.to
        return select(onCurrent ? search.current + 1 : nearestAfter(search.matches, props.state.selection.from))(props)
      },
      findPrevious: () => props => {
        const search = findReplaceKey.getState(props.state)
        if (!search) return false
        return select(search.current - 1)(props)
      },
      replaceCurrent:
        replacement =>
        ({ state, tr, dispatch }) => {
          const search = findReplaceKey.getState(state)
          const match = search?.matches[search.current]
          if (!search || !match) return false
          if (dispatch) {
            const marks = state.doc.nodeAt(match.from)?.marks ?? []
            if (replacement) tr.replaceWith(match.from, match.to, state.schema.text(replacement, marks))
            else tr.delete(match.from, match.to)
            const next = match.from + replacement.length
            tr.setSelection(TextSelection.create(tr.doc, next))
            tr.setMeta(findReplaceKey, {
              query: search.query,
              current: nearestAfter(findMatches(tr.doc, search.query), next),
            })
            dispatch(tr.scrollIntoView())
          }
          return true
        },
      replaceAll:
        replacement =>
        ({ state, tr, dispatch }) => {
          const search = findReplaceKey.getState(state)
          if (!search || search.matches.length === 0) return false
          if (dispatch) {
            for (let index = search.matches.length - 1; index >= 0; index--) {
              const match = search.matches[index]!
              const marks = state.doc.nodeAt(match.from)?.marks ?? []
              if (replacement) tr.replaceWith(match.from, match.to, state.schema.text(replacement, marks))
              else tr.delete(match.from, match.to)
            }
            tr.setMeta(findReplaceKey, { query: search.query, current: 0 })
            dispatch(closeHistory(tr))
          }
          return true
        },
      clearSearch:
        () =>
        ({ tr, dispatch }) => {
          if (dispatch) dispatch(tr.setMeta(findReplaceKey, { query: '', current: -1 }))
          return true
        },
    }
  },

  addProseMirrorPlugins() {
    return [
      new Plugin<FindReplaceState>({
        key: findReplaceKey,
        state: {
          init: () => ({ query: '', matches: [], current: -1, decorations: DecorationSet.empty }),
          apply: (tr, value) => {
            const meta = tr.getMeta(findReplaceKey) as { query?: string; current?: number } | undefined
            const query = meta?.query ?? value.query
            if (!query) return meta ? { query: '', matches: [], current: -1, decorations: DecorationSet.empty } : value
            if (meta?.query !== undefined || tr.docChanged) return build(tr.doc, query, meta?.current ?? value.current)
            if (meta?.current !== undefined) return build(tr.doc, query, meta.current, value.matches)
            return value
          },
        },
        props: {
          decorations: state => findReplaceKey.getState(state)?.decorations,
        },
      }),
    ]
  },
})
