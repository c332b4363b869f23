import { NodeType, paragraph, type DocNode } from '../../../../core/document-model'
import type { ReportFile } from '../../../../core/report-file'
import { getBuiltinTemplate } from '../../../../core/templates/builtin-templates'
import { createReport, type NewReportOptions } from '../../../../core/templates/create-report'

const SENTENCES = [
  '常委会坚持把监督工作作为推动决策部署落地见效的重要抓手，听取审议专项工作报告，开展执法检查和专题调研，督促有关部门改进工作。',
  '围绕群众关心的教育、医疗、养老等民生问题，组织代表深入基层开展视察，提出意见建议，推动一批难点问题得到解决。',
  '认真办理代表建议，实行重点建议常委会领导领衔督办制度，建议全部按期办复，代表满意率持续提升。',
  '加强思想政治建设和作风建设，健全学习制度，完善议事规则，常委会组成人员依法履职能力明显增强。',
]

/** A body paragraph of about `chars` 汉字 of realistic report text. */
export function bodyParagraph(chars = 400, seed = 0): DocNode {
  let text = ''
  for (let i = seed; text.length < chars; i++) text += SENTENCES[i % SENTENCES.length]
  return paragraph(text)
}

function fillMarks(node: DocNode): DocNode {
  if (node.type === NodeType.text)
    return {
      ...node,
      text: (node.text ?? '').replace(/第×届/g, '第十七届').replace(/第×次/g, '第二次').replace(/×+/g, '12'),
    }
  return node.content ? { ...node, content: node.content.map(fillMarks) } : node
}

export const filledOptions: NewReportOptions = {
  planYear: 2024,
  organisation: '二七区',
  meetingName: '二七区第十七届人民代表大会第三次会议',
  date: '2024-01-16',
  speakerName: '张三',
}

/**
 * A report as a person finishes it: created from the template, guidance replaced by body text,
 * `×` marks filled in. Its check should be clean.
 */
export function filledReport(templateId: string, options: Partial<NewReportOptions> = {}): ReportFile {
  const template = getBuiltinTemplate(templateId)!
  const meeting = templateId === 'cppcc' ? { meetingName: '政协二七区第十届委员会第二次会议' } : {}
  const report = createReport(template, { ...filledOptions, ...meeting, ...options })
  const content: DocNode[] = []
  let seed = 0
  for (const node of report.doc.content ?? []) {
    if (node.type === NodeType.guidance) {
      if (content[content.length - 1]?.type === NodeType.heading) content.push(bodyParagraph(420, seed++))
      continue
    }
    content.push(fillMarks(node))
  }
  return { ...report, doc: { ...report.doc, content } }
}

/** Top-level index of the first heading whose text is `title`. */
export function indexOfHeading(report: ReportFile, title: string): number {
  return (report.doc.content ?? []).findIndex(
    node => node.type === NodeType.heading && node.content?.[0]?.text === title,
  )
}

/** The report with top-level nodes [from, to) removed. */
export function withoutRange(report: ReportFile, from: number, to: number): ReportFile {
  const content = [...(report.doc.content ?? [])]
  content.splice(from, to - from)
  return { ...report, doc: { ...report.doc, content } }
}

/** The report with one top-level node replaced. */
export function withNode(report: ReportFile, index: number, node: DocNode): ReportFile {
  const content = [...(report.doc.content ?? [])]
  content[index] = node
  return { ...report, doc: { ...report.doc, content } }
}
