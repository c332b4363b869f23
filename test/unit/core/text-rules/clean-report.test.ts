import { describe, expect, it } from 'vitest'
import { runChecks } from '../../../../core/checks/run-checks'
import { NodeType, paragraph, type DocNode } from '../../../../core/document-model'
import type { ReportFile } from '../../../../core/report-file'
import { builtinTemplates } from '../../../../core/templates/builtin-templates'
import { createReport } from '../../../../core/templates/create-report'

/** Realistic report paragraphs (numbers, dates, ranges, quotations, book titles, 一是/二是, decimals). */
const review = [
  '2023年，常委会共召开常委会会议8次、主任会议21次，听取审议专项工作报告12项，开展执法检查4次、视察调研31次，作出决议决定13项，依法任免国家机关工作人员46人次。',
  '坚持把“第一议题”制度作为政治必修课，深入学习贯彻党的二十大精神和习近平总书记关于坚持和完善人民代表大会制度的重要思想，全年开展党组理论学习中心组学习15次，常委会组成人员的政治判断力、政治领悟力、政治执行力不断提高。',
  '聚焦经济运行，听取审议计划执行情况和预算执行情况的报告，推动全区地区生产总值增长6.2%，一般公共预算收入增长8.5%，城乡居民人均可支配收入分别增长5.1%和7.3%。对《中华人民共和国食品安全法》《河南省食品安全条例》实施情况开展执法检查，推动解决问题27个。',
  '围绕群众关心的教育、医疗、养老等民生问题，组织代表深入基层视察，重点关注义务教育“双减”、中小学午餐供餐和课后延时服务，推动新增学位3000个，新建社区养老服务中心5个。',
  '十七届人大二次会议以来，代表提出的112件建议全部办理完毕，办结率达100%，满意率达98.2%。全区132个人大代表联络站全年开展主题活动110次，收集意见建议700余条，一批群众急难愁盼问题得到解决。',
  '加强自身建设，一是完善学习制度，二是健全议事规则，三是改进工作作风。机关干部参加培训1200余人次，常委会依法履职水平进一步提高。',
]
const tasks = [
  '2024年是中华人民共和国成立75周年，是实现“十四五”规划目标任务的关键一年。常委会工作的总体要求是：坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，在区委的坚强领导下，依法履行各项职权，为高质量建设现代化美好二七作出新的贡献。',
  '围绕“十四五”规划实施，听取审议计划、预算、审计等报告，推动全区经济增长保持在5%～6%的合理区间，推动居民收入增长与经济增长基本同步。',
  '计划听取审议专项工作报告10项左右，开展执法检查3次、专题询问1次，首次开展备案审查工作情况报告，推动2021—2025年发展规划各项任务落到实处。',
  '持续完善代表联络站建设，健全代表联系群众制度，推动每名代表每年联系群众不少于20人次。第一，抓好建议办理；第二，加强代表培训；第三，做好履职服务保障。',
]
const selfBuilding = [
  '坚持刀刃向内，深化“放管服”改革，推进政务服务“一网通办”，全年压减行政许可事项30项，企业开办时间压缩至0.5个工作日以内。',
]
const closing = [
  '各位代表！让我们更加紧密地团结在以习近平同志为核心的党中央周围，在区委的坚强领导下，锐意进取、担当作为，为全面建设社会主义现代化国家作出新的更大贡献！',
]

function fillMarks(text: string): string {
  return text.replace(/第×届/g, '第十七届').replace(/第×次/g, '第三次').replace(/×+/g, '12')
}

function fill(node: DocNode): DocNode {
  if (node.type === NodeType.text) return { ...node, text: fillMarks(node.text ?? '') }
  return node.content ? { ...node, content: node.content.map(fill) } : node
}

/** A report as a person finishes it: each guidance placeholder replaced with realistic text. */
function finished(templateId: string): ReportFile {
  const template = builtinTemplates.find(candidate => candidate.id === templateId)!
  const meetingName =
    template.kind === 'cppcc' ? '政协二七区第十届委员会第二次会议' : '二七区第十七届人民代表大会第三次会议'
  const report = createReport(template, {
    planYear: 2024,
    organisation: '二七区',
    meetingName,
    date: '2024-01-16',
    speakerName: '张三',
  })
  const content: DocNode[] = []
  let role = ''
  let used = 0
  for (const node of report.doc.content ?? []) {
    if (node.type === NodeType.heading && node.attrs?.level === 1) role = String(node.attrs?.role ?? '')
    if (node.type !== NodeType.guidance) {
      content.push(fill(node))
      continue
    }
    const pool =
      role === 'tasks' || role === 'targets'
        ? tasks
        : role === 'selfBuilding'
          ? selfBuilding
          : role === 'closing'
            ? closing
            : review
    content.push(paragraph(pool[used++ % pool.length]!))
  }
  return { ...report, doc: { ...report.doc, content } }
}

const textRule = /^(PUN|NUM|TXT)-/

describe('a finished report from each template raises no text finding', () => {
  for (const template of builtinTemplates) {
    it(`${template.id}（${template.name}）`, () => {
      const report = finished(template.id)
      const body = (report.doc.content ?? []).filter(node => node.type === NodeType.paragraph).length
      expect(body).toBeGreaterThan(5)
      const findings = runChecks(report).filter(finding => textRule.test(finding.rule))
      expect(findings.map(finding => `${finding.rule}: ${finding.message}`)).toEqual([])
    })
  }

  it('a new, unfilled report leaves its `×` marks and guidance to the structure rules', () => {
    for (const template of builtinTemplates) {
      const report = createReport(template, { planYear: 2024, organisation: '二七区' })
      const text = runChecks(report).filter(finding => textRule.test(finding.rule))
      expect(text.map(finding => `${template.id} ${finding.rule}: ${finding.message}`)).toEqual([])
    }
  })

  it('the same text with typical paste errors does raise text findings', () => {
    const report = finished('npc')
    const content = [...(report.doc.content ?? [])]
    const index = content.findIndex(
      node => node.type === NodeType.paragraph && JSON.stringify(node).includes('主任会议21次'),
    )
    content[index] = paragraph(review[0]!.replace(/，/g, ',').replace('。', ''))
    const sessionIndex = content.findIndex(node => JSON.stringify(node).includes('十七届人大二次会议以来'))
    content[sessionIndex] = paragraph(review[4]!.replace('二次会议以来', '三次会议以来'))
    const broken = { ...report, doc: { ...report.doc, content } }
    const rules = new Set(runChecks(broken).map(finding => finding.rule))
    expect(rules.has('PUN-HALFWIDTH')).toBe(true)
    expect(rules.has('TXT-TRUNC')).toBe(true)
    expect(rules.has('TXT-SESSION')).toBe(true)
  })
})
