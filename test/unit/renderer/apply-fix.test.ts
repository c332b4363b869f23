// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import { afterEach, describe, expect, it } from 'vitest'
import { runChecks } from '../../../core/checks/run-checks'
import type { DocNode } from '../../../core/document-model'
import { guidance, heading, nodeText, paragraph, textNode } from '../../../core/document-model'
import { importText } from '../../../core/import/import-text'
import type { ReportFile } from '../../../core/report-file'
import { getBuiltinTemplate } from '../../../core/templates/builtin-templates'
import { createReport } from '../../../core/templates/create-report'
import { applyFix, applyFixes } from '../../../renderer/editor/apply-fix'
import { locationToRange, posOfTopIndex } from '../../../renderer/editor/doc-positions'
import { analyzeStructure } from '../../../core/structure/analyze-structure'
import { reportExtensions } from '../../../renderer/editor/report-extensions'

const template = getBuiltinTemplate('npc')!
const editors: Editor[] = []
function editorFor(report: ReportFile): Editor {
  const editor = new Editor({ extensions: reportExtensions(), content: report.doc })
  editors.push(editor)
  return editor
}
afterEach(() => {
  while (editors.length) editors.pop()!.destroy()
})

function newReport(): ReportFile {
  return createReport(template, {
    planYear: 2024,
    organisation: '东城区',
    meetingName: '东城区第十八届人民代表大会第三次会议',
    date: '2024-01-16',
    speakerOffice: '东城区人大常委会主任',
    speakerName: '张三',
  })
}

const current = (editor: Editor, report: ReportFile): ReportFile => ({ ...report, doc: editor.getJSON() as DocNode })

