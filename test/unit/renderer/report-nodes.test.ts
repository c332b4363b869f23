// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import { afterEach, describe, expect, it } from 'vitest'
import type { DocNode } from '../../../core/document-model'
import { guidance, heading, paragraph, textNode } from '../../../core/document-model'
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

/** Headings as the editor writes them: `sourceNumber` is null unless import kept a source number, `promise` null unless set. */
function withSourceNumber(node: DocNode, sourceNumber: string | null): DocNode {
  return { ...node, attrs: { ...node.attrs, sourceNumber, promise: null } }
}

const promise = { year: 2023, text: '以更优服务支持代表依法履职。', done: false }

const sampleDoc: DocNode = {
  type: 'doc',
  content: [
    {
      type: 'reportTitle',
      content: [textNode('××区人民代表大会常务委员会'), { type: 'hardBreak' }, textNode('工作报告')],
    },
    { type: 'reportSubtitle', content: [textNode('——2024年1月16日在××区第十八届人民代表大会第三次会议上')] },
    { type: 'speakerLine', content: [textNode('××区人大常委会主任 张三')] },
    { type: 'salutation', content: [textNode('各位代表：')] },
    paragraph('现在，我代表区人大常委会向大会报告工作，请予审议。'),
    withSourceNumber(heading(1, '2023年主要工作', { role: 'review' }), null),
    guidance('概述一年来常委会工作的总体情况。'),
    // the number an imported source gave the heading, kept as evidence for TXT-SEQ-CONT
    withSourceNumber(heading(2, '坚持党的领导', { runIn: true }), '（四）'),
    {
      type: 'paragraph',
      content: [
        textNode('全年召开常委会会议'),
        textNode('12', [{ type: 'needsReview', attrs: { source: '2023年报告' } }]),
        textNode('次。'),
      ],
    },
    {
      type: 'table',
      content: [
        {
          type: 'tableRow',
          content: [
            {
              type: 'tableHeader',
              attrs: { colspan: 1, rowspan: 1, colwidth: null, align: null },
              content: [paragraph('项目')],
            },
          ],
        },
        {
          type: 'tableRow',
          content: [
            {
              type: 'tableCell',
              attrs: { colspan: 1, rowspan: 1, colwidth: null, align: null },
              content: [paragraph('审议报告')],
            },
          ],
        },
      ],
    },
    {
      type: 'bulletList',
      content: [
        { type: 'listItem', content: [{ type: 'paragraph', content: [textNode('加粗', [{ type: 'bold' }])] }] },
      ],
    },
    {
      ...heading(2, '以更优服务支持代表依法履职'),
      attrs: { level: 2, role: null, runIn: false, sourceNumber: null, promise },
    },
  ],
}

describe('report nodes and marks', () => {
  it('round-trips every custom node and mark through getJSON', () => {
    const editor = editorWith(sampleDoc)
    expect(editor.getJSON()).toEqual(sampleDoc)
  })

  it('round-trips through HTML (parseHTML and renderHTML are symmetric)', () => {
    const first = editorWith(sampleDoc)
    const second = editorWith({ type: 'doc', content: [paragraph('')] })
    second.commands.setContent(first.getHTML())
    expect(second.getJSON()).toEqual(sampleDoc)
  })

  it('replaces a guidance placeholder with a paragraph holding the typed text', () => {
    const editor = editorWith({
      type: 'doc',
      content: [heading(1, '2023年主要工作', { role: 'review' }), guidance('概述工作。')],
    })
    const pos = editor.state.doc.child(0).nodeSize
    expect(editor.commands.replaceGuidance(pos, '全年')).toBe(true)
    expect(editor.getJSON().content![1]).toEqual(paragraph('全年'))
    editor.commands.undo()
    expect(editor.getJSON().content![1]).toEqual(guidance('概述工作。'))
  })

  it('confirms a needs-review figure by removing the mark from its whole range', () => {
    const editor = editorWith({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [textNode('召开'), textNode('12', [{ type: 'needsReview' }]), textNode('次')] },
      ],
    })
    editor.commands.setTextSelection(4)
    editor.commands.confirmReview()
    expect(editor.getJSON().content![0]).toEqual(paragraph('召开12次'))
  })

  it('confirms every figure of the report at once, and one undo brings them all back', () => {
    const marked = (text: string) => textNode(text, [{ type: 'needsReview' }])
    const editor = editorWith({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [textNode('召开'), marked('12'), textNode('次')] },
        { type: 'paragraph', content: [textNode('接待'), marked('1200'), textNode('人次')] },
      ],
    })
    const marks = () => editor.view.dom.querySelectorAll('mark[data-needs-review]').length
    expect(marks()).toBe(2)
    expect(editor.commands.confirmAllReview()).toBe(true)
    expect(marks()).toBe(0)
    expect(editor.getJSON().content).toEqual([paragraph('召开12次'), paragraph('接待1200人次')])
    expect(editor.commands.confirmAllReview()).toBe(false)
    editor.commands.undo()
    expect(marks()).toBe(2)
  })

  it('toggles a heading between its own line and running into the next paragraph', () => {
    const editor = editorWith({ type: 'doc', content: [heading(2, '坚持党的领导'), paragraph('正文')] })
    editor.commands.setTextSelection(2)
    editor.commands.toggleRunIn()
    expect(editor.getJSON().content![0]!.attrs!.runIn).toBe(true)
    expect(editor.view.dom.querySelector('h2')!.hasAttribute('data-run-in')).toBe(true)
    // The caret is in the body: what is typed next is body text, and no paragraph was added.
    editor.commands.insertContent('全年')
    const blocks = () =>
      editor
        .getJSON()
        .content!.map(block => [block.type, block.attrs?.runIn ?? null, editor.schema.nodeFromJSON(block).textContent])
    expect(blocks()).toEqual([
      ['heading', true, '坚持党的领导'],
      ['paragraph', null, '全年正文'],
    ])
    // Ctrl+Alt+R again, from the body, switches the heading back.
    editor.commands.toggleRunIn()
    expect(editor.getJSON().content![0]!.attrs!.runIn).toBe(false)
  })

  it('gives a run-in heading with no paragraph after it one to type in, and takes it away again if left empty', () => {
    const editor = editorWith({ type: 'doc', content: [heading(2, '坚持党的领导'), heading(2, '加强监督')] })
    editor.commands.setTextSelection(2)
    editor.commands.toggleRunIn()
    expect(editor.state.doc.childCount).toBe(3)
    expect(editor.state.selection.$from.parent.type.name).toBe('paragraph')
    expect(editor.state.selection.$from.index(0)).toBe(1)
    editor.commands.toggleRunIn()
    expect(editor.getJSON().content!.map(block => [block.type, block.attrs?.runIn])).toEqual([
      ['heading', false],
      ['heading', false],
    ])
  })
})
