// @vitest-environment happy-dom
import { Editor, getSchema } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import type { DocNode } from '../../../core/document-model'
import { heading, paragraph, textNode } from '../../../core/document-model'
import { fitToSchema } from '../../../core/editor-schema/fit-to-schema'
import { reportExtensions } from '../../../renderer/editor/report-extensions'

const schema = getSchema(reportExtensions())

describe('fitting a foreign document to the editor schema', () => {
  it('keeps a known document as it is', () => {
    const doc: DocNode = { type: 'doc', content: [heading(1, '工作'), paragraph('正文')] }
    expect(fitToSchema(doc, schema)).toEqual({ doc, changed: 0 })
  })

  it('unwraps unknown blocks, turns unknown inline nodes into text and drops unknown marks, losing no text', () => {
    const doc: DocNode = {
      type: 'doc',
      content: [
        paragraph('甲'),
        { type: 'blockquote', content: [paragraph('乙')] },
        {
          type: 'paragraph',
          content: [
            textNode('丙', [{ type: 'italic' }, { type: 'bold' }]),
            { type: 'mention', content: [textNode('丁')] },
          ],
        },
        { type: 'callout', content: [textNode('戊')] },
      ],
    }
    const { doc: fitted, changed } = fitToSchema(doc, schema)
    expect(changed).toBe(4)
    const editor = new Editor({ extensions: reportExtensions(), content: fitted })
    expect(editor.getText({ blockSeparator: '|' })).toBe('甲|乙|丙丁|戊')
    expect(editor.getJSON().content![2]!.content![0]!.marks).toEqual([{ type: 'bold' }])
    editor.destroy()
  })

  it('falls back to plain paragraphs when known nodes break content rules', () => {
    const doc: DocNode = {
      type: 'doc',
      content: [
        { type: 'tableRow', content: [{ type: 'tableCell', content: [paragraph('孤立的单元格')] }] },
        paragraph('后文'),
      ],
    }
    const { doc: fitted, changed } = fitToSchema(doc, schema)
    expect(changed).toBeGreaterThan(0)
    expect(fitted.content).toEqual([paragraph('孤立的单元格'), paragraph('后文')])
  })
})
