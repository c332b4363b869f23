// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import { afterEach, describe, expect, it } from 'vitest'
import { generateReport } from '../../../bench/generate-report'
import { reportExtensions } from '../../../renderer/editor/report-extensions'
import { docJson } from '../../../renderer/editor/doc-json'

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
