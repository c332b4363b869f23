// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import { afterEach, describe, expect, it } from 'vitest'
import type { DocNode } from '../../../core/document-model'
import { guidance, heading, paragraph, textNode } from '../../../core/document-model'
import { getFindReplaceState } from '../../../renderer/editor/extensions/find-replace'
import { reportExtensions } from '../../../renderer/editor/report-extensions'

const editors: Editor[] = []
function editorWith(content: DocNode[]): Editor {
  const editor = new Editor({ extensions: reportExtensions(), content: { type: 'doc', content } })
  editors.push(editor)
  return editor
}
afterEach(() => {
  while (editors.length) editors.pop()!.destroy()
})

const doc: DocNode[] = [
  // as the editor writes a heading (no source number kept, no promise)
  { ...heading(1, '常委会工作'), attrs: { ...heading(1, '常委会工作').attrs, sourceNumber: null, promise: null } },
  guidance('常委会工作提示不算正文'),
  paragraph('区人大常委会召开常委会会议12次。'),
  { type: 'paragraph', content: [textNode('常委'), textNode('会', [{ type: 'bold' }]), textNode('组成人员')] },
]

describe('find and replace in Chinese text', () => {
  it('finds every occurrence, across mark boundaries, and not inside guidance prompts', () => {
    const editor = editorWith(doc)
    editor.commands.setSearchQuery('常委会')
    const state = getFindReplaceState(editor.state)!
    expect(state.matches.map(match => editor.state.doc.textBetween(match.from, match.to))).toEqual([
      '常委会',
      '常委会',
      '常委会',
      '常委会',
    ])
    expect(editor.view.dom.querySelectorAll('.search-match').length).toBeGreaterThanOrEqual(4)
  })

  it('moves to the next and previous match and selects it', () => {
    const editor = editorWith(doc)
    editor.commands.setTextSelection(1)
    editor.commands.setSearchQuery('常委会')
    editor.commands.findNext()
    const first = editor.state.selection
    expect(editor.state.doc.textBetween(first.from, first.to)).toBe('常委会')
    editor.commands.findNext()
    expect(editor.state.selection.from).toBeGreaterThan(first.from)
    editor.commands.findPrevious()
    expect(editor.state.selection.from).toBe(first.from)
  })

  it('replaces all matches as one undo step', () => {
    const editor = editorWith(doc)
    editor.commands.setSearchQuery('常委会')
    editor.commands.replaceAll('人大常委会')
    expect(editor.getText()).toContain('区人大人大常委会召开人大常委会会议12次。')
    expect(editor.getJSON().content![0]).toEqual({ ...doc[0], content: heading(1, '人大常委会工作').content })
    expect(getFindReplaceState(editor.state)!.matches.length).toBe(4)
    editor.commands.undo()
    expect(editor.getJSON().content).toEqual(doc)
  })

  it('replaces the current match only', () => {
    const editor = editorWith([paragraph('召开会议，会议审议。')])
    editor.commands.setSearchQuery('会议')
    editor.commands.findNext()
    editor.commands.replaceCurrent('常委会会议')
    expect(editor.getText()).toBe('召开常委会会议，会议审议。')
  })
})
