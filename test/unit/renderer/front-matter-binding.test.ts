// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import { afterEach, describe, expect, it } from 'vitest'
import { getBuiltinTemplate } from '../../../core/templates/builtin-templates'
import { createReport } from '../../../core/templates/create-report'
import { countReport } from '../../../renderer/editor/char-count'
import { metaFromDoc, takeTitleStatus, writeFrontMatterField } from '../../../renderer/editor/front-matter-binding'
import { reportExtensions } from '../../../renderer/editor/report-extensions'

const editors: Editor[] = []
afterEach(() => {
  while (editors.length) editors.pop()!.destroy()
})

function setUp() {
  const report = createReport(getBuiltinTemplate('npc')!, {
    planYear: 2024,
    organisation: '东城区',
    meetingName: '东城区第十八届人民代表大会第三次会议',
    date: '2024-01-16',
    speakerOffice: '东城区人大常委会主任',
    speakerName: '张三',
  })
  const editor = new Editor({ extensions: reportExtensions(), content: report.doc })
  editors.push(editor)
  return { report, editor }
}

describe('front matter bound to report meta', () => {
  it('reads title, date, meeting and speaker from the front matter nodes', () => {
    const { report, editor } = setUp()
    const meta = metaFromDoc(editor.state.doc, {
      ...report.meta,
      title: '',
      date: '',
      meetingName: '',
      speakerOffice: '',
      speakerName: '',
    })
    expect(meta).toMatchObject({
      date: '2024-01-16',
      meetingName: '东城区第十八届人民代表大会第三次会议',
      speakerOffice: '东城区人大常委会主任',
      speakerName: '张三',
    })
    expect(meta.title).toContain('东城区')
  })

  it('follows edits typed into the speaker line', () => {
    const { report, editor } = setUp()
    const speaker = editor.view.dom.querySelector('[data-type="speaker-line"]')!
    const pos = editor.view.posAtDOM(speaker, 0)
    editor.commands.insertContentAt({ from: pos, to: pos + speaker.textContent!.length }, '东城区人大常委会副主任 李四')
    expect(metaFromDoc(editor.state.doc, report.meta)).toMatchObject({
      speakerOffice: '东城区人大常委会副主任',
      speakerName: '李四',
    })
  })

  it('writes metadata panel edits into the nodes', () => {
    const { report, editor } = setUp()
    let meta = writeFrontMatterField(editor, report.meta, 'date', '2025-01-20')
    meta = writeFrontMatterField(editor, meta, 'speakerName', '王五')
    meta = writeFrontMatterField(editor, meta, 'title', '东城区人民代表大会常务委员会工作报告')
    expect(editor.view.dom.querySelector('[data-type="report-subtitle"]')!.textContent).toBe(
      '——2025年1月20日在东城区第十八届人民代表大会第三次会议上',
    )
    expect(editor.view.dom.querySelector('[data-type="speaker-line"]')!.textContent).toBe('东城区人大常委会主任 王五')
    expect(editor.view.dom.querySelector('[data-type="report-title"]')!.textContent).toBe(
      '东城区人民代表大会常务委员会工作报告',
    )
    expect(metaFromDoc(editor.state.doc, meta)).toMatchObject({ date: '2025-01-20', speakerName: '王五' })
  })

  it('follows a bracketed subtitle and an office glued to the name, and keeps the subtitle form when writing', () => {
    const { report, editor } = setUp()
    const replaceNode = (type: string, text: string) => {
      const dom = editor.view.dom.querySelector(`[data-type="${type}"]`)!
      const pos = editor.view.posAtDOM(dom, 0)
      editor.commands.insertContentAt({ from: pos, to: pos + dom.textContent!.length }, text)
    }
    replaceNode('report-subtitle', '（2024年1月16日在东城区第十八届人民代表大会第三次会议上）')
    replaceNode('speaker-line', '某某镇人民政府镇长李四')
    const meta = metaFromDoc(editor.state.doc, { ...report.meta, date: '', meetingName: '' })
    expect(meta).toMatchObject({
      date: '2024-01-16',
      meetingName: '东城区第十八届人民代表大会第三次会议',
      speakerOffice: '某某镇人民政府镇长',
      speakerName: '李四',
    })
    writeFrontMatterField(editor, meta, 'date', '2025-01-20')
    expect(editor.view.dom.querySelector('[data-type="report-subtitle"]')!.textContent).toBe(
      '（2025年1月20日在东城区第十八届人民代表大会第三次会议上）',
    )
  })

  it('takes a status suffix off the title: typed in the title field or at the end of the title node', () => {
    const { report, editor } = setUp()
    const meta = writeFrontMatterField(
      editor,
      report.meta,
      'title',
      '东城区人民代表大会常务委员会工作报告（征求意见稿）',
    )
    expect(meta).toMatchObject({ title: '东城区人民代表大会常务委员会工作报告', draftLabel: '征求意见稿' })
    const title = () => editor.view.dom.querySelector('[data-type="report-title"]')!.textContent
    expect(title()).toBe('东城区人民代表大会常务委员会工作报告')
    const dom = editor.view.dom.querySelector('[data-type="report-title"]')!
    const end = editor.view.posAtDOM(dom, 0) + dom.textContent!.length
    editor.commands.insertContentAt(end, '(讨论稿)')
    expect(metaFromDoc(editor.state.doc, meta)).toMatchObject({
      title: '东城区人民代表大会常务委员会工作报告',
      draftLabel: '讨论稿',
    })
    expect(takeTitleStatus(editor)).toBe('讨论稿')
    expect(title()).toBe('东城区人民代表大会常务委员会工作报告')
    expect(takeTitleStatus(editor)).toBeUndefined()
  })

  it('counts 汉字 and characters per part and for the report, leaving guidance prompts out', () => {
    const { editor } = setUp()
    const counts = countReport(editor.state.doc)
    expect(counts.parts.length).toBeGreaterThanOrEqual(2)
    expect(counts.han).toBe(editor.state.doc.textContent.match(/\p{Script=Han}/gu)!.length)
    expect(counts.parts.reduce((sum, part) => sum + part.han, 0)).toBeLessThanOrEqual(counts.han)
    const guidanceText = [...editor.view.dom.querySelectorAll('.guidance-text')].map(node => node.textContent).join('')
    expect(guidanceText.length).toBeGreaterThan(0)
    expect(editor.state.doc.textContent).not.toContain(guidanceText.slice(0, 10))
  })
})
