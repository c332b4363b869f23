// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import { afterEach, describe, expect, it } from 'vitest'
import type { DocNode } from '../../../core/document-model'
import { paragraph } from '../../../core/document-model'
import { collectReviewMarks } from '../../../core/review/collect-review-marks'
import { resolveSuggestions } from '../../../core/review/resolve-suggestions'
import { reportFileSchema } from '../../../core/report-file'
import { docJson } from '../../../renderer/editor/doc-json'
import { CommentAnchors } from '../../../renderer/editor/extensions/comment'
import { ReviewDocAttrs } from '../../../renderer/editor/extensions/review-doc-attrs'
import { Suggestion } from '../../../renderer/editor/extensions/suggestion'
import { reportExtensions } from '../../../renderer/editor/report-extensions'
import { decide } from '../../../renderer/review/review-actions'
import { reviewBinding } from '../../../renderer/review/review-state'
import type { EditorContext } from '../../../renderer/app/extension-points'

const editors: Editor[] = []
function editorWith(content: DocNode[], author = '张三'): Editor {
  const editor = new Editor({
    extensions: [...reportExtensions(), ReviewDocAttrs, CommentAnchors, Suggestion],
    content: { type: 'doc', content },
  })
  editor.storage.suggestion.author = author
  editor.commands.setSuggesting(true)
  editors.push(editor)
  return editor
}
afterEach(() => {
  while (editors.length) editors.pop()!.destroy()
})

const texts = (editor: Editor) => {
  const out: string[] = []
  editor.state.doc.forEach(node => out.push(node.textContent))
  return out
}
const suggestions = (editor: Editor) => collectReviewMarks(docJson(editor.state.doc)).suggestions
const accepted = (editor: Editor) =>
  (resolveSuggestions(docJson(editor.state.doc), () => 'accept').content ?? []).map(node =>
    (node.content ?? []).map(child => child.text ?? '').join(''),
  )
const rejected = (editor: Editor) =>
  (resolveSuggestions(docJson(editor.state.doc), () => 'reject').content ?? []).map(node =>
    (node.content ?? []).map(child => child.text ?? '').join(''),
  )

/** What the browser does for Backspace inside text (happy-dom has no native editing): delete the character before. */
function backspace(editor: Editor): void {
  const { from } = editor.state.selection
  editor.view.dispatch(editor.state.tr.delete(from - 1, from))
}

/** Position inside the first paragraph after `count` characters. */
const at = (count: number) => 1 + count

