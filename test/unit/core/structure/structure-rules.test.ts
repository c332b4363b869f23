import { describe, expect, it } from 'vitest'
import { gateExport } from '../../../../core/checks/export-gate'
import type { Finding } from '../../../../core/checks/finding'
import { runChecks } from '../../../../core/checks/run-checks'
import { structureRules } from '../../../../core/checks/structure/structure-rules'
import { heading, MarkType, NodeType, paragraph, textNode, type DocNode } from '../../../../core/document-model'
import type { ReportFile } from '../../../../core/report-file'
import { analyzeStructure } from '../../../../core/structure/analyze-structure'
import { getBuiltinTemplate } from '../../../../core/templates/builtin-templates'
import { createReport } from '../../../../core/templates/create-report'
import { bodyParagraph, filledReport, withNode, withoutRange } from './filled-report'

const check = (report: ReportFile, rule?: string): Finding[] =>
  runChecks(report, { rules: structureRules }).filter(finding => !rule || finding.rule === rule)

function part(report: ReportFile, role: string) {
  return analyzeStructure(report).parts.find(candidate => candidate.role === role)!
}

function insertAt(report: ReportFile, index: number, ...nodes: DocNode[]): ReportFile {
  const content = [...report.doc.content!]
  content.splice(index, 0, ...nodes)
  return { ...report, doc: { ...report.doc, content } }
}

describe('a finished report', () => {
  it.each(['npc', 'cppcc', 'gov', 'summary'])('%s: no structure finding at all', id => {
    expect(check(filledReport(id))).toEqual([])
  })
})

describe('STR-MISSING', () => {
  it('removing the next-year part is an error naming it, with an insertPart fix where it belongs; putting it back clears it', () => {
    const report = filledReport('npc')
    const tasks = part(report, 'tasks')
    const removed = withoutRange(report, tasks.index, tasks.end)
    const [finding, ...rest] = check(removed, 'STR-MISSING')
    expect(rest).toEqual([])
    expect(finding).toMatchObject({
      severity: 'error',
      fix: { kind: 'insertPart', role: 'tasks', partId: 'tasks', at: tasks.index },
    })
    expect(finding!.message).toBe(
      '缺少必需的部分“2024年主要任务”（本年度主要任务）。请在“2023年主要工作”之后补写这一部分。',
    )
    expect(check(report, 'STR-MISSING')).toEqual([])
  })

  it('政府自身建设 is required in a gov report; the closing appeal is only recommended', () => {
    const gov = filledReport('gov')
    const self = part(gov, 'selfBuilding')
    const withoutSelf = withoutRange(gov, self.index, self.end)
    expect(check(withoutSelf, 'STR-MISSING').map(f => [f.severity, f.message])).toEqual([
      ['error', '缺少必需的部分“政府自身建设”（政府自身建设）。请在“2024年工作安排”之后补写这一部分。'],
    ])
    const closing = part(gov, 'closing')
    const withoutClosing = withoutRange(gov, closing.index, closing.end)
    expect(check(withoutClosing, 'STR-MISSING').map(f => f.severity)).toEqual(['warning'])
  })
})

describe('STR-ORDER', () => {
  it('flags the review part after the next-year part', () => {
    const report = filledReport('npc')
    const review = part(report, 'review')
    const tasks = part(report, 'tasks')
    const content = report.doc.content!
    const swapped = {
      ...report,
      doc: {
        ...report.doc,
        content: [
          ...content.slice(0, review.index),
          ...content.slice(tasks.index, tasks.end),
          ...content.slice(review.index, review.end),
          ...content.slice(tasks.end),
        ],
      },
    }
    const findings = check(swapped, 'STR-ORDER')
    expect(findings.map(f => f.message)).toEqual([
      '“2023年主要工作”应排在“2024年主要任务”之前。请把这一部分移到“2024年主要任务”前面。',
    ])
    expect(check(report, 'STR-ORDER')).toEqual([])
  })
})

