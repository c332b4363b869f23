// @vitest-environment happy-dom
import { Editor } from '@tiptap/core'
import { afterAll, describe, expect, it } from 'vitest'
import { runChecks } from '../../../../core/checks/run-checks'
import { heading, NodeType, paragraph, textNode, type DocNode } from '../../../../core/document-model'
import { importText } from '../../../../core/import/import-text'
import type { ReportFile } from '../../../../core/report-file'
import type { ReportKind } from '../../../../core/report-kind'
import { analyzeDoc } from '../../../../core/structure/analyze-structure'
import { metaFromDoc } from '../../../../renderer/editor/front-matter-binding'
import { reportExtensions } from '../../../../renderer/editor/report-extensions'

/**
 * Every front-matter variant of spec report-structure §1 and issue 10, fed through every consumer of the wording —
 * text import, the structure analysis (typed nodes and pasted paragraphs), the editor's front-matter binding and the
 * checks — which must read it the same way and accept every valid form.
 */
interface Row {
  name: string
  kind: ReportKind
  /** One line, or a subtitle wrapped over two. */
  subtitle: string[]
  speaker: string
  /** `（2024年1月16日）` under the speaker when the subtitle has no date. */
  dateLine?: string
  salutation: string
  expected: { date: string; meeting: string; office: string; name: string }
  /** The errors of TXT-SUBTITLE, TXT-SALUTATION and STR-FRONT-MATTER the form must get (none for a valid form). */
  errors?: string[]
}

const NPC_MEETING = '金水区第十七届人民代表大会第四次会议'
const CPPCC_MEETING = '政协平遥县第十届委员会第三次会议'
const npc = { office: '金水区人大常委会主任', name: '王建国' }
const npcSpeaker = `${npc.office} ${npc.name}`
const cppccSpeaker = '政协平遥县委员会主席 张立平'

