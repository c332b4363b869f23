// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'
import { afterEach, describe, expect, it } from 'vitest'
import type { DocNode } from '../../../core/document-model'
import { guidance, heading, paragraph } from '../../../core/document-model'
import type { NumberingScheme } from '../../../core/numbering'
import { reportExtensions } from '../../../renderer/editor/report-extensions'
import { PasteSanitizer } from '../../../renderer/reuse/paste-sanitizer'

const editors: Editor[] = []
function editorWith(content: DocNode[], scheme: NumberingScheme = 'numbered'): Editor {
  const editor = new Editor({
    extensions: [...reportExtensions({ scheme, replaceLabel: '替换' }), PasteSanitizer.configure({ scheme })],
    content: { type: 'doc', content },
  })
  editors.push(editor)
  return editor
}
afterEach(() => {
  while (editors.length) editors.pop()!.destroy()
})

function blocks(editor: Editor): Array<[string, number | null, string]> {
  const json = editor.getJSON() as DocNode
  return (json.content ?? []).map(node => [
    node.type,
    (node.attrs?.level as number | undefined) ?? null,
    (node.content ?? []).map(child => child.text ?? '').join(''),
  ])
}

function atEnd(editor: Editor): void {
  const end = editor.state.doc.content.size - 1
  editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, end)))
}

describe('PasteSanitizer in the editor', () => {
  it('turns Word HTML into report headings and paragraphs and keeps nothing else', () => {
    const editor = editorWith([heading(1, '2024年主要任务', { role: 'tasks' }), paragraph('')])
    atEnd(editor)
    editor.view.pasteHTML(
      `<html><head><style>.MsoNormal{}</style></head><body><!--StartFragment-->
      <p class=MsoNormal style='mso-outline-level:2'><b>（一）坚持依法监督<o:p></o:p></b></p>
      <p class=MsoNormal onclick="alert(1)" style='color:red'>全年开展执法检查<b>4</b>次。<img src=x onerror=alert(2)><a href="javascript:alert(3)">附件</a></p>
      <table><tr><td>视察</td><td>12次</td></tr></table><!--EndFragment--></body></html>`,
    )
    expect(blocks(editor)).toEqual([
      ['heading', 1, '2024年主要任务'],
      ['heading', 2, '坚持依法监督'],
      ['paragraph', null, '全年开展执法检查4次。附件'],
      ['table', null, ''],
    ])
    const html = editor.getHTML()
    for (const bad of ['onclick', 'onerror', 'javascript', 'img', 'color:red', 'MsoNormal', 'o:p'])
      expect(html).not.toContain(bad)
    expect(html).toContain('全年开展执法检查<strong>4</strong>次。')
  })

  it('makes numbered plain-text lines headings of the report scheme', () => {
    const editor = editorWith([heading(1, '2023年主要工作', { role: 'review' }), paragraph('')], 'yearParts')
    atEnd(editor)
    editor.view.pasteText('一、坚持党的领导\n\u3000\u3000严格落实第一议题制度。')
    expect(blocks(editor)).toEqual([
      ['heading', 1, '2023年主要工作'],
      ['heading', 2, '坚持党的领导'],
      ['paragraph', null, '严格落实第一议题制度。'],
    ])
  })

  it('reads a pasted text like an import: a ■ theme goes below the part it lands in, lead sentences stay text', () => {
    const editor = editorWith([heading(1, '2024年主要任务', { role: 'tasks' }), paragraph('')])
    atEnd(editor)
    editor.view.pasteText(
      [
        '■ 强化监督',
        '紧盯经济运行强化监督。听取审议计划执行情况的报告，督促政府落实惠企政策。',
        '紧盯民生实事强化监督。听取审议民生实事项目进展情况的报告，推动项目按期完成。',
        '紧盯生态环境强化监督。听取审议环境状况和环境保护目标完成情况的报告。',
      ].join('\n'),
    )
    expect(blocks(editor)).toEqual([
      ['heading', 1, '2024年主要任务'],
      ['heading', 2, '强化监督'],
      ['paragraph', null, '紧盯经济运行强化监督。听取审议计划执行情况的报告，督促政府落实惠企政策。'],
      ['paragraph', null, '紧盯民生实事强化监督。听取审议民生实事项目进展情况的报告，推动项目按期完成。'],
      ['paragraph', null, '紧盯生态环境强化监督。听取审议环境状况和环境保护目标完成情况的报告。'],
    ])
  })

  it('keeps the source number of a pasted heading whose number skips one, for TXT-SEQ-CONT', () => {
    const editor = editorWith([heading(1, '2023年主要工作', { role: 'review' }), paragraph('')])
    atEnd(editor)
    editor.view.pasteHTML('<p>（一）坚持党的领导</p><p>正文。</p><p>（三）加强代表工作</p><p>正文。</p>')
    const headings = (editor.getJSON() as DocNode).content!.filter(node => node.type === 'heading')
    expect(headings.map(node => node.attrs?.sourceNumber)).toEqual([null, null, '（三）'])
  })

  it('leaves copy and paste inside the editor to the schema (guidance kept)', () => {
    const source = editorWith([heading(1, '2024年主要任务'), guidance('写本年度主要任务。')])
    const html = source.view.serializeForClipboard(source.state.doc.slice(0, source.state.doc.content.size)).dom
      .innerHTML
    const target = editorWith([paragraph('')])
    target.view.pasteHTML(html)
    expect((target.getJSON() as DocNode).content!.some(node => node.type === 'guidance')).toBe(true)
  })
})
