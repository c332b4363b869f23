import { readFileSync } from 'node:fs'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { gateExport } from '../../../../core/checks/export-gate'
import { MarkType, NodeType, nodeText, paragraph } from '../../../../core/document-model'
import type { DocNode } from '../../../../core/document-model'
import { buildDocx } from '../../../../core/export/docx/build-docx'
import { buildPrintHtml } from '../../../../core/export/print-html/build-print-html'
import { importText } from '../../../../core/import/import-text'
import type { ReportFile } from '../../../../core/report-file'
import { findFigures } from '../../../../core/reuse/mark-figures'
import { promiseOf } from '../../../../core/reuse/promise-box'
import { rollForward } from '../../../../core/reuse/roll-forward'
import { analyzeStructure } from '../../../../core/structure/analyze-structure'
import { getBuiltinTemplate } from '../../../../core/templates/builtin-templates'
import { createReport } from '../../../../core/templates/create-report'
import { seedSamplePath } from '../../../fixtures/seed-sample-path'

const seed = readFileSync(seedSamplePath, 'utf8')
const imported = importText(seed, { markdown: true, fileName: 'erqi-2023-npc-cppcc-newspaper.md' })
const npc = imported.reports.find(report => report.meta.kind === 'npc')!
const cppcc = imported.reports.find(report => report.meta.kind === 'cppcc')!
const now = '2024-01-05T08:00:00.000Z'

const promisedLeads = [
  '以更高政治站位推动党的二十大精神落地落细',
  '以更实举措提升履职实效',
  '以更优服务支持代表依法履职',
  '以更高标准加强自身建设',
]

function top(report: ReportFile): DocNode[] {
  return report.doc.content ?? []
}

/** Text runs outside headings that carry figures but no needs-review mark. */
function unmarkedFigures(nodes: DocNode[]): string[] {
  const out: string[] = []
  const walk = (node: DocNode, inHeading: boolean): void => {
    if (node.type === NodeType.text && !inHeading && !node.marks?.some(mark => mark.type === MarkType.needsReview)) {
      for (const range of findFigures(node.text ?? '')) out.push((node.text ?? '').slice(range.from, range.to))
    }
    node.content?.forEach(child => walk(child, inHeading || node.type === NodeType.heading))
  }
  nodes.forEach(node => walk(node, false))
  return out
}

function markedTexts(nodes: DocNode[]): string[] {
  const out: string[] = []
  const walk = (node: DocNode): void => {
    if (node.marks?.some(mark => mark.type === MarkType.needsReview)) out.push(node.text ?? '')
    node.content?.forEach(walk)
  }
  nodes.forEach(walk)
  return out
}

/** What a clerk does after rolling forward: writes every section and confirms every marked figure. */
function resolveEverything(report: ReportFile): ReportFile {
  const written =
    '围绕这项任务，常委会组织专题视察和调研，推动问题整改落实，取得了明显成效，人民群众的获得感进一步增强。'
  const clean = (node: DocNode): DocNode => {
    if (node.type === NodeType.guidance) return paragraph(written)
    const promise = promiseOf(node)
    // Written under the promise, then marked done with the box's 已完成.
    if (promise) return { ...node, attrs: { ...node.attrs, promise: { ...promise, done: true } } }
    const marks = node.marks?.filter(mark => mark.type !== MarkType.needsReview)
    const next: DocNode = { ...node, ...(node.content ? { content: node.content.map(clean) } : {}) }
    if (node.marks) {
      if (marks && marks.length) next.marks = marks
      else delete next.marks
    }
    return next
  }
  const content = (report.doc.content ?? []).flatMap(node =>
    promiseOf(node) ? [clean(node), paragraph(written)] : [clean(node)],
  )
  return { ...report, doc: { ...report.doc, content } }
}

