import { guidance, heading, NodeType, paragraph, textNode, type DocNode } from '../document-model'
import { REPORT_FORMAT, REPORT_VERSION, reportFileSchema, type ReportFile, type ReportMeta } from '../report-file'
import { formatChineseDate } from '../report-language/chinese-date'
import { formatSpeakerLine } from '../report-language/speaker'
import { expandTitle, type ExpandOptions } from './expand-title'
import type { Template, TemplatePart } from './template-schema'

export interface NewReportOptions {
  planYear: number
  organisation?: string
  meetingName?: string
  /** ISO `YYYY-MM-DD` of the session. */
  date?: string
  speakerOffice?: string
  speakerName?: string
  /** 换届年 report: the review covers the whole term. */
  termEnd?: boolean
  /** Overrides the template's numbering scheme. */
  numbering?: 'numbered' | 'yearParts'
}

/** A front-matter node whose text may hold `\n` line breaks. */
function lineNode(type: string, text: string): DocNode {
  const content: DocNode[] = []
  text.split('\n').forEach((line, index) => {
    if (index > 0) content.push({ type: NodeType.hardBreak })
    if (line) content.push(textNode(line))
  })
  return content.length ? { type, content } : { type }
}

/** Title a part gets in a new report with these options. */
export function partTitle(
  part: TemplatePart,
  options: Pick<NewReportOptions, 'planYear' | 'organisation' | 'termEnd'>,
): string {
  const pattern = options.termEnd && part.termEndDefaultTitle ? part.termEndDefaultTitle : part.defaultTitle
  return expandTitle(pattern, { planYear: options.planYear, organisation: options.organisation ?? '' })
}

/** The nodes of one part as a new report has them: heading, guidance, starter, sub-sections with guidance. */
export function createPartNodes(part: TemplatePart, expand: ExpandOptions & { termEnd?: boolean }): DocNode[] {
  const fill = (text: string) => expandTitle(text, expand)
  const nodes: DocNode[] = []
  if (part.untitled) {
    for (const text of part.starter) nodes.push(paragraph(fill(text)))
    nodes.push(guidance(fill(part.guidance)))
    return nodes
  }
  const title = expand.termEnd && part.termEndDefaultTitle ? part.termEndDefaultTitle : part.defaultTitle
  nodes.push(heading(1, fill(title), { role: part.role }))
  nodes.push(guidance(fill(part.guidance)))
  for (const text of part.starter) nodes.push(paragraph(fill(text)))
  part.subsections.suggested.forEach((suggested, index) => {
    nodes.push(heading(2, fill(suggested)))
    const prompt = part.subsections.prompts[index]
    nodes.push(guidance(fill(prompt ?? `围绕“${fill(suggested)}”写做法、数字和成效。`)))
  })
  for (const text of part.endStarter) nodes.push(paragraph(fill(text)))
  return nodes
}

/**
 * The nodes of one template part for a report with this meta: what `wrs new` writes for the part and what the
 * editor inserts for a missing one (STR-MISSING's fix), so both print the same heading, guidance and starter text.
 */
export function partNodesFor(template: Template, partId: string, meta: ReportMeta): DocNode[] {
  const part = template.parts.find(candidate => candidate.id === partId)
  if (!part) return []
  return createPartNodes(part, {
    planYear: meta.planYear,
    organisation: meta.organisation,
    meetingName: meta.meetingName,
    dateText: meta.date ? formatChineseDate(meta.date) : '',
    termEnd: meta.termEnd,
  })
}

/** A new report from a template: meta, front matter nodes, opening formula and every part that applies. */
export function createReport(template: Template, options: NewReportOptions): ReportFile {
  const organisation = options.organisation?.trim() ?? ''
  const dateText = options.date ? formatChineseDate(options.date) : ''
  const front = template.frontMatter
  const baseExpand: ExpandOptions = { planYear: options.planYear, organisation, dateText }
  const meetingName =
    options.meetingName?.trim() || (front.meetingName ? expandTitle(front.meetingName, baseExpand) : '')
  const expand: ExpandOptions & { termEnd?: boolean } = {
    ...baseExpand,
    meetingName,
    termEnd: options.termEnd ?? false,
  }
  const fill = (text: string) => expandTitle(text, expand)
  const title = fill(front.title)
  const speakerOffice = options.speakerOffice?.trim() || fill(front.speakerOffice)
  const speakerName = options.speakerName?.trim() ?? ''

  const content: DocNode[] = [lineNode(NodeType.reportTitle, title)]
  if (front.subtitle) content.push(lineNode(NodeType.reportSubtitle, fill(front.subtitle)))
  if (speakerOffice || front.requiredFields.includes('speaker')) {
    content.push(lineNode(NodeType.speakerLine, formatSpeakerLine(speakerOffice, speakerName || '×××')))
  }
  if (front.salutation) content.push(lineNode(NodeType.salutation, front.salutation))
  if (front.openingFormula) content.push(paragraph(fill(front.openingFormula)))
  for (const part of template.parts) {
    if (part.termEndOnly && !options.termEnd) continue
    content.push(...createPartNodes(part, expand))
  }

  return reportFileSchema.parse({
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    meta: {
      templateId: template.id,
      kind: template.kind,
      planYear: options.planYear,
      termEnd: options.termEnd ?? false,
      numbering: options.numbering ?? template.numbering,
      organisation,
      meetingName,
      date: options.date ?? '',
      speakerOffice,
      speakerName,
      title: title.replace(/\n/g, ''),
      status: 'draft',
    },
    doc: { type: NodeType.doc, content },
  })
}
