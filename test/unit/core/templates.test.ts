import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runChecks } from '../../../core/checks/run-checks'
import { structureRules } from '../../../core/checks/structure/structure-rules'
import { NodeType, nodeText } from '../../../core/document-model'
import { parseReportFile, serializeReportFile } from '../../../core/report-file'
import { analyzeStructure } from '../../../core/structure/analyze-structure'
import { builtinTemplates, getBuiltinTemplate } from '../../../core/templates/builtin-templates'
import { createReport } from '../../../core/templates/create-report'
import { formatChineseDate } from '../../../core/report-language/chinese-date'
import { organisationLevel } from '../../../core/report-language/organisation'
import { expandTitle } from '../../../core/templates/expand-title'
import { parseTemplate } from '../../../core/templates/load-template'

const templateFile = (id: string) => path.join(process.cwd(), 'templates', `${id}.json`)

describe('built-in templates', () => {
  it.each(['npc', 'cppcc', 'gov', 'summary'])('templates/%s.json validates against the schema', id => {
    const result = parseTemplate(readFileSync(templateFile(id), 'utf8'))
    expect(result.ok, result.ok ? '' : result.message).toBe(true)
    expect(getBuiltinTemplate(id)?.kind).toBe(id)
  })

  it('carries the parts each kind needs, with roles and required flags', () => {
    const roles = (id: string) => getBuiltinTemplate(id)!.parts.map(part => `${part.role}${part.required ? '!' : ''}`)
    expect(roles('npc')).toEqual(['review!', 'tasks!', 'closing'])
    expect(roles('cppcc')).toEqual(['review!', 'tasks!', 'closing'])
    expect(roles('gov')).toEqual(['review!', 'targets', 'tasks!', 'selfBuilding!', 'closing'])
    expect(roles('summary')).toEqual(['review!', 'problems', 'tasks!'])
    expect(getBuiltinTemplate('gov')!.parts.find(part => part.role === 'selfBuilding')!.defaultTitle).toBe(
      '政府自身建设',
    )
  })

  it('accepts every title variant of the spec for the review and next-year parts', () => {
    const npc = getBuiltinTemplate('npc')!
    const review = npc.parts[0]!
    const tasks = npc.parts[1]!
    for (const title of [
      '{Y-1}年主要工作',
      '{Y-1}年工作回顾',
      '过去一年工作回顾',
      '过去一年主要工作',
      '一年来的主要工作',
    ]) {
      expect(review.titles).toContain(title)
    }
    expect(review.titlePatterns.some(pattern => pattern.includes('回望{Y-1}'))).toBe(true)
    for (const title of ['{Y}年主要任务', '{Y}年工作安排', '{Y}年工作建议', '今年主要任务', '今后一年工作的建议']) {
      expect(tasks.titles).toContain(title)
    }
    expect(review.termEndTitles).toContain('过去五年工作回顾')
    expect(getBuiltinTemplate('gov')!.parts[0]!.termEndTitles).toContain('{Y-1}年及本届政府工作回顾')
  })

  it('rejects a broken user template with a zh-CN message naming the place', () => {
    const npc = JSON.parse(readFileSync(templateFile('npc'), 'utf8'))
    const missing = parseTemplate({ ...npc, parts: [{ ...npc.parts[0], guidance: undefined }] })
    expect(missing.ok).toBe(false)
    if (!missing.ok) expect(missing.message).toMatch(/^模板文件在“parts\.0\.guidance”处缺少这一项/)
    const badRegex = parseTemplate({ ...npc, frontMatter: { ...npc.frontMatter, openingPattern: '我受(' } })
    expect(badRegex.ok).toBe(false)
    if (!badRegex.ok) expect(badRegex.message).toContain('正则表达式有误')
    expect(parseTemplate('{不是JSON')).toEqual({ ok: false, message: expect.stringContaining('不是有效的 JSON') })
    const twin = parseTemplate({ ...npc, parts: [npc.parts[0], npc.parts[0]] })
    expect(twin.ok).toBe(false)
  })
})

describe('expandTitle', () => {
  it('fills year, organisation, level and term variables', () => {
    const options = { planYear: 2024, organisation: '郑州市二七区', meetingName: '政协二七区第十届委员会第二次会议' }
    expect(expandTitle('{Y-1}年主要工作', options)).toBe('2023年主要工作')
    expect(expandTitle('{Y}年主要任务', options)).toBe('2024年主要任务')
    expect(expandTitle('{ORG}人民政府{LEVEL}长', options)).toBe('郑州市二七区人民政府区长')
    expect(expandTitle('政协{ORG}{TERM}委员会', options)).toBe('政协郑州市二七区第十届委员会')
    expect(expandTitle('{ORG}{TERM}', { planYear: 2024 })).toBe('××区第×届')
    expect(organisationLevel('安阳县')).toBe('县')
    expect(formatChineseDate('2024-01-06')).toBe('2024年1月6日')
    expect(formatChineseDate('2024-13-01')).toBe('')
  })
})