describe('rollForward of the seed 人大 report (2023 → 2024)', () => {
  const next = rollForward(npc, { sourceFile: '/报告/2023年人大常委会工作报告.wrs', now })
  const structure = analyzeStructure(next)
  const review = structure.parts.find(part => part.role === 'review')!
  const tasks = structure.parts.find(part => part.role === 'tasks')!

  it('moves plan year and session on, keeps last year untouched', () => {
    expect(npc.meta.planYear).toBe(2023)
    expect(next.meta.planYear).toBe(2024)
    expect(next.meta.meetingName).toBe('二七区第十七届人民代表大会第四次会议')
    expect(next.meta.date).toBe('2024-02-27')
    expect(next.meta.status).toBe('draft')
    expect(nodeText(top(npc)[1]!)).toBe('——2023年2月27日在二七区第十七届人民代表大会第三次会议上')
    const subtitle = top(next).find(node => node.type === NodeType.reportSubtitle)!
    expect(nodeText(subtitle)).toBe('——2024年2月27日在二七区第十七届人民代表大会第四次会议上')
    expect(markedTexts([subtitle])).toEqual(['2024年2月27日', '二七区第十七届人民代表大会第四次会议'])
  })

  it("turns the four 2023 tasks into this year's review sections, each heading carrying the promise", () => {
    expect(structure.parts.map(part => [part.title, part.role])).toEqual([
      ['2023年主要工作', 'review'],
      ['2024年主要任务', 'tasks'],
    ])
    expect(review.children.map(child => child.title)).toEqual(promisedLeads)
    for (const child of review.children) {
      // Nothing in the body to overwrite: the promise is an attribute of the heading, shown above the section.
      expect(top(next).slice(child.index + 1, child.end)).toEqual([])
      expect(promiseOf(top(next)[child.index]!)).toMatchObject({ year: 2023, done: false })
    }
    const second = promiseOf(top(next)[review.children[1]!.index]!)!
    expect(second.text).toMatch(/^以更实举措提升履职实效。围绕‘安居’工程建设,开展安置房建设等专项视察;/u)
    const findings = gateExport(next, null).blocking.filter(finding => finding.rule === 'STR-PLACEHOLDER')
    expect(findings.filter(finding => finding.location.path[0] === review.children[1]!.index)).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(
          /^“以更实举措提升履职实效”还没有标为已完成（2023年报告承诺：“以更实举措提升履职实效。/u,
        ),
      }),
    ])
  })

  it('leaves the 2024 tasks part empty but for the template guidance', () => {
    const body = top(next).slice(tasks.index + 1, tasks.end)
    expect(body).toEqual([{ type: NodeType.guidance, attrs: { text: expect.stringContaining('主要任务') } }])
  })

  it('marks every reused figure and records provenance', () => {
    expect(unmarkedFigures(top(next))).toEqual([])
    expect(next.provenance.length).toBeGreaterThanOrEqual(4)
    for (const entry of next.provenance) {
      expect(entry).toMatchObject({
        sourceFile: '/报告/2023年人大常委会工作报告.wrs',
        sourceYear: 2023,
        kind: 'rollforward',
        at: now,
      })
    }
    expect(next.provenance.map(entry => entry.target)).toEqual(expect.arrayContaining(promisedLeads))
  })

  it('is refused as a final export until the sections are written and the figures confirmed', () => {
    const refused = gateExport(next, null)
    expect(refused.allowed).toBe(false)
    const rules = new Set(refused.blocking.map(finding => finding.rule))
    expect(rules).toContain('STR-PLACEHOLDER')
    expect(rules).toContain('STR-NEEDS-REVIEW')
    expect(gateExport(next, '征求意见稿').allowed).toBe(true)

    const resolved = resolveEverything(next)
    const gate = gateExport(resolved, null)
    expect(gate.blocking.map(finding => `${finding.rule} ${finding.message}`)).toEqual([])
    expect(gate.allowed).toBe(true)
  })

  it('uses confirmed values without marks', () => {
    const confirmed = rollForward(npc, {
      sourceFile: 'last.wrs',
      now,
      planYear: 2024,
      meetingName: '二七区第十七届人民代表大会第四次会议',
      date: '2024-01-16',
    })
    const subtitle = top(confirmed).find(node => node.type === NodeType.reportSubtitle)!
    expect(nodeText(subtitle)).toBe('——2024年1月16日在二七区第十七届人民代表大会第四次会议上')
    expect(markedTexts([subtitle])).toEqual([])
  })
})

