// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import { afterEach, describe, expect, it } from 'vitest'
import { guidance, heading, paragraph } from '../../../core/document-model'
import { setGuidanceReplaceLabel } from '../../../renderer/editor/extensions/guidance'
import { reportExtensions } from '../../../renderer/editor/report-extensions'

let editor: Editor | null = null
afterEach(() => {
  editor?.destroy()
  editor = null
})

const labels = () => [...editor!.view.dom.querySelectorAll('.guidance-replace')].map(button => button.textContent)

describe('guidance placeholder 替换 button', () => {
  it('follows a language switch, for the placeholders shown and those added afterwards, without an edit', () => {
    const element = document.createElement('div')
    document.body.append(element)
    editor = new Editor({
      element,
      extensions: reportExtensions({ scheme: 'numbered', replaceLabel: '替换' }),
      content: {
        type: 'doc',
        content: [
          heading(1, '2024年主要工作'),
          guidance('回顾上一年工作。'),
          paragraph('正文。'),
          guidance('写主要任务。'),
        ],
      },
    })
    expect(labels()).toEqual(['替换', '替换'])
    const before = editor.state.doc
    setGuidanceReplaceLabel(editor, 'Replace')
    expect(labels()).toEqual(['Replace', 'Replace'])
    expect(editor.state.doc).toBe(before)
    editor.commands.insertContentAt(editor.state.doc.content.size, guidance('新的提示。'))
    expect(labels()).toEqual(['Replace', 'Replace', 'Replace'])
    setGuidanceReplaceLabel(editor, '替换')
    expect(labels()).toEqual(['替换', '替换', '替换'])
  })
})
