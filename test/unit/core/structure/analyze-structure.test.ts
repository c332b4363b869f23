import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { heading, NodeType, paragraph, textNode, type DocNode } from '../../../../core/document-model'
import { analyzeDoc, analyzeStructure } from '../../../../core/structure/analyze-structure'
import { detectReportKind } from '../../../../core/report-language/detect-report-kind'
import { countHan } from '../../../../core/report-language/han'
import { readSpeakerLine } from '../../../../core/report-language/speaker'
import { parseSubtitle } from '../../../../core/report-language/subtitle'
import { builtinTemplates } from '../../../../core/templates/builtin-templates'
import { getBuiltinTemplate } from '../../../../core/templates/builtin-templates'
import { filledReport } from './filled-report'
import { seedSamplePath } from '../../../fixtures/seed-sample-path'

const seedPath = seedSamplePath

/** The seed page as a person would paste it into the editor: `#` headline, `##` parts, `###` themes. */
function seedDocs(): DocNode[] {
  const text = readFileSync(seedPath, 'utf8')
  const docs: DocNode[] = []
  let content: DocNode[] | undefined
  for (const raw of text.split('\n')) {
    const line = raw.trim()
    if (!line) continue
    if (line.startsWith('# ')) {
      content = [{ type: NodeType.reportTitle, content: [textNode(line.slice(2))] }]
      docs.push({ type: NodeType.doc, content })
    } else if (!content) continue
    else if (line.startsWith('## ')) content.push(heading(1, line.slice(3)))
    else if (line.startsWith('### ')) content.push(heading(2, line.slice(4)))
    else content.push(paragraph(line))
  }
  return docs
}

const front = (type: string, text: string): DocNode => ({ type, content: [textNode(text)] })

describe('analyzeDoc on the seed sample', () => {
  it('finds the npc report: kind, plan year from the part titles, parts with roles and 4 sub-sections', () => {
    const [npc] = seedDocs()
    const structure = analyzeDoc(npc!)
    expect(structure.kind).toBe('npc')
    expect(structure.planYear).toBe(2023)
    expect(structure.planYearSource).toBe('titles')
    expect(structure.frontMatter.title?.text).toBe('全力推动经济社会发展和民生事业改善')
    expect(structure.frontMatter.opening?.text).toContain('区人大常委会主任吕安民受人大常委会委托')
    expect(structure.parts.map(part => [part.title, part.role, part.roleSource])).toEqual([
      ['2022年主要工作', 'review', 'title'],
      ['2023年主要任务', 'tasks', 'title'],
    ])
    expect(structure.parts[0]!.children.map(child => child.title)).toEqual([
      '始终坚持党的全面领导',
      '紧紧围绕中心服务大局',
      '牢牢把握人民代表大会制度',
      '严格落实“四个机关”定位要求',
    ])
    expect(structure.parts[1]!.children).toEqual([])
    expect(structure.parts[0]!.bodyChars).toBeGreaterThan(700)
  })

  it('finds the cppcc report with its review and plan parts', () => {
    const [, cppcc] = seedDocs()
    const structure = analyzeDoc(cppcc!)
    expect(structure.kind).toBe('cppcc')
    expect(structure.planYear).toBe(2023)
    expect(structure.parts.map(part => [part.title, part.role])).toEqual([
      ['2022年工作回顾', 'review'],
      ['2023年工作安排', 'tasks'],
    ])
    expect(structure.parts[0]!.children.map(child => child.title)).toEqual([
      '高站位筑牢政治基础',
      '高质量助推改革发展',
      '高标准凝聚智慧力量',
      '高要求锻造政协队伍',
    ])
  })
})