describe('rollForward of other shapes', () => {
  it('splits the 政协 parallel clauses (突出……；突出……) into review sections', () => {
    const next = rollForward(cppcc, { sourceFile: 'cppcc.wrs', now })
    const review = analyzeStructure(next).parts.find(part => part.role === 'review')!
    expect(review.title).toBe('2023年工作回顾')
    expect(review.children.map(child => child.title)).toEqual([
      '突出筑牢政治忠诚',
      '突出服务中心大局',
      '突出大团结大联合',
      '突出创优创新导向',
      '突出强基固本工程',
    ])
    expect(next.meta.meetingName).toBe('政协二七区第十届委员会第三次会议')
  })

  it('keeps the opening formula and the closing appeal with their figures marked, tasks from 一是…二是…', () => {
    const withClosing: ReportFile = {
      ...npc,
      doc: {
        type: 'doc',
        content: [
          ...top(npc).slice(0, 4),
          paragraph('我受二七区人民代表大会常务委员会委托，向大会报告工作，请予审议。'),
          ...top(npc).filter(node => node.type === NodeType.heading && node.attrs?.role === 'review'),
          paragraph('召开常委会会议8次。'),
          {
            type: 'heading',
            attrs: { level: 1, role: 'tasks', runIn: false },
            content: [{ type: 'text', text: '2023年主要任务' }],
          },
          paragraph('2023年是贯彻党的二十大精神开局之年。'),
          paragraph('一是加强监督工作，听取专项报告10项；二是做好代表工作，办理建议100件。'),
          paragraph(
            '各位代表！让我们更加紧密地团结在以习近平同志为核心的党中央周围，为完成2023年各项任务、实现“十四五”规划目标作出新的更大贡献！',
          ),
        ],
      },
    }
    const next = rollForward(withClosing, { sourceFile: 'x.wrs', now })
    const texts = top(next).map(node => nodeText(node))
    expect(texts).toContain('我受二七区人民代表大会常务委员会委托，向大会报告工作，请予审议。')
    const structure = analyzeStructure(next)
    expect(structure.parts.find(part => part.role === 'review')!.children.map(child => child.title)).toEqual([
      '加强监督工作',
      '做好代表工作',
    ])
    const closing = top(next)[top(next).length - 1]!
    expect(nodeText(closing)).toContain('为完成2023年各项任务')
    expect(markedTexts([closing])).toEqual(['2023'])
    expect(unmarkedFigures(top(next))).toEqual([])
    expect(texts).not.toContain('召开常委会会议8次。')
  })

  it('moves both years of a summary title on and adds no subtitle where the template has none; term-end titles become the usual ones', () => {
    const summary = createReport(getBuiltinTemplate('summary')!, { planYear: 2023, organisation: '二七区' })
    const next = rollForward(summary, { sourceFile: 'summary.wrs', now })
    expect(nodeText(top(next)[0]!)).toBe('二七区2023年工作总结和2024年工作计划')
    expect(top(next).some(node => node.type === NodeType.reportSubtitle)).toBe(false)
    const termEnd = createReport(getBuiltinTemplate('npc')!, {
      planYear: 2023,
      organisation: '二七区',
      termEnd: true,
      meetingName: '二七区第十八届人民代表大会第一次会议',
      date: '2023-01-10',
    })
    expect(analyzeStructure(termEnd).parts.map(part => part.title)).toContain('过去五年工作回顾')
    const after = rollForward(termEnd, { sourceFile: 'npc.wrs', now })
    expect(after.meta.termEnd).toBe(false)
    expect(after.meta.meetingName).toBe('二七区第十八届人民代表大会第二次会议')
    expect(
      analyzeStructure(after)
        .parts.filter(part => part.role !== 'closing')
        .map(part => part.title),
    ).toEqual(['2023年主要工作', '2024年主要任务'])
  })
})

describe('the promise never prints', () => {
  const next = rollForward(npc, { sourceFile: '/报告/2023年人大常委会工作报告.wrs', now })
  const written = resolveEverything(next)
  const promises = (next.doc.content ?? []).map(promiseOf).filter(promise => promise !== null)
  // A piece of each promise that is not the section title (the title does print).
  const fragments = promises.map(promise => promise.text.slice(promise.text.indexOf('。') + 1).slice(0, 12))

  it('is in the report four times, each past its title', () => {
    expect(promises).toHaveLength(4)
    for (const fragment of fragments) expect(fragment.length).toBeGreaterThan(6)
  })

  it.each([
    ['open', next],
    ['written and done', written],
  ])('neither the DOCX nor the print HTML holds it (%s)', async (_, report) => {
    const files = unzipSync(await buildDocx(report, { draftLabel: '征求意见稿' }))
    const xml = Object.entries(files)
      .filter(([name]) => name.endsWith('.xml'))
      .map(([, bytes]) => strFromU8(bytes))
      .join('')
    const html = buildPrintHtml(report, { draftLabel: '征求意见稿', fonts: null })
    for (const fragment of fragments) {
      expect(xml).not.toContain(fragment)
      expect(html).not.toContain(fragment)
    }
    expect(xml).toContain('以更实举措提升履职实效')
    expect(html).toContain('以更实举措提升履职实效')
  })
})