describe('STR-EMPTY', () => {
  it('a part with no body is an error; a short one a warning; an empty sub-section heading a warning', () => {
    const report = filledReport('npc')
    const tasks = part(report, 'tasks')
    const extra = insertAt(report, tasks.end, heading(1, '其他事项'))
    expect(check(extra, 'STR-EMPTY').map(f => [f.severity, f.message])).toEqual([
      ['error', '“其他事项”部分还没有正文。请补写内容，或删除这一部分。'],
    ])
    const emptied = withoutRange(report, tasks.index + 1, tasks.end)
    const short = insertAt(emptied, tasks.index + 1, paragraph('新的一年，常委会将认真履行职责。'))
    expect(check(short, 'STR-EMPTY').map(f => [f.severity, f.message])).toEqual([
      ['warning', '“2024年主要任务”部分正文只有14字，少于这类报告通常的400字。请充实内容。'],
    ])
    const bareHeading = insertAt(report, tasks.index, heading(2, '其他工作'))
    expect(check(bareHeading, 'STR-EMPTY').map(f => f.message)).toEqual([
      '小标题“其他工作”下面没有正文。请补写内容，或删除这个小标题。',
    ])
    expect(check(report, 'STR-EMPTY')).toEqual([])
  })

  it('leaves a template part emptied down to its heading to STR-MISSING', () => {
    const report = filledReport('npc')
    const tasks = part(report, 'tasks')
    const emptied = withoutRange(report, tasks.index + 1, tasks.end)
    expect(check(emptied, 'STR-EMPTY')).toEqual([])
    expect(check(emptied, 'STR-MISSING').map(f => f.severity)).toEqual(['error'])
  })

  it('a part with nothing but guidance is a warning', () => {
    const report = filledReport('summary')
    const problems = part(report, 'problems')
    const onlyGuidance = insertAt(withoutRange(report, problems.index + 1, problems.end), problems.index + 1, {
      type: NodeType.guidance,
      attrs: { text: '写存在的问题。' },
    })
    expect(check(onlyGuidance, 'STR-EMPTY').map(f => [f.severity, f.message])).toEqual([
      ['warning', '“存在的问题和不足”部分只有模板提示，还没有正文。请按提示写入内容。'],
    ])
  })
})

describe('STR-SUBSECTIONS', () => {
  it('flags a review part without the expected sub-sections', () => {
    const report = filledReport('npc')
    const review = part(report, 'review')
    const flattened = {
      ...report,
      doc: {
        ...report.doc,
        content: report.doc.content!.map((node, index) =>
          index > review.index && index < review.end && node.type === NodeType.heading
            ? paragraph(node.content![0]!.text + '。')
            : node,
        ),
      },
    }
    const [finding] = check(flattened, 'STR-SUBSECTIONS')
    expect(finding?.severity).toBe('warning')
    expect(finding?.message).toMatch(
      /^“2023年主要工作”部分还没有分节小标题，这类报告通常至少分3节。请按工作方面分节（如“坚持党的全面领导/,
    )
    expect(check(report, 'STR-SUBSECTIONS')).toEqual([])
  })
})