describe('fixes applied in the editor', () => {
  it('fixes all half-width punctuation of a paragraph in one transaction, undone by one undo', () => {
    const report = newReport()
    const editor = editorFor(report)
    const before = editor.getJSON()
    const at = editor.state.doc.content.size
    editor.commands.insertContentAt(at, {
      type: 'paragraph',
      content: [textNode('全年召开会议12次,审议议题45项;'), textNode('听取报告8个', [{ type: 'bold' }]), textNode('.')],
    })
    const withText = editor.getJSON()
    const findings = runChecks(current(editor, report), { template }).filter(
      finding => finding.rule === 'PUN-HALFWIDTH' && finding.fix?.kind === 'replaceText',
    )
    expect(findings.length).toBeGreaterThan(0)
    expect(applyFixes(editor, findings, template, report.meta)).toBeGreaterThanOrEqual(3)
    expect(editor.getText()).toContain('全年召开会议12次，审议议题45项；听取报告8个。')
    const last = editor.getJSON().content!.at(-1) as DocNode
    expect(last.content!.find(node => node.marks)?.text).toBe('听取报告8个')
    editor.commands.undo()
    expect(editor.getJSON()).toEqual(withText)
    expect(before).not.toEqual(withText)
  })

  it('inserts a missing required part from the template at the place the finding names', () => {
    const report = newReport()
    const editor = editorFor(report)
    const tasks = analyzeStructure(report, template).parts.find(part => part.role === 'tasks')!
    const from = posOfTopIndex(editor.state.doc, tasks.index)
    const to = posOfTopIndex(editor.state.doc, tasks.end)
    editor.commands.deleteRange({ from, to })
    const missing = runChecks(current(editor, report), { template }).find(finding => finding.rule === 'STR-MISSING')
    expect(missing?.fix?.kind).toBe('insertPart')
    expect(applyFix(editor, missing!, template, report.meta)).toBe(true)
    const inserted = editor.getJSON().content!.find(node => node.type === 'heading' && node.attrs?.role === 'tasks')
    expect(inserted).toBeDefined()
    expect(
      runChecks(current(editor, report), { template })
        .filter(finding => finding.rule === 'STR-MISSING')
        .map(finding => finding.message),
    ).toEqual([])
  })

  it('inserts a missing part exactly as wrs new writes it: the closing appeal without a heading, no raw {LEVEL}', () => {
    const report = newReport()
    const shape = (nodes: readonly DocNode[]) =>
      nodes.map(node => [
        node.type,
        node.attrs?.level ?? null,
        node.attrs?.role ?? null,
        nodeText(node) || node.attrs?.text,
      ])
    for (const role of ['tasks', 'closing'] as const) {
      const editor = editorFor(report)
      const part = analyzeStructure(report, template).parts.find(candidate => candidate.role === role)!
      const written = report.doc.content!.slice(part.index, part.end)
      const from = posOfTopIndex(editor.state.doc, part.index)
      editor.commands.deleteRange({ from, to: posOfTopIndex(editor.state.doc, part.end) })
      const missing = runChecks(current(editor, report), { template }).find(
        finding => finding.rule === 'STR-MISSING' && finding.fix?.kind === 'insertPart' && finding.fix.role === role,
      )
      expect(applyFix(editor, missing!, template, report.meta), role).toBe(true)
      const inserted = (editor.getJSON().content as DocNode[]).slice(part.index, part.end)
      expect(shape(inserted), role).toEqual(shape(written))
      expect(JSON.stringify(inserted), role).not.toMatch(/\{[A-Z_]+[+-]?\d*\}/)
      if (role === 'closing')
        expect(
          inserted.some(node => node.type === 'heading'),
          role,
        ).toBe(false)
    }
  })

  it('confirms a source number (确认编号) as one undo step: the finding goes, the computed number stays', () => {
    const { reports } = importText(
      [
        '东城区人民代表大会常务委员会工作报告',
        '——2024年1月16日在东城区第十八届人民代表大会第三次会议上',
        '东城区人大常委会主任 张三',
        '各位代表：',
        '一、2023年主要工作',
        '（一）坚持党的领导',
        '全年开展理论学习21次。',
        '（三）加强代表工作',
        '代表建议全部办结。',
        '二、2024年主要任务',
        '依法履职。',
      ].join('\n'),
    )
    const report = reports[0]!
    const editor = editorFor(report)
    const before = editor.getJSON()
    const finding = runChecks(current(editor, report), { template }).find(each => each.rule === 'TXT-SEQ-CONT')!
    expect(finding.fix).toMatchObject({ kind: 'setAttrs', label: '确认编号' })
    editor.commands.insertContentAt(editor.state.doc.content.size, paragraph('刚才输入的文字。'))
    expect(applyFix(editor, finding, template, report.meta)).toBe(true)
    const confirmed = (editor.getJSON() as DocNode).content!.find(
      node => node.type === 'heading' && node.attrs?.level === 2 && node.content?.[0]?.text === '加强代表工作',
    )
    expect(confirmed?.attrs?.sourceNumber).toBeNull()
    expect(runChecks(current(editor, report), { template }).filter(each => each.rule === 'TXT-SEQ-CONT')).toEqual([])
    editor.commands.undo()
    expect(editor.getJSON().content!.some(node => node.attrs?.sourceNumber === '（三）')).toBe(true)
    expect(editor.getText()).toContain('刚才输入的文字。')
    editor.commands.undo()
    expect(editor.getJSON()).toEqual(before)
  })

  it('maps finding locations to document positions past atoms, hard breaks and table cells', () => {
    const content: DocNode[] = [
      { type: 'reportTitle', content: [textNode('东城区'), { type: 'hardBreak' }, textNode('工作报告')] },
      heading(1, '工作'),
      guidance('提示'),
      paragraph('召开会议12次'),
      {
        type: 'table',
        content: [{ type: 'tableRow', content: [{ type: 'tableCell', content: [paragraph('审议报告')] }] }],
      },
    ]
    const editor = editorFor({ ...newReport(), doc: { type: 'doc', content } })
    const doc = editor.state.doc
    const text = (range: { from: number; to: number } | null) =>
      range ? doc.textBetween(range.from, range.to, '\n') : null
    expect(text(locationToRange(doc, { path: [0], from: 4, to: 8 }))).toBe('工作报告')
    expect(text(locationToRange(doc, { path: [3], from: 4, to: 6 }))).toBe('12')
    expect(locationToRange(doc, { path: [2] })).toMatchObject({ node: true })
    expect(text(locationToRange(doc, { path: [4, 0, 0, 0], from: 2, to: 4 }))).toBe('报告')
    expect(locationToRange(doc, { path: [9] })).toBeNull()
    expect(locationToRange(doc, { path: [] })).toBeNull()
  })

  it('fixes half-width punctuation in a footnote’s text, the body and the note in one undo step', () => {
    const report = newReport()
    const editor = editorFor(report)
    editor.commands.insertContentAt(editor.state.doc.content.size, {
      type: 'paragraph',
      content: [
        textNode('全区地区生产总值增长6.5%'),
        { type: 'footnote', attrs: { text: '按可比价格计算,不含开发区数据;增速为初步核算数.' } },
        textNode('。'),
      ],
    })
    const before = editor.getJSON()
    const findings = runChecks(current(editor, report), { template }).filter(
      finding => finding.rule === 'PUN-HALFWIDTH' && finding.location.footnote !== undefined,
    )
    expect(findings).toHaveLength(3)
    expect(applyFixes(editor, findings, template, report.meta)).toBe(3)
    const notes: string[] = []
    editor.state.doc.descendants(node => {
      if (node.type.name === 'footnote') notes.push(String(node.attrs.text))
    })
    expect(notes).toEqual(['按可比价格计算，不含开发区数据；增速为初步核算数。'])
    editor.commands.undo()
    expect(editor.getJSON()).toEqual(before)
  })
})