const rows: Row[] = [
  {
    name: 'the standard dash subtitle',
    kind: 'npc',
    subtitle: [`——2024年1月16日在${NPC_MEETING}上`],
    speaker: npcSpeaker,
    salutation: '各位代表：',
    expected: { date: '2024-01-16', meeting: NPC_MEETING, ...npc },
  },
  {
    name: 'a subtitle in parentheses',
    kind: 'cppcc',
    subtitle: [`（2024年1月15日在${CPPCC_MEETING}上）`],
    speaker: cppccSpeaker,
    salutation: '各位委员：',
    expected: { date: '2024-01-15', meeting: CPPCC_MEETING, office: '政协平遥县委员会主席', name: '张立平' },
  },
  {
    name: 'a subtitle without a dash',
    kind: 'npc',
    subtitle: [`2024年1月16日在${NPC_MEETING}上`],
    speaker: npcSpeaker,
    salutation: '各位代表：',
    expected: { date: '2024-01-16', meeting: NPC_MEETING, ...npc },
  },
  {
    name: 'a subtitle ending …上的报告',
    kind: 'gov',
    subtitle: [`2024年1月16日在${NPC_MEETING}上的报告`],
    speaker: '金水区人民政府区长 李振华',
    salutation: '各位代表：',
    expected: { date: '2024-01-16', meeting: NPC_MEETING, office: '金水区人民政府区长', name: '李振华' },
  },
  {
    name: 'a subtitle wrapped over two lines',
    kind: 'npc',
    subtitle: ['——2024年1月16日在金水区第十七届人民代表大会', '第四次会议上'],
    speaker: npcSpeaker,
    salutation: '各位代表：',
    expected: { date: '2024-01-16', meeting: NPC_MEETING, ...npc },
  },
  {
    name: 'a subtitle without a dash wrapped over two lines',
    kind: 'npc',
    subtitle: ['2024年1月16日在金水区第十七届', '人民代表大会第四次会议上'],
    speaker: npcSpeaker,
    salutation: '各位代表、同志们：',
    expected: { date: '2024-01-16', meeting: NPC_MEETING, ...npc },
  },
  {
    name: 'a bracketed subtitle wrapped over two lines',
    kind: 'cppcc',
    subtitle: ['（2024年1月15日在政协平遥县第十届', '委员会第三次会议上）'],
    speaker: cppccSpeaker,
    salutation: '各位委员、同志们：',
    expected: { date: '2024-01-15', meeting: CPPCC_MEETING, office: '政协平遥县委员会主席', name: '张立平' },
  },
  {
    name: 'a subtitle without a date, the date on its own line',
    kind: 'npc',
    subtitle: [`——在${NPC_MEETING}上`],
    speaker: npcSpeaker,
    dateLine: '（2024年1月16日）',
    salutation: '各位代表：',
    expected: { date: '2024-01-16', meeting: NPC_MEETING, ...npc },
  },
  {
    name: 'the news short form 区十六届人大二次会议',
    kind: 'npc',
    subtitle: ['——2024年1月16日在区十六届人大二次会议上'],
    speaker: npcSpeaker,
    salutation: '各位代表：',
    expected: { date: '2024-01-16', meeting: '区十六届人大二次会议', ...npc },
  },
  {
    name: 'the news short form 县政协十届一次会议',
    kind: 'cppcc',
    subtitle: ['——2024年1月15日在县政协十届一次会议上'],
    speaker: cppccSpeaker,
    salutation: '各位委员：',
    expected: { date: '2024-01-15', meeting: '县政协十届一次会议', office: '政协平遥县委员会主席', name: '张立平' },
  },
  {
    name: 'a December standing-committee meeting, 各位常委会组成人员',
    kind: 'npc',
    subtitle: ['——2023年12月28日在金水区第十七届人民代表大会常务委员会第十五次会议上'],
    speaker: npcSpeaker,
    salutation: '各位常委会组成人员：',
    expected: { date: '2023-12-28', meeting: '金水区第十七届人民代表大会常务委员会第十五次会议', ...npc },
  },
  {
    name: 'the office glued to the name (某某镇人民政府镇长李四)',
    kind: 'gov',
    subtitle: ['——2024年1月12日在柳林镇第十八届人民代表大会第三次会议上'],
    speaker: '柳林镇人民政府镇长李四',
    salutation: '各位代表：',
    expected: {
      date: '2024-01-12',
      meeting: '柳林镇第十八届人民代表大会第三次会议',
      office: '柳林镇人民政府镇长',
      name: '李四',
    },
  },
  {
    name: '代理区长 with a doubled space',
    kind: 'gov',
    subtitle: [`——2024年1月16日在${NPC_MEETING}上`],
    speaker: '金水区人民政府代理区长  王小五',
    salutation: '各位代表：',
    expected: { date: '2024-01-16', meeting: NPC_MEETING, office: '金水区人民政府代理区长', name: '王小五' },
  },
  {
    name: '代区长 glued to the name',
    kind: 'gov',
    subtitle: [`——2024年1月16日在${NPC_MEETING}上`],
    speaker: '金水区人民政府代区长王小五',
    salutation: '各位代表，同志们：',
    expected: { date: '2024-01-16', meeting: NPC_MEETING, office: '金水区人民政府代区长', name: '王小五' },
  },
  {
    name: 'the name alone (王立新)',
    kind: 'cppcc',
    subtitle: [`——2024年1月15日在${CPPCC_MEETING}上`],
    speaker: '王立新',
    salutation: '各位委员、同志们：',
    expected: { date: '2024-01-15', meeting: CPPCC_MEETING, office: '', name: '王立新' },
  },
  {
    name: 'a padded two-character name (杨  智)',
    kind: 'cppcc',
    subtitle: [`——2024年1月15日在${CPPCC_MEETING}上`],
    speaker: '杨  智',
    salutation: '各位委员：',
    expected: { date: '2024-01-15', meeting: CPPCC_MEETING, office: '', name: '杨智' },
  },
  {
    name: 'an ASCII colon after the salutation (recognised; only the colon is flagged)',
    kind: 'npc',
    subtitle: [`——2024年1月16日在${NPC_MEETING}上`],
    speaker: npcSpeaker,
    salutation: '各位代表:',
    expected: { date: '2024-01-16', meeting: NPC_MEETING, ...npc },
    errors: ['TXT-SALUTATION'],
  },
  {
    name: 'a single dash (recognised; flagged with a fix)',
    kind: 'npc',
    subtitle: [`—2024年1月16日在${NPC_MEETING}上`],
    speaker: npcSpeaker,
    salutation: '各位代表：',
    expected: { date: '2024-01-16', meeting: NPC_MEETING, ...npc },
    errors: ['TXT-SUBTITLE'],
  },
]

const titles: Record<ReportKind, string> = {
  npc: '金水区人民代表大会常务委员会工作报告',
  cppcc: '中国人民政治协商会议平遥县委员会常务委员会工作报告',
  gov: '政府工作报告',
  summary: '金水区统计局2023年工作总结和2024年工作计划',
}
const openings: Record<ReportKind, string> = {
  npc: '我受区人民代表大会常务委员会委托，向大会报告工作，请予审议。',
  cppcc: '我代表政协平遥县委员会常务委员会，向大会报告工作，请予审议。',
  gov: '现在，我代表区人民政府，向大会报告工作，请予审议，并请区政协委员和列席人员提出意见。',
  summary: '现将有关情况报告如下。',
}

