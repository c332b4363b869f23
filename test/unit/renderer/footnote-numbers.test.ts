// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import { afterEach, describe, expect, it } from 'vitest'
import type { DocNode } from '../../../core/document-model'
import { paragraph, textNode } from '../../../core/document-model'
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

const note = (text: string): DocNode => ({ type: 'footnote', attrs: { text } })

/** The numbers the footnotes show, in reading order, with each one's text. */
const shown = (editor: Editor) =>
  [...editor.view.dom.querySelectorAll('sup[data-footnote]')].map(
    element => `${element.getAttribute('data-number')}:${element.getAttribute('data-text')}`,
  )

describe('footnote numbers follow the text as it is edited', () => {
  it('numbers stay in reading order through typing, a new note in front, and a deletion', () => {
    const editor = editorWith([
      { type: 'paragraph', content: [textNode('全年召开会议'), note('甲'), textNode('十二次。')] },
      { type: 'paragraph', content: [textNode('开展视察'), note('乙'), textNode('八次。')] },
    ])
    expect(shown(editor)).toEqual(['1:甲', '2:乙'])

    editor.commands.insertContentAt(1, '去年')
    expect(shown(editor)).toEqual(['1:甲', '2:乙'])

    editor.commands.setTextSelection(1)
    editor.commands.insertFootnote('丙')
    expect(shown(editor)).toEqual(['1:丙', '2:甲', '3:乙'])

    editor.commands.deleteRange({ from: 1, to: 2 })
    expect(shown(editor)).toEqual(['1:甲', '2:乙'])
  })

  it('a report without notes gets its first one numbered 1, after typing', () => {
    const editor = editorWith([paragraph('全年召开会议十二次。'), paragraph('开展视察八次。')])
    editor.commands.insertContentAt(3, '常委会')
    expect(shown(editor)).toEqual([])
    editor.commands.setTextSelection(editor.state.doc.content.size - 1)
    editor.commands.insertFootnote('据统计')
    expect(shown(editor)).toEqual(['1:据统计'])
  })
})