describe('createReport', () => {
  it.each(builtinTemplates.map(template => [template.id]))(
    '%s: analyses back to its own parts; only STR-PLACEHOLDER findings',
    id => {
      const template = getBuiltinTemplate(id)!
      const report = createReport(template, { planYear: 2025, organisation: '二七区' })
      const structure = analyzeStructure(report)
      const expected = template.parts.filter(part => !part.termEndOnly)
      expect(structure.parts.map(part => part.role)).toEqual(expected.map(part => part.role))
      expect(structure.parts.map(part => part.partId)).toEqual(expected.map(part => part.id))
      expect(structure.kind).toBe(template.kind)
      expect(structure.planYear).toBe(2025)
      for (const [index, part] of expected.entries()) {
        expect(structure.parts[index]!.children.length).toBe(part.subsections.suggested.length)
      }
      const findings = runChecks(report, { rules: structureRules })
      expect(findings.length).toBeGreaterThan(0)
      expect(findings.filter(finding => finding.rule !== 'STR-PLACEHOLDER')).toEqual([])
    },
  )

  it('writes npc front matter, opening formula and year titles', () => {
    const report = createReport(getBuiltinTemplate('npc')!, {
      planYear: 2024,
      organisation: '二七区',
      meetingName: '二七区第十七届人民代表大会第三次会议',
      date: '2024-01-16',
      speakerName: '吕安民',
    })
    const content = report.doc.content!
    expect(content.slice(0, 5).map(node => node.type)).toEqual([
      NodeType.reportTitle,
      NodeType.reportSubtitle,
      NodeType.speakerLine,
      NodeType.salutation,
      NodeType.paragraph,
    ])
    expect(content.slice(0, 5).map(nodeText)).toEqual([
      '二七区人民代表大会常务委员会工作报告',
      '——2024年1月16日在二七区第十七届人民代表大会第三次会议上',
      '二七区人大常委会主任 吕安民',
      '各位代表：',
      '我受区人民代表大会常务委员会委托，向大会报告工作，请予审议。',
    ])
    const parts = content.filter(node => node.type === NodeType.heading && node.attrs?.level === 1)
    expect(parts.map(node => [nodeText(node), node.attrs?.role])).toEqual([
      ['2023年主要工作', 'review'],
      ['2024年主要任务', 'tasks'],
    ])
    expect(content[content.length - 2]!.content![0]!.text).toMatch(/^各位代表！让我们/)
    expect(report.meta).toMatchObject({
      templateId: 'npc',
      kind: 'npc',
      planYear: 2024,
      date: '2024-01-16',
      speakerName: '吕安民',
    })
  })

  it('uses the term-end titles and the term-end-only part in a 换届年 report', () => {
    const gov = createReport(getBuiltinTemplate('gov')!, { planYear: 2022, organisation: '安阳县', termEnd: true })
    const titles = gov.doc
      .content!.filter(node => node.type === NodeType.heading && node.attrs?.level === 1)
      .map(nodeText)
    expect(titles).toEqual(['2021年及本届政府工作回顾', '今后五年的目标任务', '2022年工作安排', '政府自身建设'])
    expect(nodeText(gov.doc.content![2]!)).toBe('安阳县人民政府县长 ×××')
    const npc = createReport(getBuiltinTemplate('npc')!, { planYear: 2022, termEnd: true })
    const structure = analyzeStructure(npc)
    expect(structure.parts.map(part => [part.title, part.role, part.termEndTitle])).toEqual([
      ['过去五年工作回顾', 'review', true],
      ['今后五年工作建议', 'tasks', true],
      ['各位代表！', 'closing', false],
    ])
    expect(runChecks(npc, { rules: structureRules }).filter(finding => finding.rule !== 'STR-PLACEHOLDER')).toEqual([])
  })

  it('round-trips a created report through the .wrs file format', () => {
    for (const template of builtinTemplates) {
      const report = createReport(template, { planYear: 2025, organisation: '二七区', date: '2025-01-10' })
      const parsed = parseReportFile(serializeReportFile(report))
      expect(parsed.ok).toBe(true)
      if (parsed.ok) expect(parsed.value).toEqual(report)
    }
  })
})