describe('analyzeDoc', () => {
  it('reads typed front matter, takes the plan year from the part titles (the subtitle date agrees), and splits off the closing appeal', () => {
    const doc: DocNode = {
      type: NodeType.doc,
      content: [
        front(NodeType.reportTitle, '政府工作报告'),
        front(NodeType.reportSubtitle, '——2025年1月7日在安阳县第十七届人民代表大会第四次会议上'),
        front(NodeType.speakerLine, '安阳县人民政府代县长 王五'),
        front(NodeType.salutation, '各位代表：'),
        paragraph('现在，我代表县人民政府，向大会报告工作，请予审议，并请县政协委员和列席人员提出意见。'),
        heading(1, '一、2024年工作回顾'),
        paragraph('过去一年，全县地区生产总值增长百分之六。'),
        heading(1, '2025年工作安排'),
        heading(2, '坚定不移扩大有效需求', { runIn: true }),
        paragraph('实施重点项目一百个。'),
        heading(1, '政府自身建设'),
        paragraph('我们将自觉接受人大监督。'),
        paragraph('各位代表！让我们紧密团结在以习近平同志为核心的党中央周围，奋勇前进！'),
      ],
    }
    const structure = analyzeDoc(doc)
    expect(structure.kind).toBe('gov')
    expect(structure.planYear).toBe(2025)
    expect(structure.planYearSource).toBe('titles')
    expect(structure.frontMatter.subtitle).toMatchObject({
      date: '2025-01-07',
      meeting: '安阳县第十七届人民代表大会第四次会议',
    })
    expect(structure.frontMatter.speaker).toMatchObject({ office: '安阳县人民政府代县长', name: '王五' })
    expect(structure.parts.map(part => [part.title, part.role, part.index, part.end])).toEqual([
      ['一、2024年工作回顾', 'review', 5, 7],
      ['2025年工作安排', 'tasks', 7, 10],
      ['政府自身建设', 'selfBuilding', 10, 12],
      ['各位代表！', 'closing', 12, 13],
    ])
    expect(structure.parts[1]!.children[0]).toMatchObject({ runIn: true, bodyChars: countHan('实施重点项目一百个。') })
    expect(structure.parts[3]!.untitled).toBe(true)
  })

  it('takes the role attribute first, then accepted titles, creative and term-end titles', () => {
    const doc: DocNode = {
      type: NodeType.doc,
      content: [
        heading(1, '回望2023：砥砺奋进谱新篇'),
        paragraph('一年来，常委会依法履职。'),
        heading(1, '凝心聚力再出发', { role: 'tasks' }),
        paragraph('新的一年，常委会将继续努力。'),
        heading(1, '过去五年工作回顾'),
        heading(1, '其他事项'),
      ],
    }
    const structure = analyzeDoc(doc, { template: getBuiltinTemplate('npc')!, planYear: 2024 })
    expect(structure.parts.map(part => [part.role, part.roleSource, part.termEndTitle])).toEqual([
      ['review', 'title', false],
      ['tasks', 'attribute', false],
      ['review', 'title', true],
      [null, 'none', false],
    ])
    expect(structure.planYearSource).toBe('meta')
  })

  it('a closing printed under its own heading 结束语 is the closing part (as a DOCX import gives it, without a role)', () => {
    const doc: DocNode = {
      type: NodeType.doc,
      content: [
        heading(1, '2023年主要工作'),
        paragraph('一年来，常委会依法履职。'),
        heading(1, '2024年主要任务'),
        paragraph('新的一年，常委会将继续努力。'),
        heading(1, '结束语'),
        paragraph('各位代表，让我们团结奋进！'),
      ],
    }
    const structure = analyzeDoc(doc, { template: getBuiltinTemplate('npc')!, planYear: 2024 })
    expect(structure.parts.map(part => [part.title, part.role, part.roleSource])).toEqual([
      ['2023年主要工作', 'review', 'title'],
      ['2024年主要任务', 'tasks', 'title'],
      ['结束语', 'closing', 'title'],
    ])
  })

  it.each([
    ['npc', '过去一年的主要工作', '今年的主要任务'],
    ['cppcc', '2023年工作回顾', '今年的工作安排'],
    ['gov', '2023年工作回顾', '2024年主要目标任务'],
    ['gov', '过去一年工作回顾', '今年重点工作'],
  ])('%s: “%s” and “%s” are the review and tasks parts', (templateId, review, tasks) => {
    const doc: DocNode = {
      type: NodeType.doc,
      content: [heading(1, review), paragraph('一年来依法履职。'), heading(1, tasks), paragraph('新的一年继续努力。')],
    }
    const structure = analyzeDoc(doc, { template: getBuiltinTemplate(templateId)!, planYear: 2024 })
    expect(structure.parts.map(part => part.role)).toEqual(['review', 'tasks'])
  })

  it('analyzeStructure uses the meta plan year and kind of a report', () => {
    const report = filledReport('cppcc')
    const structure = analyzeStructure(report)
    expect(structure).toMatchObject({ kind: 'cppcc', planYear: 2024, planYearSource: 'meta' })
    expect(structure.frontMatter.salutation?.text).toBe('各位委员：')
  })

  it('joins a subtitle wrapped over two nodes', () => {
    const doc: DocNode = {
      type: NodeType.doc,
      content: [
        front(NodeType.reportSubtitle, '——2024年1月16日在××区第十八届人民代表大会'),
        front(NodeType.reportSubtitle, '第三次会议上'),
      ],
    }
    expect(analyzeDoc(doc).frontMatter.subtitle).toMatchObject({
      path: [0],
      date: '2024-01-16',
      meeting: '××区第十八届人民代表大会第三次会议',
    })
  })

  it('accepts a date line after the speaker when the subtitle has no date', () => {
    const doc: DocNode = {
      type: NodeType.doc,
      content: [
        front(NodeType.reportTitle, '政协××市委员会常务委员会工作报告'),
        paragraph('——在政协××市第十四届委员会第四次会议上'),
        front(NodeType.speakerLine, '杨  智'),
        paragraph('（2025年1月7日）'),
        paragraph('各位委员、同志们:'),
      ],
    }
    const structure = analyzeDoc(doc)
    expect(structure.frontMatter.subtitle).toMatchObject({
      date: '2025-01-07',
      meeting: '政协××市第十四届委员会第四次会议',
    })
    expect(structure.frontMatter.speaker).toMatchObject({ office: '', name: '杨智' })
    expect(structure.frontMatter.salutation?.text).toBe('各位委员、同志们:')
    expect(structure.kind).toBe('cppcc')
    expect(structure.planYear).toBe(2025)
  })
})

