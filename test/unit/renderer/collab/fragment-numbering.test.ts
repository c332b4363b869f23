// @vitest-environment happy-dom
import { Editor, getSchema } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { heading, paragraph } from '../../../../core/document-model'
import { reportExtensions } from '../../../../renderer/editor/report-extensions'

const editors: Editor[] = []
afterEach(() => {
  while (editors.length) editors.pop()!.destroy()
})

function partEditor(doc: Y.Doc, field: string, numberingStart: number): Editor {
  const editor = new Editor({
    extensions: [
      ...reportExtensions({ scheme: 'numbered', replaceLabel: '替换', collaborative: true, numberingStart }),
      Collaboration.configure({ document: doc, field }),
    ],
  })
  editors.push(editor)
  return editor
}

const markers = (editor: Editor) =>
  [...editor.view.dom.querySelectorAll('.report-heading')].map(
    element => (element.getAttribute('data-marker') ?? '') + element.textContent,
  )

describe('a shared report part in its own editor', () => {
  it('numbers its headings from the part’s place in the report', async () => {
    const doc = new Y.Doc()
    const schema = getSchema(reportExtensions({ scheme: 'numbered', replaceLabel: '替换' }))
    prosemirrorJSONToYXmlFragment(
      schema,
      { type: 'doc', content: [heading(1, '今年的主要任务'), heading(2, '推进立法'), paragraph('正文。')] },
      doc.getXmlFragment('part:b'),
    )
    const editor = partEditor(doc, 'part:b', 1)
    await new Promise(resolve => setTimeout(resolve, 20))
    expect(markers(editor)).toEqual(['二、今年的主要任务', '（一）推进立法'])
  })

  it('has no undoRedo of its own: undo goes through Yjs and undoes only this editor’s changes', () => {
    const doc = new Y.Doc()
    const editor = partEditor(doc, 'part:a', 0)
    expect(editor.extensionManager.extensions.some(extension => extension.name === 'undoRedo')).toBe(false)
    editor.commands.insertContent('本处室写的')
    doc.getXmlFragment('part:a').insert(0, [new Y.XmlElement('paragraph')]) // someone else's change
    editor.commands.undo()
    expect(editor.getText()).not.toContain('本处室写的')
    expect(doc.getXmlFragment('part:a').length).toBeGreaterThanOrEqual(1)
  })
})