describe('STR-YEAR', () => {
  it('a review title a year off is an error with a fix to the right year', () => {
    const report = filledReport('npc')
    const review = part(report, 'review')
    const wrong = withNode(report, review.index, heading(1, '2022年主要工作', { role: 'review' }))
    const [finding, ...rest] = check(wrong, 'STR-YEAR')
    expect(rest).toEqual([])
    expect(finding).toMatchObject({
      severity: 'error',
      location: { path: [review.index], from: 0, to: 4 },
      fix: { kind: 'replaceText', edits: [{ path: [review.index], from: 0, to: 4, text: '2023' }] },
    })
    expect(finding!.message).toBe(
      '“2022年主要工作”中的年份2022年与计划年度不符：计划年度是2024年，回顾的应是2023年。请改为2023年，或在报告信息中更正计划年度。',
    )
    const tasks = part(report, 'tasks')
    const wrongTasks = withNode(report, tasks.index, heading(1, '2023年主要任务', { role: 'tasks' }))
    expect(check(wrongTasks, 'STR-YEAR')[0]!.message).toContain('安排的应是2024年')
    expect(check(report, 'STR-YEAR')).toEqual([])
  })

  it('is term-end aware', () => {
    const report = filledReport('npc', { termEnd: true })
    const review = part(report, 'review')
    const span = withNode(report, review.index, heading(1, '2019—2023年工作回顾', { role: 'review' }))
    expect(check(span, 'STR-YEAR')).toEqual([])
    const plain = filledReport('npc')
    const termTitle = withNode(plain, part(plain, 'review').index, heading(1, '过去五年工作回顾', { role: 'review' }))
    const [finding] = check(termTitle, 'STR-YEAR')
    expect(finding).toMatchObject({ severity: 'warning' })
    expect(finding!.message).toContain('换届年')
  })
})

describe('STR-FRONT-MATTER', () => {
  const report = filledReport('npc')
  const find = (type: string) => report.doc.content!.findIndex(node => node.type === type)

  it('a missing salutation, speaker or subtitle is an error', () => {
    expect(
      check(withoutRange(report, find(NodeType.salutation), find(NodeType.salutation) + 1), 'STR-FRONT-MATTER').map(
        f => f.message,
      ),
    ).toEqual(['报告缺少称呼。请在正文前单独一行写“各位代表：”。'])
    expect(
      check(withoutRange(report, find(NodeType.speakerLine), find(NodeType.speakerLine) + 1), 'STR-FRONT-MATTER')[0],
    ).toMatchObject({ severity: 'error' })
    expect(check(withoutRange(report, 0, 1), 'STR-FRONT-MATTER')[0]!.message).toMatch(/^报告缺少标题/)
    expect(check(report, 'STR-FRONT-MATTER')).toEqual([])
  })

  it('a salutation of another kind is an error with a fix; a subtitle without a meeting is an error', () => {
    const wrong = withNode(report, find(NodeType.salutation), {
      type: NodeType.salutation,
      content: [textNode('各位委员：')],
    })
    const [finding] = check(wrong, 'STR-FRONT-MATTER')
    expect(finding!.message).toBe('称呼“各位委员：”与人大常委会工作报告不符，应为“各位代表：”。请改正称呼。')
    expect(finding!.fix).toMatchObject({ kind: 'replaceText', edits: [{ from: 0, to: 5, text: '各位代表：' }] })
    const noMeeting = withNode(report, find(NodeType.reportSubtitle), {
      type: NodeType.reportSubtitle,
      content: [textNode('——2024年1月16日')],
    })
    expect(check(noMeeting, 'STR-FRONT-MATTER').map(f => f.severity)).toEqual(['error'])
    const otherYear = withNode(report, find(NodeType.reportSubtitle), {
      type: NodeType.reportSubtitle,
      content: [textNode('——2023年1月16日在二七区第十七届人民代表大会第三次会议上')],
    })
    expect(check(otherYear, 'STR-FRONT-MATTER').map(f => [f.severity, f.message])).toEqual([
      [
        'warning',
        '副题中的会议日期（2023年1月16日）与计划年度2024年不符：这个日期的会议安排的是2023年的工作。请核对会议日期或在报告信息中更正计划年度。',
      ],
    ])
    // a December meeting reviews its own year and plans the next: plan year 2024 fits
    const december = withNode(report, find(NodeType.reportSubtitle), {
      type: NodeType.reportSubtitle,
      content: [textNode('——2023年12月27日在二七区第十七届人民代表大会第三次会议上')],
    })
    expect(check(december, 'STR-FRONT-MATTER')).toEqual([])
  })

  it('a title that is not of the report kind is a warning', () => {
    const headline = withNode(report, 0, {
      type: NodeType.reportTitle,
      content: [textNode('全力推动经济社会发展和民生事业改善')],
    })
    expect(check(headline, 'STR-FRONT-MATTER').map(f => [f.severity, f.message])).toEqual([
      [
        'warning',
        '标题“全力推动经济社会发展和民生事业改善”不像人大常委会工作报告的标题（通常是“二七区人民代表大会常务委员会工作报告”）。请核对标题，或在报告信息中更正报告类别。',
      ],
    ])
    const spaced = withNode(filledReport('gov'), 0, {
      type: NodeType.reportTitle,
      content: [textNode('政 府 工 作 报 告')],
    })
    expect(check(spaced, 'STR-FRONT-MATTER')).toEqual([])
  })

  it('a summary report needs only its title', () => {
    expect(check(filledReport('summary'), 'STR-FRONT-MATTER')).toEqual([])
  })
})

