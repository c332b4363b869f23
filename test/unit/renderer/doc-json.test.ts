// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import { afterEach, describe, expect, it } from 'vitest'
import { generateReport } from '../../../bench/generate-report'
import { reportExtensions } from '../../../renderer/editor/report-extensions'
import { docJson, docJsonText, reportJsonText } from '../../../renderer/editor/doc-json'

const editors: Editor[] = []
afterEach(() => {
  while (editors.length) editors.pop()!.destroy()
})

describe('docJson', () => {
  it('gives what editor.getJSON() gives, before and after typing, and keeps untouched blocks', () => {
    const report = generateReport(3)
    const editor = new Editor({ extensions: reportExtensions(), content: report.doc })
    editors.push(editor)
    const before = docJson(editor.state.doc)
    expect(before).toEqual(editor.getJSON())

    const blocks = editor.state.doc.childCount
    let pos = 0
    for (let index = 0; index < Math.floor(blocks / 2); index++) pos += editor.state.doc.child(index).nodeSize
    editor.commands.insertContentAt(pos + 1, '新增文字')
    const after = docJson(editor.state.doc)

    expect(after).toEqual(editor.getJSON())
    const changed = after.content!.findIndex((block, index) => block !== before.content![index])
    expect(changed).toBe(Math.floor(blocks / 2))
    expect(JSON.stringify(after.content![changed])).toContain('新增文字')
    expect(after.content!.filter((block, index) => block !== before.content![index])).toHaveLength(1)
  })
})

describe('docJsonText and reportJsonText (the recovery snapshot)', () => {
  it('are JSON.stringify of the document and of the report with it, before and after typing', () => {
    const report = generateReport(3)
    const editor = new Editor({ extensions: reportExtensions(), content: report.doc })
    editors.push(editor)
    expect(docJsonText(editor.state.doc)).toBe(JSON.stringify(editor.getJSON()))
    editor.commands.insertContentAt(3, '“引号”\\和\\u0000')
    expect(docJsonText(editor.state.doc)).toBe(JSON.stringify(editor.getJSON()))
    const withDoc = { ...report, doc: editor.getJSON() }
    expect(reportJsonText({ ...report, doc: null }, editor.state.doc)).toBe(JSON.stringify(withDoc))
    expect(JSON.parse(reportJsonText(report, editor.state.doc))).toEqual(withDoc)
  })

  it('gives an empty document too', () => {
    const editor = new Editor({ extensions: reportExtensions(), content: { type: 'doc', content: [] } })
    editors.push(editor)
    expect(docJsonText(editor.state.doc)).toBe(JSON.stringify(editor.getJSON()))
  })
})
