// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import { afterEach, describe, expect, it } from 'vitest'
import type { DocNode } from '../../../core/document-model'
import { paragraph, textNode } from '../../../core/document-model'
import { hasFiguresToConfirm } from '../../../renderer/editor/extensions/needs-review'
import { reportExtensions } from '../../../renderer/editor/report-extensions'

const editors: Editor[] = []
function editorWith(content: DocNode): Editor {
  const editor = new Editor({ extensions: reportExtensions(), content })
  editors.push(editor)
  return editor
}
afterEach(() => {
  while (editors.length) editors.pop()!.destroy()
})

const marked = (text: string) => textNode(text, [{ type: 'needsReview', attrs: { source: '2023年报告' } }])
const doc = (...content: DocNode[]): DocNode => ({ type: 'doc', content })

/** 全部确认 is offered exactly while the report holds a figure to confirm, however the figures come and go. */
describe('figures to confirm (the toolbar’s 全部确认)', () => {
  it('follows typing, pasting a marked figure, confirming and deleting it', () => {
    const editor = editorWith(doc(paragraph('全年召开常委会会议次。')))
    expect(hasFiguresToConfirm(editor.state)).toBe(false)

    editor.commands.insertContentAt(3, '二')
    expect(hasFiguresToConfirm(editor.state)).toBe(false)

    // pasted from last year's report: the figure keeps its mark
    editor.commands.insertContentAt(10, { type: 'text', text: '12', marks: [{ type: 'needsReview' }] })
    expect(hasFiguresToConfirm(editor.state)).toBe(true)

    editor.commands.insertContentAt(2, '又')
    expect(hasFiguresToConfirm(editor.state)).toBe(true)

    editor.commands.confirmAllReview()
    expect(hasFiguresToConfirm(editor.state)).toBe(false)

    editor.commands.setTextSelection({ from: 2, to: 4 })
    editor.commands.setNeedsReview('2023年报告')
    expect(hasFiguresToConfirm(editor.state)).toBe(true)

    editor.commands.deleteRange({ from: 2, to: 4 })
    expect(hasFiguresToConfirm(editor.state)).toBe(false)
  })

  it('is known from the start for a reused report, and typing next to a figure keeps it', () => {
    const editor = editorWith(
      doc({ type: 'paragraph', content: [textNode('全年召开会议'), marked('12'), textNode('次。')] }),
    )
    expect(hasFiguresToConfirm(editor.state)).toBe(true)
    editor.commands.insertContentAt(1, '去年')
    editor.commands.deleteRange({ from: 1, to: 2 })
    expect(hasFiguresToConfirm(editor.state)).toBe(true)
    // the figure itself deleted with Backspace-like deletes
    const text = editor.state.doc.textContent
    const start = text.indexOf('12') + 1
    editor.commands.deleteRange({ from: start, to: start + 2 })
    expect(editor.state.doc.textContent).not.toContain('12')
    expect(hasFiguresToConfirm(editor.state)).toBe(false)
  })
})
