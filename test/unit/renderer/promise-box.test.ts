// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'
import { afterEach, describe, expect, it } from 'vitest'
import { runChecks } from '../../../core/checks/run-checks'
import { heading, paragraph, type DocNode } from '../../../core/document-model'
import { promiseOf } from '../../../core/reuse/promise-box'
import { docJson } from '../../../renderer/editor/doc-json'
import { reportExtensions } from '../../../renderer/editor/report-extensions'
import { npcReportFixture } from '../../fixtures/docx-npc-report'

const editors: Editor[] = []
afterEach(() => {
  while (editors.length) editors.pop()!.destroy()
})

const promise = {
  year: 2023,
  text: '以更实举措提升履职实效。围绕“安居”工程建设，开展安置房建设专项视察。',
  done: false,
}

function promised(title: string): DocNode {
  const node = heading(2, title)
  return { ...node, attrs: { ...node.attrs, promise } }
}

function editorWith(content: DocNode[]): Editor {
  const element = document.createElement('div')
  document.body.append(element)
  const editor = new Editor({ element, extensions: reportExtensions(), content: { type: 'doc', content } })
  editors.push(editor)
  return editor
}

const doc = [
  heading(1, '2023年主要工作', { role: 'review' }),
  promised('以更实举措提升履职实效'),
  heading(2, '以更优服务支持代表依法履职'),
  paragraph('代表建议全部办结。'),
]

const boxes = (editor: Editor) => [...editor.view.dom.querySelectorAll<HTMLElement>('[data-testid="promise-box"]')]
const promiseAt = (editor: Editor, index: number) => promiseOf(docJson(editor.state.doc).content![index]!)

describe('the promise box in the editor', () => {
  it('is drawn under the heading that carries it, quoting last year, and is not document text', () => {
    const editor = editorWith(doc)
    const [box, ...rest] = boxes(editor)
    expect(rest).toEqual([])
    expect(box!.previousElementSibling!.textContent).toBe('以更实举措提升履职实效')
    expect(box!.textContent).toContain('2023年报告承诺')
    expect(box!.textContent).toContain('“以更实举措提升履职实效。围绕“安居”工程建设，开展安置房建设专项视察。”')
    expect(box!.getAttribute('contenteditable')).toBe('false')
    expect(editor.state.doc.textContent).not.toContain('安置房')
  })

  it('在下面写 opens a paragraph under the heading; typing there keeps the promise; 已完成 folds it, undo opens it again', () => {
    const editor = editorWith(doc)
    boxes(editor)[0]!.querySelector<HTMLButtonElement>('.promise-write')!.click()
    editor.commands.insertContent('全年开展安置房建设专项视察3次，推动问题整改。')
    const json = docJson(editor.state.doc)
    expect(json.content![2]).toEqual(paragraph('全年开展安置房建设专项视察3次，推动问题整改。'))
    expect(promiseAt(editor, 1)).toEqual(promise)
    expect(boxes(editor)).toHaveLength(1)

    // Select everything in the section and type over it: the promise is not in the selection.
    const start = editor.state.doc.child(0).nodeSize + editor.state.doc.child(1).nodeSize
    editor.view.dispatch(
      editor.state.tr.setSelection(TextSelection.create(editor.state.doc, start + 1, start + 1 + 24)),
    )
    editor.commands.insertContent('改写后的正文。')
    expect(promiseAt(editor, 1)).toEqual(promise)

    const marker = () => editor.view.dom.querySelectorAll('h2.report-heading')[0]!.getAttribute('data-marker')
    expect(marker()).toBe('（一）')
    boxes(editor)[0]!.querySelector<HTMLButtonElement>('.promise-done')!.click()
    expect(promiseAt(editor, 1)).toEqual({ ...promise, done: true })
    // The heading's number stays (the node was replaced with new attributes).
    expect(marker()).toBe('（一）')
    expect(boxes(editor)[0]!.classList.contains('done')).toBe(true)
    expect(boxes(editor)[0]!.textContent).toContain('✓ 已对照2023年报告的承诺写完')
    editor.commands.undo()
    expect(promiseAt(editor, 1)).toEqual(promise)
    expect(boxes(editor)[0]!.querySelector('.promise-done')).not.toBeNull()
    editor.commands.redo()
    boxes(editor)[0]!.querySelector<HTMLButtonElement>('.promise-reopen')!.click()
    expect(promiseAt(editor, 1)).toEqual(promise)
  })

  it('在下面写 on a section with text puts the cursor at the end of it', () => {
    const editor = editorWith([
      promised('以更实举措提升履职实效'),
      paragraph('第一段。'),
      paragraph('第二段。'),
      heading(2, '下一节'),
    ])
    editor.commands.writeUnderPromise(0)
    expect(editor.state.selection.$from.parent.textContent).toBe('第二段。')
    expect(editor.state.selection.$from.parentOffset).toBe(4)
    expect(editor.state.doc.childCount).toBe(4)
  })

  it('splitting the heading does not copy the promise', () => {
    const editor = editorWith(doc)
    const headingStart = editor.state.doc.child(0).nodeSize
    editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(editor.state.doc, headingStart + 4)))
    editor.commands.splitBlock()
    const json = docJson(editor.state.doc)
    expect(promiseOf(json.content![1]!)).toEqual(promise)
    expect(json.content![2]!.attrs?.promise ?? null).toBeNull()
    expect(boxes(editor)).toHaveLength(1)
  })

  it('a saved report keeps the promise, and the checks ask about it until it is done', () => {
    const report = npcReportFixture()
    const withPromise = {
      ...report,
      doc: {
        ...report.doc,
        content: [
          ...report.doc.content!.slice(0, 6),
          promised('坚持依法监督'),
          paragraph('全年开展执法检查4次。'),
          ...report.doc.content!.slice(6),
        ],
      },
    }
    const editor = editorWith(withPromise.doc.content!)
    const saved = { ...withPromise, doc: docJson(editor.state.doc) }
    const open = runChecks(saved).filter(finding => finding.rule === 'STR-PLACEHOLDER')
    expect(open.map(finding => finding.message)).toEqual([
      '“坚持依法监督”还没有标为已完成（2023年报告承诺：“以更实举措提升履职实效。围绕“安居”工程……”）。写明这一年的落实情况后，点标题下提示框中的“已完成”。',
    ])
    editor.commands.markPromiseDone(editor.state.doc.child(0).nodeSize * 0 + positionOfChild(editor, 6))
    expect(
      runChecks({ ...withPromise, doc: docJson(editor.state.doc) }).filter(f => f.rule === 'STR-PLACEHOLDER'),
    ).toEqual([])
  })
})

function positionOfChild(editor: Editor, index: number): number {
  let pos = 0
  for (let child = 0; child < index; child++) pos += editor.state.doc.child(child).nodeSize
  return pos
}