describe('STR-PLACEHOLDER', () => {
  it('every guidance node and every `×` fill-in mark of a new report is an error; a finished report has none', () => {
    const report = createReport(getBuiltinTemplate('npc')!, {
      planYear: 2024,
      organisation: '二七区',
      date: '2024-01-16',
      speakerName: '张三',
    })
    const findings = check(report, 'STR-PLACEHOLDER')
    const guidanceCount = report.doc.content!.filter(node => node.type === NodeType.guidance).length
    expect(findings.filter(f => report.doc.content![f.location.path[0]!]!.type === NodeType.guidance)).toHaveLength(
      guidanceCount,
    )
    expect(findings.every(f => f.severity === 'error')).toBe(true)
    expect(findings[0]!.message).toBe(
      '报告开头的“——2024年1月16日在二七区第×届人……”还有2处待填写的“×”。请填入实际的名称、日期或数字。',
    )
    expect(check(filledReport('npc'), 'STR-PLACEHOLDER')).toEqual([])
  })

  it('does not take a multiplication sign for a placeholder', () => {
    const report = filledReport('npc')
    const tasks = part(report, 'tasks')
    const sport = insertAt(report, tasks.index, paragraph('举办3×3篮球联赛，参赛队伍达到一百支。'))
    expect(check(sport, 'STR-PLACEHOLDER')).toEqual([])
    const mark = insertAt(report, tasks.index, paragraph('全年办理代表建议×件。'))
    expect(check(mark, 'STR-PLACEHOLDER')[0]!.location).toMatchObject({
      path: [tasks.index],
      from: 8,
      to: 9,
      section: '加强自身建设，全面提升履职能力',
    })
  })
})

describe('STR-DUPLICATE', () => {
  it('the same part twice is an error; two parts of one role a warning; twin sub-section titles a warning', () => {
    const report = filledReport('npc')
    const review = part(report, 'review')
    const tasks = part(report, 'tasks')
    const copy = report.doc.content!.slice(review.index, review.end)
    const doubled = insertAt(report, tasks.index, ...copy)
    expect(check(doubled, 'STR-DUPLICATE').map(f => [f.severity, f.message])).toEqual([
      ['error', '“2023年主要工作”部分出现了两次。请把两处内容合并，并删除重复的一处。'],
    ])
    const second = insertAt(report, tasks.index, heading(1, '过去一年工作回顾'), bodyParagraph(100))
    expect(check(second, 'STR-DUPLICATE').map(f => f.severity)).toEqual(['warning'])
    const twin = insertAt(report, tasks.index, heading(2, '加强自身建设，全面提升履职能力'), bodyParagraph(100))
    expect(check(twin, 'STR-DUPLICATE').map(f => f.message)).toEqual([
      '“2023年主要工作”下有两个相同的小标题“加强自身建设，全面提升履职能力”。请合并或改写其中一个。',
    ])
    expect(check(report, 'STR-DUPLICATE')).toEqual([])
  })
})

