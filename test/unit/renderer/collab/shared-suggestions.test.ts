// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Suggestion } from '../../../../renderer/editor/extensions/suggestion'
import { reportExtensions } from '../../../../renderer/editor/report-extensions'

const editors: Editor[] = []
afterEach(() => {
  while (editors.length) editors.pop()!.destroy()
})

/** A part editor as the shared report builds it (FragmentEditor), signed by `author`. */
function partEditor(doc: Y.Doc, author: string): Editor {
  const editor = new Editor({
    extensions: [
      ...reportExtensions({ scheme: 'numbered', replaceLabel: '替换', collaborative: true }),
      Collaboration.configure({ document: doc, field: 'part:a' }),
      Suggestion,
    ],
  })
  editor.storage.suggestion.author = author
  editors.push(editor)
  return editor
}

/** Two Y.Docs kept in step, as through the server. */
function linkedDocs(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc()
  const b = new Y.Doc()
  a.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, update, 'remote'))
  b.on('update', (update: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, update, 'remote'))
  return [a, b]
}

const insertions = (editor: Editor) => {
  const found: string[] = []
  editor.state.doc.descendants(node => {
    const mark = node.marks.find(each => each.type.name === 'insertion')
    if (node.isText && mark) found.push(`${String(mark.attrs.author)}:${node.text}`)
  })
  return found
}

describe('suggestion mode in a shared report', () => {
  it('marks only this member’s own typing; others’ changes arriving through Yjs stay theirs', () => {
    const [docA, docB] = linkedDocs()
    const li = partEditor(docA, '李四')
    const wang = partEditor(docB, '王主任')
    li.commands.setSuggesting(true)
    li.commands.insertContent('李四的建议')
    wang.commands.focus('end')
    wang.commands.insertContent('负责人直接改的')
    // 李四's own text is his suggestion; the owner's plain edit reached 李四's editor and was not turned into one.
    expect(insertions(li)).toEqual(['李四:李四的建议'])
    expect(insertions(wang)).toEqual(['李四:李四的建议'])
    expect(li.getText()).toContain('负责人直接改的')
  })
})