describe('front-matter parsers', () => {
  it.each([
    ['——2024年1月16日在××区第十八届人民代表大会第三次会议上', '2024-01-16', '××区第十八届人民代表大会第三次会议'],
    ['（2025年1月7日在政协××市第十四届委员会第四次会议上）', '2025-01-07', '政协××市第十四届委员会第四次会议'],
    ['—2024年1月16日在××区第十八届人民代表大会\n第三次会议上', '2024-01-16', '××区第十八届人民代表大会第三次会议'],
    ['2024年1月16日在区十六届人大二次会议上的报告', '2024-01-16', '区十六届人大二次会议'],
    ['——在县政协十届一次会议上', undefined, '县政协十届一次会议'],
  ])('subtitle %s', (text, date, meeting) => {
    expect(parseSubtitle(text)).toMatchObject({ date: date ?? '', meeting })
  })

  it.each([
    ['××区人大常委会主任 张三', '××区人大常委会主任', '张三'],
    ['××区人民政府区长李四', '××区人民政府区长', '李四'],
    ['××区人民政府代理区长  王小五', '××区人民政府代理区长', '王小五'],
    ['杨  智', '', '杨智'],
    ['国务院总理 李强', '国务院总理', '李强'],
  ])('speaker %s', (text, office, name) => {
    expect(readSpeakerLine(text)).toEqual({ office, name })
  })

  it('detects the kind from opening formula, salutation, title or keywords', () => {
    const detectKind = (preamble: string[]) => detectReportKind({ preamble }, builtinTemplates)?.kind
    expect(detectKind(['我受区人民代表大会常务委员会委托，向大会报告工作，请予审议。'])).toBe('npc')
    expect(detectKind(['我代表政协××市第十四届委员会常务委员会，向大会报告工作，请予审议。'])).toBe('cppcc')
    expect(detectKind(['现在，我代表区人民政府，向大会报告工作，请予审议。'])).toBe('gov')
    expect(detectKind(['现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协委员提出意见。'])).toBe('gov')
    expect(detectKind(['我代表中国人民政治协商会议第十四届全国委员会常务委员会，向大会报告工作，请予审议。'])).toBe(
      'cppcc',
    )
    expect(detectKind(['各位委员：'])).toBe('cppcc')
    expect(detectKind(['政 府 工 作 报 告'])).toBe('gov')
    expect(detectKind(['××局2024年工作总结和2025年工作计划'])).toBe('summary')
    expect(detectKind(['今天天气很好。'])).toBeUndefined()
  })
})
