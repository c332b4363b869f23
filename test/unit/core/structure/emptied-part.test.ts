import { describe, expect, it } from 'vitest'
import { gateExport } from '../../../../core/checks/export-gate'
import type { Finding } from '../../../../core/checks/finding'
import { runChecks } from '../../../../core/checks/run-checks'
import { guidance, heading, NodeType, paragraph, type DocNode } from '../../../../core/document-model'
import type { ReportFile } from '../../../../core/report-file'
import { analyzeStructure } from '../../../../core/structure/analyze-structure'
import { getBuiltinTemplate } from '../../../../core/templates/builtin-templates'
import { filledReport, withNode, withoutRange } from './filled-report'

function part(report: ReportFile, role: string) {
  return analyzeStructure(report).parts.find(candidate => candidate.role === role)!
}

const missing = (report: ReportFile): Finding[] => runChecks(report).filter(finding => finding.rule === 'STR-MISSING')

/** Selecting a part's content (below its heading) and deleting it: the heading stays, with its role. */
function emptyPart(report: ReportFile, role: string): ReportFile {
  const found = part(report, role)
  return withoutRange(report, found.index + 1, found.end)
}

/** Selecting from the start of the heading to the end of the part and deleting: an empty heading keeps its role. */
function emptyHeadingAndPart(report: ReportFile, role: string): ReportFile {
  const found = part(report, role)
  const emptied = withoutRange(report, found.index + 1, found.end)
  const node = emptied.doc.content![found.index]!
  return withNode(emptied, found.index, { type: node.type, attrs: node.attrs })
}

function insertAt(report: ReportFile, index: number, ...nodes: DocNode[]): ReportFile {
  const content = [...report.doc.content!]
  content.splice(index, 0, ...nodes)
  return { ...report, doc: { ...report.doc, content } }
}

describe('an emptied part counts as missing (STR-MISSING)', () => {
  const report = filledReport('npc')

  it('a required part emptied down to its heading is an error at the heading, with no insert fix', () => {
    const emptied = emptyPart(report, 'tasks')
    const tasks = part(report, 'tasks')
    expect(missing(emptied)).toEqual([
      {
        rule: 'STR-MISSING',
        severity: 'error',
        message: '必需的“2024年主要任务”部分（本年度主要任务）只剩标题，没有正文，视同缺少。请在这一标题下写入内容。',
        location: { path: [tasks.index], section: '2024年主要任务' },
      },
    ])
    expect(gateExport(emptied, null).allowed).toBe(false)
  })

  it('an empty heading is named by its role, never as “”', () => {
    const emptied = emptyHeadingAndPart(report, 'tasks')
    const [finding, ...rest] = missing(emptied)
    expect(rest).toEqual([])
    expect(finding!.message).toBe(
      '必需的“2024年主要任务”部分（标题为空）也没有正文，视同缺少。请写上标题和内容，或按 Ctrl+Z 撤销删除。',
    )
    expect(finding!.location.section).toBe('2024年主要任务（标题为空）')
    for (const each of runChecks(emptied)) {
      expect(each.message).not.toContain('“”')
      expect(each.location.section ?? '').not.toBe('')
    }
  })

  it('every level-1 part of every template, emptied: its role counts as missing, error when required', () => {
    for (const id of ['npc', 'cppcc', 'gov', 'summary']) {
      const filled = filledReport(id)
      const template = getBuiltinTemplate(id)!
      for (const section of analyzeStructure(filled).parts) {
        if (section.untitled || !section.role) continue
        const templatePart = template.parts.find(candidate => candidate.role === section.role)!
        for (const emptied of [emptyPart(filled, section.role), emptyHeadingAndPart(filled, section.role)]) {
          const findings = missing(emptied)
          expect(findings, `${id} ${section.role}`).toHaveLength(1)
          expect(findings[0]!.severity).toBe(templatePart.required ? 'error' : 'warning')
          expect(findings[0]!.location.path).toEqual([section.index])
          expect(findings.concat(runChecks(emptied)).every(finding => !finding.message.includes('“”'))).toBe(true)
          // Switching the rule off in the file changes nothing for the gate.
          const off = { ...emptied, checks: { ...emptied.checks, disabled: ['STR-MISSING', 'STR-EMPTY'] } }
          expect(gateExport(off, null).allowed, `${id} ${section.role}`).toBe(!templatePart.required)
        }
      }
    }
  })

  it('a recommended part emptied is a warning', () => {
    const emptied = emptyPart(filledReport('summary'), 'problems')
    expect(missing(emptied).map(finding => [finding.severity, finding.message])).toEqual([
      ['warning', '建议写好“存在的问题和不足”部分（存在的问题和不足）：它只剩标题，没有正文。请在这一标题下写入内容。'],
    ])
  })

  it('a part that still holds guidance is not missing: STR-PLACEHOLDER asks to write it', () => {
    const emptied = emptyPart(report, 'tasks')
    const tasks = part(report, 'tasks')
    const guided = insertAt(emptied, tasks.index + 1, guidance('写明2024年的主要任务。'))
    expect(missing(guided)).toEqual([])
    expect(runChecks(guided).some(finding => finding.rule === 'STR-PLACEHOLDER')).toBe(true)
  })

  it('a part holding only sub-section headings is not missing: STR-EMPTY asks for its body', () => {
    const emptied = emptyPart(report, 'tasks')
    const tasks = part(report, 'tasks')
    const headed = insertAt(emptied, tasks.index + 1, heading(2, '聚焦高质量发展'))
    expect(missing(headed)).toEqual([])
    expect(
      runChecks(headed).filter(finding => finding.rule === 'STR-EMPTY' && finding.severity === 'error'),
    ).toHaveLength(1)
  })

  it('text without 汉字 (a stray number or punctuation) does not make an emptied part written', () => {
    const emptied = emptyPart(report, 'tasks')
    const tasks = part(report, 'tasks')
    expect(missing(insertAt(emptied, tasks.index + 1, paragraph('1. ——'), { type: NodeType.paragraph }))).toHaveLength(
      1,
    )
  })

  it('a second, written part of the same role means the role is not missing', () => {
    const emptied = emptyPart(report, 'tasks')
    const tasks = part(report, 'tasks')
    const twice = insertAt(
      emptied,
      tasks.index + 1,
      heading(1, '2024年工作安排', { role: 'tasks' }),
      paragraph('围绕中心工作，依法履职。'),
    )
    expect(missing(twice)).toEqual([])
  })
})