function bodyNodes(kind: ReportKind): DocNode[] {
  const nodes = [
    heading(1, '2023年工作回顾'),
    paragraph('一年来，各项工作稳步推进，全年召开会议12次，听取审议专项工作报告10项。'),
    heading(1, '2024年工作安排'),
    paragraph('2024年，我们将紧扣中心大局，依法履职尽责。'),
  ]
  if (kind === 'gov') nodes.push(heading(1, '政府自身建设'), paragraph('我们将自觉接受各方面监督。'))
  return nodes
}

function sourceText(row: Row): string {
  return [
    titles[row.kind],
    ...row.subtitle,
    row.speaker,
    ...(row.dateLine ? [row.dateLine] : []),
    row.salutation,
    openings[row.kind],
    ...bodyNodes(row.kind).map(node => node.content![0]!.text!),
  ].join('\n')
}

const front = (type: string, ...lines: string[]): DocNode => ({
  type,
  content: lines.flatMap((line, index) => (index ? [{ type: NodeType.hardBreak }, textNode(line)] : [textNode(line)])),
})

/** The document as the editor holds it: front-matter nodes (a wrapped subtitle is one node with a line break). */
function nodeDoc(row: Row): DocNode {
  return {
    type: NodeType.doc,
    content: [
      front(NodeType.reportTitle, titles[row.kind]),
      front(NodeType.reportSubtitle, ...row.subtitle),
      front(NodeType.speakerLine, row.speaker),
      ...(row.dateLine ? [front(NodeType.reportSubtitle, row.dateLine)] : []),
      front(NodeType.salutation, row.salutation),
      paragraph(openings[row.kind]),
      ...bodyNodes(row.kind),
    ],
  }
}

/** The same text pasted without front-matter nodes: every line a paragraph, the title its own node. */
function pastedDoc(row: Row): DocNode {
  const lines = [...row.subtitle, row.speaker, ...(row.dateLine ? [row.dateLine] : []), row.salutation]
  return {
    type: NodeType.doc,
    content: [
      front(NodeType.reportTitle, titles[row.kind]),
      ...lines.map(paragraph),
      paragraph(openings[row.kind]),
      ...bodyNodes(row.kind),
    ],
  }
}

const editors: Editor[] = []
afterAll(() => editors.forEach(editor => editor.destroy()))

const WORDING_RULES = ['TXT-SUBTITLE', 'TXT-SALUTATION', 'STR-FRONT-MATTER']
function wordingErrors(report: ReportFile): string[] {
  return runChecks(report)
    .filter(finding => finding.severity === 'error' && WORDING_RULES.includes(finding.rule))
    .map(finding => finding.rule)
}

describe('one reading of the front matter in every consumer', () => {
  for (const row of rows) {
    describe(row.name, () => {
      const imported = importText(sourceText(row), { planYear: 1999 })
      const report = imported.reports[0]!
      const { expected } = row

      it('import', () => {
        expect(imported.reports).toHaveLength(1)
        expect(report.meta).toMatchObject({
          kind: row.kind,
          planYear: 2024,
          date: expected.date,
          meetingName: expected.meeting,
          speakerOffice: expected.office,
          speakerName: expected.name,
        })
        const salutation = report.doc.content!.find(node => node.type === NodeType.salutation)
        expect(salutation?.content?.[0]?.text).toBe(row.salutation)
      })

      it('the structure analysis, of typed front-matter nodes and of pasted paragraphs', () => {
        for (const doc of [nodeDoc(row), pastedDoc(row)]) {
          const structure = analyzeDoc(doc)
          expect(structure.kind).toBe(row.kind)
          expect(structure.planYear).toBe(2024)
          expect(structure.frontMatter.subtitle).toMatchObject({
            ...(expected.date ? { date: expected.date } : {}),
            meeting: expected.meeting,
          })
          expect(structure.frontMatter.speaker).toMatchObject({ office: expected.office, name: expected.name })
          expect(structure.frontMatter.salutation?.text).toBe(row.salutation)
        }
      })

      it("the editor's front-matter binding", () => {
        const editor = new Editor({ extensions: reportExtensions(), content: nodeDoc(row) })
        editors.push(editor)
        const blank = { ...report.meta, date: '', meetingName: '', speakerOffice: '', speakerName: '' }
        expect(metaFromDoc(editor.state.doc, blank)).toMatchObject({
          date: expected.date,
          meetingName: expected.meeting,
          speakerOffice: expected.office,
          speakerName: expected.name,
        })
      })

      it('the checks accept every valid form (and flag only what is wrong)', () => {
        expect(wordingErrors(report)).toEqual(row.errors ?? [])
        expect(wordingErrors({ ...report, doc: nodeDoc(row) })).toEqual(row.errors ?? [])
        for (const finding of runChecks(report).filter(finding => row.errors?.includes(finding.rule)))
          expect(finding.fix?.kind, finding.message).toBe('replaceText')
      })
    })
  }
})
