import { describe, expect, it } from 'vitest'
import { fixAllCounted, planFixes } from '../../../core/checks/apply-fixes'
import { runChecks } from '../../../core/checks/run-checks'
import { heading, NodeType, nodeText, paragraph } from '../../../core/document-model'
import { importText } from '../../../core/import/import-text'
import type { ReportFile } from '../../../core/report-file'
import { pastedTextToNodes } from '../../../core/reuse/pasted-text-to-nodes'
import { sanitizePastedHtml } from '../../../core/reuse/sanitize-pasted-html'

/** Issue 10: numbering as written is evidence — a gap, a repeat or a wrong order is named, kept and checked. */

const front = [
  '二七区人民代表大会常务委员会工作报告',
  '——2024年1月16日在二七区第十七届人民代表大会第三次会议上',
  '二七区人大常委会主任 张三',
  '各位代表：',
  '我受区人民代表大会常务委员会委托，向大会报告工作，请予审议。',
]

function importBody(lines: string[]) {
  return importText([...front, ...lines].join('\n'))
}

const sequenceFindings = (report: ReportFile) => runChecks(report).filter(finding => finding.rule === 'TXT-SEQ-CONT')

function headingAt(report: ReportFile, path: number[]) {
  return nodeText(report.doc.content![path[0]!]!)
}

describe('a source whose headings go （一）（二）（四）（五）', () => {
  const { reports, notes } = importBody([
    '一、2023年主要工作',
    '（一）坚持党的全面领导',
    '全年开展理论学习21次。',
    '（二）依法履行监督职责',
    '听取审议专项工作报告10项。',
    '（四）加强代表工作',
    '代表建议全部办结。',
    '（五）加强自身建设',
    '完善议事规则。',
    '二、2024年主要任务',
    '依法履职。',
  ])
  const report = reports[0]!

  it('says so in a notice naming the heading, and keeps the computed numbering', () => {
    expect(notes).toContainEqual(expect.stringContaining('“（四）加强代表工作”前缺少“（三）”'))
    expect(notes.filter(note => note.includes('编号有误'))).toHaveLength(1)
    const levels = report.doc.content!.filter(node => node.type === NodeType.heading).map(node => node.attrs)
    expect(levels.map(attrs => attrs?.sourceNumber ?? null)).toEqual([null, null, null, '（四）', '（五）', null])
  })

  it('keeps a TXT-SEQ-CONT finding on the headings whose printed number differs, with the fix 确认编号', () => {
    const findings = sequenceFindings(report)
    expect(findings.map(finding => headingAt(report, finding.location.path))).toEqual(['加强代表工作', '加强自身建设'])
    expect(findings[0]!.severity).toBe('error')
    expect(findings[0]!.message).toBe(
      '原文的编号有误：“（四）加强代表工作”前缺少“（三）”，现按顺序编为“（三）”。请核对原文是否漏了、多了或编错了一节；核对无误后点“确认编号”，以现在的编号为准。',
    )
    expect(findings[1]!.message).toContain('原文此处编号为“（五）”，因前面的编号有误，现顺次编为“（四）”。')
    expect(findings[0]!.fix).toEqual({
      kind: 'setAttrs',
      label: '确认编号',
      path: findings[0]!.location.path,
      attrs: { sourceNumber: null },
    })
  })

  it('is cleared by 确认编号 — only when the rule is named, never by a plain fix-all', () => {
    expect(planFixes(report).attrs).toEqual([])
    expect(fixAllCounted(report).report.doc).toEqual(report.doc)
    const confirmed = fixAllCounted(report, 'TXT-SEQ-CONT')
    expect(confirmed.applied).toBe(2)
    expect(sequenceFindings(confirmed.report)).toEqual([])
    expect(JSON.stringify(confirmed.report.doc)).not.toContain('sourceNumber')
  })

  it('goes away when the user writes the missing （三） section (the printed numbers then match the source)', () => {
    const content = [...report.doc.content!]
    const fourth = content.findIndex(node => node.attrs?.sourceNumber === '（四）')
    content.splice(fourth, 0, heading(2, '支持代表依法履职'), paragraph('代表联络站开展活动110次。'))
    expect(sequenceFindings({ ...report, doc: { ...report.doc, content } })).toEqual([])
  })
})

describe('repeats and wrong order', () => {
  it('names a repeat (一、二、二、)', () => {
    const { reports, notes } = importBody([
      '一、2023年主要工作',
      '正文。',
      '二、2024年主要任务',
      '正文。',
      '二、加强自身建设',
      '正文。',
    ])
    expect(notes.join('')).toContain('“二、加强自身建设”与前一个标题“二、2024年主要任务”编号重复')
    expect(sequenceFindings(reports[0]!).map(finding => finding.message)).toEqual([
      expect.stringContaining('现按顺序编为“三、”'),
    ])
  })

  it('names a wrong order (三、 before 二、)', () => {
    const { reports, notes } = importBody([
      '一、2023年主要工作',
      '正文。',
      '三、加强自身建设',
      '正文。',
      '二、2024年主要任务',
      '正文。',
    ])
    const notice = notes.find(note => note.includes('编号有误'))!
    expect(notice).toContain('“三、加强自身建设”前缺少“二、”')
    expect(notice).toContain('“二、2024年主要任务”排在“三、加强自身建设”之后，顺序颠倒')
    expect(sequenceFindings(reports[0]!)).toHaveLength(2)
  })
})

describe('numbers kept on paste', () => {
  it('a pasted fragment may start at any number; a gap inside it is kept as evidence, as import does', () => {
    const from = (nodes: ReturnType<typeof pastedTextToNodes>) =>
      nodes.filter(node => node.type === NodeType.heading).map(node => node.attrs?.sourceNumber ?? null)
    expect(from(pastedTextToNodes('（三）加强代表工作\n正文。\n（四）加强自身建设\n正文。'))).toEqual([null, null])
    expect(from(pastedTextToNodes('（三）加强代表工作\n正文。\n（五）加强自身建设\n正文。'))).toEqual([null, '（五）'])
    expect(from(sanitizePastedHtml('<p>（三）加强代表工作</p><p>正文。</p><p>（五）加强自身建设</p>'))).toEqual([
      null,
      '（五）',
    ])
  })
})
