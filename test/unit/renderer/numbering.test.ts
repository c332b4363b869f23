// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import { afterEach, describe, expect, it } from 'vitest'
import type { DocNode } from '../../../core/document-model'
import { heading, paragraph } from '../../../core/document-model'
import type { NumberingScheme } from '../../../core/numbering'
import { reportExtensions } from '../../../renderer/editor/report-extensions'

const editors: Editor[] = []
function editorWith(content: DocNode[], scheme: NumberingScheme = 'numbered'): Editor {
  const editor = new Editor({
    extensions: reportExtensions({ scheme, replaceLabel: '替换' }),
    content: { type: 'doc', content },
  })
  editors.push(editor)
  return editor
}
afterEach(() => {
  while (editors.length) editors.pop()!.destroy()
})

/** What a reader sees: marker + heading text, for every heading in the editor DOM. */
function shownHeadings(editor: Editor): string[] {
  return [...editor.view.dom.querySelectorAll('.report-heading')].map(
    element => (element.getAttribute('data-marker') ?? '') + element.textContent,
  )
}

const outline: DocNode[] = [
  heading(1, '过去一年的工作'),
  heading(2, '坚持党的领导'),
  heading(3, '加强学习'),
  heading(4, '专题学习'),
  heading(4, '集中培训'),
  heading(3, '健全制度'),
  heading(2, '依法履职'),
  paragraph('正文。'),
  heading(1, '今年的主要任务'),
  heading(2, '推进立法'),
]

describe('numbering decorations', () => {
  it('shows 一、（一）1.（1） computed from position', () => {
    const editor = editorWith(outline)
    expect(shownHeadings(editor)).toEqual([
      '一、过去一年的工作',
      '（一）坚持党的领导',
      '1.加强学习',
      '（1）专题学习',
      '（2）集中培训',
      '2.健全制度',
      '（二）依法履职',
      '二、今年的主要任务',
      '（一）推进立法',
    ])
  })

  it('leaves year parts unnumbered under the yearParts scheme', () => {
    const editor = editorWith(
      [
        heading(1, '2023年主要工作'),
        heading(2, '坚持党的领导'),
        heading(3, '加强学习'),
        heading(1, '2024年主要任务'),
        heading(2, '推进立法'),
      ],
      'yearParts',
    )
    expect(shownHeadings(editor)).toEqual([
      '2023年主要工作',
      '一、坚持党的领导',
      '（一）加强学习',
      '2024年主要任务',
      '一、推进立法',
    ])
  })

  it('renumbers when a section is deleted, and again after undo', () => {
    const editor = editorWith(outline)
    const first = editor.state.doc.child(0).nodeSize
    const second = editor.state.doc.child(1).nodeSize
    editor.commands.deleteRange({ from: first, to: first + second })
    expect(shownHeadings(editor).slice(0, 3)).toEqual(['一、过去一年的工作', '1.加强学习', '（1）专题学习'])
    editor.commands.undo()
    expect(shownHeadings(editor)[1]).toBe('（一）坚持党的领导')
  })

  it('keeps markers in place while typing in a paragraph, and follows a level change', () => {
    const editor = editorWith(outline)
    let pos = 0
    for (let index = 0; index < 7; index++) pos += editor.state.doc.child(index).nodeSize
    editor.commands.insertContentAt(pos + 1, '新增')
    expect(shownHeadings(editor)[7]).toBe('二、今年的主要任务')
    editor.commands.setTextSelection(2)
    editor.commands.setReportHeading(2)
    expect(shownHeadings(editor).slice(0, 3)).toEqual(['（一）过去一年的工作', '（二）坚持党的领导', '1.加强学习'])
  })

  it('renumbers a section moved before its sibling (the same heading node, another number)', () => {
    const editor = editorWith(outline)
    const { doc } = editor.state
    let from = 0
    for (let index = 0; index < 6; index++) from += doc.child(index).nodeSize
    const moved = doc.child(6)
    const at = doc.child(0).nodeSize
    editor.view.dispatch(editor.state.tr.delete(from, from + moved.nodeSize).insert(at, moved))
    expect(shownHeadings(editor).slice(0, 3)).toEqual(['一、过去一年的工作', '（一）依法履职', '（二）坚持党的领导'])
  })

  it('draws markers as heading attributes, not as decorations', () => {
    const editor = editorWith(outline)
    let decorations = 0
    editor.view.someProp('decorations', get => {
      get.call(editor.view, editor.state)?.forEachSet(set => {
        decorations += set.find().length
      })
    })
    expect(decorations).toBe(0)
    expect(editor.view.dom.querySelector('h1')!.getAttribute('data-marker')).toBe('一、')
  })

  it('keeps the marker when a heading only changes attributes (run-in, 确认编号 clearing sourceNumber)', () => {
    const editor = editorWith(outline)
    editor.commands.setTextSelection(editor.state.doc.child(0).nodeSize + 2)
    editor.commands.toggleRunIn()
    expect(shownHeadings(editor)[1]).toBe('（一）坚持党的领导')
    const pos = 0
    editor.view.dispatch(
      editor.state.tr.setNodeMarkup(pos, undefined, { ...editor.state.doc.child(0).attrs, sourceNumber: null }),
    )
    expect(shownHeadings(editor)[0]).toBe('一、过去一年的工作')
  })

  it('switches scheme on command', () => {
    const editor = editorWith(outline)
    editor.commands.setNumberingScheme('yearParts')
    expect(shownHeadings(editor).slice(0, 2)).toEqual(['过去一年的工作', '一、坚持党的领导'])
  })
})