describe('STR-NEEDS-REVIEW', () => {
  it('text carrying the needs-review mark is an error asking to confirm or edit the figure', () => {
    const report = filledReport('npc')
    const review = part(report, 'review')
    const marked: DocNode = {
      type: NodeType.paragraph,
      content: [
        textNode('全年召开常委会会议'),
        textNode('11', [{ type: MarkType.needsReview, attrs: { source: '2023年报告' } }]),
        textNode('次。'),
      ],
    }
    const withMark = insertAt(report, review.index + 1, marked)
    const [finding] = check(withMark, 'STR-NEEDS-REVIEW')
    expect(finding).toMatchObject({ severity: 'error', location: { path: [review.index + 1], from: 9, to: 11 } })
    expect(finding!.message).toBe(
      '“2023年主要工作”中的“11”来自2023年报告，尚未核实。请核对后确认这一数字，或改为今年的实际数字。',
    )
    expect(check(report, 'STR-NEEDS-REVIEW')).toEqual([])
    const sentence: DocNode = {
      type: NodeType.paragraph,
      content: [textNode('坚持稳中求进工作总基调。', [{ type: MarkType.needsReview }])],
    }
    expect(check(insertAt(report, review.index + 1, sentence), 'STR-NEEDS-REVIEW')[0]!.message).toBe(
      '“2023年主要工作”中的“坚持稳中求进工作总基调。”是沿用的往年内容，尚未核实。请核对后确认这段文字，或改为符合今年情况的表述。',
    )
  })
})

describe('runChecks and the export gate', () => {
  const report = filledReport('npc')
  const tasks = part(report, 'tasks')
  const broken = withoutRange(report, tasks.index, tasks.end)

  it('honours the rules switched off for the report, except the structure guards', () => {
    const swapped = insertAt(broken, 5, ...report.doc.content!.slice(tasks.index, tasks.end))
    expect(check(swapped, 'STR-ORDER')).toHaveLength(1)
    const off = {
      ...swapped,
      checks: { ...swapped.checks, disabled: ['STR-ORDER', 'STR-MISSING', 'STR-PLACEHOLDER', 'STR-NEEDS-REVIEW'] },
    }
    expect(check(off, 'STR-ORDER')).toEqual([])
    const guarded = { ...broken, checks: off.checks }
    expect(check(guarded, 'STR-MISSING')).toHaveLength(1)
    expect(gateExport(guarded, null)).toMatchObject({
      allowed: false,
      rulesOff: ['STR-ORDER'],
      rulesKept: ['STR-MISSING', 'STR-PLACEHOLDER', 'STR-NEEDS-REVIEW'],
    })
  })

  it('a template can make any error rule part of the gate: then it cannot be switched off either', () => {
    const extra = insertAt(report, tasks.end, heading(1, '其他事项'))
    const off = { ...extra, checks: { ...extra.checks, disabled: ['STR-EMPTY'] } }
    expect(gateExport(off, null)).toMatchObject({ allowed: true, rulesOff: ['STR-EMPTY'], rulesKept: [] })
    const strict = { ...getBuiltinTemplate('npc')!, blockingRules: ['STR-EMPTY'] }
    const gate = gateExport(off, null, { template: strict })
    expect(gate).toMatchObject({ allowed: false, rulesOff: [], rulesKept: ['STR-EMPTY'] })
    expect(gate.blocking.map(f => f.rule)).toEqual(['STR-EMPTY'])
  })

  it('refuses a final export on an error and allows a draft', () => {
    const final = gateExport(broken, null)
    expect(final.allowed).toBe(false)
    expect(final.blocking.map(f => f.rule)).toContain('STR-MISSING')
    const draft = gateExport(broken, '征求意见稿')
    expect(draft).toMatchObject({ allowed: true, blocking: [] })
    expect(gateExport(report, null).blocking.filter(f => f.rule.startsWith('STR-'))).toEqual([])
  })
})
