import type { Editor } from '@tiptap/core'
import { NodeSelection, TextSelection } from '@tiptap/pm/state'
import { useCallback } from 'react'
import type { FindingLocation } from '../../core/checks/finding'
import { locationToRange, posOfTopIndex } from '../editor/doc-positions'

/** Selecting and scrolling to a finding's place or an outline entry. */
export function useEditorNavigation(editor: Editor | null) {
  const jumpToPos = useCallback(
    (from: number, to: number, node: boolean) => {
      if (!editor) return
      const { state, view } = editor
      const selection = node ? NodeSelection.create(state.doc, from) : TextSelection.create(state.doc, from, to)
      view.dispatch(state.tr.setSelection(selection).scrollIntoView())
      const dom = view.nodeDOM(posOfTopIndex(state.doc, state.doc.resolve(from).index(0)))
      if (dom instanceof HTMLElement) dom.scrollIntoView({ block: 'center' })
      view.focus()
    },
    [editor],
  )

  const jumpToLocation = useCallback(
    (location: FindingLocation) => {
      if (!editor) return
      const range = locationToRange(editor.state.doc, location)
      if (range) jumpToPos(range.from, range.to, range.node)
    },
    [editor, jumpToPos],
  )

  const jumpToTopIndex = useCallback(
    (index: number) => {
      if (!editor) return
      const pos = posOfTopIndex(editor.state.doc, index)
      const node = editor.state.doc.nodeAt(pos)
      if (!node) return
      if (node.isTextblock) jumpToPos(pos + 1, pos + 1, false)
      else jumpToPos(pos, pos, node.isAtom)
    },
    [editor, jumpToPos],
  )

  return { jumpToLocation, jumpToTopIndex }
}