describe('suggestion mode (修订)', () => {
  it('keeps typed text as one insertion by the author', () => {
    const editor = editorWith([paragraph('全年完成任务。')])
    editor.commands.setTextSelection(at(4))
    editor.commands.insertContent('九项')
    editor.commands.insertContent('重点')
    expect(texts(editor)).toEqual(['全年完成九项重点任务。'])
    expect(suggestions(editor).map(each => [each.kind, each.text, each.author])).toEqual([
      ['insertion', '九项重点', '张三'],
    ])
    expect(rejected(editor)).toEqual(['全年完成任务。'])
  })

  it('keeps deleted text in place, struck through, and moves the cursor past it on Backspace', () => {
    const editor = editorWith([paragraph('全年完成八项任务。')])
    editor.commands.setTextSelection(at(5))
    backspace(editor)
    expect(texts(editor)).toEqual(['全年完成八项任务。'])
    expect(suggestions(editor).map(each => [each.kind, each.text])).toEqual([['deletion', '八']])
    expect(editor.state.selection.from).toBe(at(4))
    backspace(editor)
    expect(suggestions(editor).map(each => [each.kind, each.text])).toEqual([['deletion', '成八']])
    expect(accepted(editor)).toEqual(['全年完项任务。'])
  })

  it('typing over a selection is a deletion followed by an insertion', () => {
    const editor = editorWith([paragraph('全年完成八项任务。')])
    editor.commands.setTextSelection({ from: at(4), to: at(5) })
    editor.commands.insertContent('九')
    expect(texts(editor)).toEqual(['全年完成八九项任务。'])
    expect(suggestions(editor).map(each => [each.kind, each.text])).toEqual([
      ['deletion', '八'],
      ['insertion', '九'],
    ])
    expect(accepted(editor)).toEqual(['全年完成九项任务。'])
  })

  it('deleting your own suggested insertion removes it outright', () => {
    const editor = editorWith([paragraph('全年完成任务。')])
    editor.commands.setTextSelection(at(4))
    editor.commands.insertContent('九项')
    backspace(editor)
    expect(texts(editor)).toEqual(['全年完成九任务。'])
    expect(suggestions(editor).map(each => [each.kind, each.text])).toEqual([['insertion', '九']])
  })

  it('Enter splits with an inserted paragraph mark; Backspace at a paragraph start marks the join', () => {
    const editor = editorWith([paragraph('前半句，后半句。'), paragraph('下一段。')])
    editor.commands.setTextSelection(at(4))
    editor.commands.keyboardShortcut('Enter')
    expect(texts(editor)).toEqual(['前半句，', '后半句。', '下一段。'])
    expect(suggestions(editor).map(each => [each.kind, each.text])).toEqual([['insertion', '\n']])
    expect(rejected(editor)).toEqual(['前半句，后半句。', '下一段。'])
    // Backspace at the start of 下一段 asks to join it with the paragraph before.
    const third = editor.state.doc.child(0).nodeSize + editor.state.doc.child(1).nodeSize + 1
    editor.commands.setTextSelection(third)
    editor.commands.keyboardShortcut('Backspace')
    expect(texts(editor)).toEqual(['前半句，', '后半句。', '下一段。'])
    expect(suggestions(editor).map(each => [each.kind, each.text])).toEqual([
      ['insertion', '\n'],
      ['deletion', '\n'],
    ])
    expect(accepted(editor)).toEqual(['前半句，', '后半句。下一段。'])
  })

  it('pasted paragraphs are insertions, and one undo takes a change and its marking back', () => {
    const editor = editorWith([paragraph('第一段。')])
    editor.commands.setTextSelection(at(4))
    editor.commands.insertContent([paragraph('粘贴甲。'), paragraph('粘贴乙。')])
    expect(suggestions(editor).every(each => each.kind === 'insertion' && each.author === '张三')).toBe(true)
    expect(rejected(editor)).toEqual(['第一段。'])
    editor.commands.undo()
    expect(texts(editor)).toEqual(['第一段。'])
    expect(suggestions(editor)).toEqual([])
  })

  it('is off by default and asks for a name first', () => {
    const editor = new Editor({
      extensions: [...reportExtensions(), ReviewDocAttrs, CommentAnchors, Suggestion],
      content: { type: 'doc', content: [paragraph('甲。')] },
    })
    editors.push(editor)
    let asked = 0
    editor.storage.suggestion.onNeedAuthor = () => asked++
    expect(editor.commands.setSuggesting(true)).toBe(false)
    expect(asked).toBe(1)
    editor.commands.setTextSelection(at(1))
    editor.commands.insertContent('乙')
    expect(suggestions(editor)).toEqual([])
  })
})

describe('accepting all of one author in the editor', () => {
  it('changes only their suggestions, records the decisions and is one undo step', () => {
    const editor = editorWith([paragraph('全年完成任务。')], '张三')
    editor.commands.setTextSelection(at(4))
    editor.commands.insertContent('九项')
    editor.storage.suggestion.author = '李四'
    editor.commands.setTextSelection(at(6))
    editor.commands.insertContent('重点')
    const before = editor.state.doc
    const base = reportFileSchema.parse({
      format: 'work-report-studio',
      version: 2,
      meta: { templateId: 'npc', kind: 'npc', planYear: 2024 },
      doc: { type: 'doc' },
    })
    const context = {
      editor,
      report: () => reviewBinding.read({ ...base, doc: docJson(editor.state.doc) }),
    } as unknown as EditorContext
    expect(decide(context, { author: '张三' }, 'accept')).toBe(1)
    expect(suggestions(editor).map(each => each.author)).toEqual(['李四'])
    expect(texts(editor)).toEqual(['全年完成九项重点任务。'])
    const ledger = editor.state.doc.attrs.review as { decided: Array<{ author: string; status: string }> }
    expect(ledger.decided.map(each => [each.author, each.status])).toEqual([['张三', 'accepted']])
    editor.commands.undo()
    expect(editor.state.doc.eq(before)).toBe(true)
  })
})
