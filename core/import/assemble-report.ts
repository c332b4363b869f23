import { NodeType, nodeText, textNode, type DocNode, type PartRole } from '../document-model'
import { reportFileSchema, REPORT_FORMAT, REPORT_VERSION, type ReportFile } from '../report-file'
import type { ReportKind } from '../report-kind'
import { detectReportKind } from '../report-language/detect-report-kind'
import { organisationFromMeeting } from '../report-language/meeting'
import { templatePattern } from '../report-language/opening'
import { organisationFromTitle } from '../report-language/organisation'
import { decidePlanYear, meetingYearOf } from '../report-language/plan-year'
import { splitStatusSuffix } from '../report-language/status-suffix'
import { formatSpeakerLine } from '../report-language/speaker'
import { formatSubtitle } from '../report-language/subtitle'
import { expandTitle } from '../templates/expand-title'
import type { Template } from '../templates/template-schema'
import { readPartRole } from '../structure/part-title-matcher'
import { buildBody } from './build-body'
import type { ImportBlock } from './import-block'
import { readFrontMatter } from './read-front-matter'

export interface AssembleOptions {
  fileName?: string
  templates: readonly Template[]
  /** Used when the text names no year at all. */
  fallbackPlanYear: number
  /** Used when nothing in the text tells the kind. */
  fallbackKind?: ReportKind
  /** ISO time stamp for provenance. */
  importedAt: string
}

function frontNode(type: string, lines: string[]): DocNode {
  const content: DocNode[] = []
  lines.forEach((line, index) => {
    if (index > 0) content.push({ type: NodeType.hardBreak })
    if (line) content.push(textNode(line))
  })
  return content.length ? { type, content } : { type }
}

/**
 * Builds one report from its blocks: front matter (a newspaper lead feeds the meeting and the speaker and is not
 * body text), body with headings and levels, kind, plan year, numbering scheme and part roles.
 */
export function assembleReport(
  blocks: readonly ImportBlock[],
  range: { start: number; end: number },
  options: AssembleOptions,
): { report: ReportFile; notes: string[] } {
  const notes: string[] = []
  const { front, next } = readFrontMatter(blocks, range.start, range.end)
  const body = buildBody(blocks.slice(next, range.end))
  const dropped = [...front.dropped, ...body.dropped]
  if (dropped.length) notes.push(`署名和图片说明（${dropped.join('；')}）不属于报告正文，已略去。`)

  const firstHeading = body.nodes.findIndex(node => node.type === NodeType.heading)
  const preamble = (firstHeading < 0 ? body.nodes : body.nodes.slice(0, firstHeading))
    .filter(node => node.type === NodeType.paragraph)
    .map(nodeText)
  // The status suffix (`（征求意见稿）`) is metadata: off the title, into meta.draftLabel.
  const titleSplit = splitStatusSuffix(front.titleLines.join('\n'))
  const draftLabel = front.status ?? titleSplit.label
  const strippedTitleLines = titleSplit.title ? titleSplit.title.split('\n') : []
  const titleText = strippedTitleLines.join('')

  // Kind: opening formula first, then the newspaper lead, the speaker's office, the title, the meeting, the salutation.
  let kind = detectReportKind(
    {
      preamble: front.lead ? [...preamble, front.lead.text] : preamble,
      speakerOffice: front.speaker?.office,
      title: titleText,
      meeting: front.subtitle?.meeting,
      salutation: front.salutation,
    },
    options.templates,
  )?.kind
  if (!kind) {
    kind = options.fallbackKind ?? 'summary'
    notes.push(
      `没有从文字中认出报告类别，已按“${options.templates.find(template => template.kind === kind)?.name ?? kind}”导入。如不对，请在报告信息中更改。`,
    )
  }
  const template = options.templates.find(candidate => candidate.kind === kind)
  const roleTemplates = template ? [template] : []

  // Roles: the template's accepted titles first, the wording of the title second.
  let termEnd = false
  for (const part of body.parts) {
    const reading = readPartRole(part.title, roleTemplates)
    const role: PartRole | null = reading?.role ?? null
    if (reading?.termEnd) termEnd = true
    part.node.attrs = { ...part.node.attrs, role }
    if (!role) notes.push(`第一层标题“${part.title}”没有对应到模板中的部分，请在大纲中为它选择部分类型。`)
  }
  if (!body.parts.length)
    notes.push('没有找到报告的组成部分（如“××年主要工作”“××年主要任务”），全文按正文段落导入，请在编辑器中设置标题。')

  // Plan year from what the text says: part titles, the stated year, the title, the meeting date, the body.
  const leadDate = front.lead?.year ? `${front.lead.year}-${front.lead.monthDay}` : ''
  const dateIso = front.subtitle?.date || front.dateLine || leadDate
  const decided = decidePlanYear({
    parts: body.parts.map(part => ({ title: part.title, role: (part.node.attrs?.role as PartRole | null) ?? null })),
    frontTexts: [front.subtitle?.text, front.lead?.text, ...preamble].filter((text): text is string => Boolean(text)),
    title: titleText,
    date: dateIso,
    bodyTexts: body.nodes.filter(node => node.type === NodeType.paragraph).map(nodeText),
  })
  let planYear = decided?.year
  if (planYear === undefined) {
    planYear = options.fallbackPlanYear
    notes.push(`文中没有写明年度，计划年度暂定为${planYear}年，请在报告信息中核对。`)
  }

  const meetingName = front.subtitle?.meeting || front.lead?.meeting || ''
  const organisation = organisationFromMeeting(meetingName) || organisationFromTitle(titleText)
  // a lead's `3月16日` takes its year from the plan year the content gave (a December meeting is the year before)
  const date =
    dateIso ||
    (front.lead && decided
      ? `${meetingYearOf(planYear, Number(front.lead.monthDay.slice(0, 2)))}-${front.lead.monthDay}`
      : '')

  // Front matter nodes.
  const frontNodes: DocNode[] = []
  let titleLines = strippedTitleLines
  let speaker = front.speaker
    ? { office: front.speaker.office, name: front.speaker.name, text: front.speaker.text }
    : undefined
  let subtitleText = front.subtitle?.text
  let salutation = front.salutation
  if (front.lead) {
    // A headline that already is a report title (`××区人民代表大会常务委员会工作报告（摘要）`) stays.
    const headlineIsTitle = Boolean(
      titleText && template && templatePattern(template.frontMatter.titlePattern)?.test(titleText),
    )
    const official =
      template && !headlineIsTitle
        ? expandTitle(template.frontMatter.title, { planYear, organisation, meetingName })
        : ''
    if (official) {
      if (titleText)
        notes.push(`“${titleText}”是报纸标题，报告标题已按模板改为“${official.replace(/\n/g, '')}”，请核对。`)
      titleLines = official.split('\n')
    }
    if (!subtitleText && meetingName) subtitleText = formatSubtitle(date, meetingName)
    if (!speaker && (front.lead.office || front.lead.name)) {
      speaker = {
        office: front.lead.office,
        name: front.lead.name,
        text: formatSpeakerLine(front.lead.office, front.lead.name),
      }
    }
    if (!salutation && template) salutation = template.frontMatter.salutation
    notes.push(
      '报纸导语已用于封面信息（会议、日期、报告人），不作为正文。原文为摘要稿，段落可能被版面截断，请逐段核对。',
    )
  }
  if (draftLabel)
    notes.push(`标题后的“（${draftLabel}）”是稿别，已记入报告信息，导出${draftLabel}时印在页眉，不再写在标题里。`)
  if (titleLines.length) frontNodes.push(frontNode(NodeType.reportTitle, titleLines))
  else notes.push('没有找到报告标题，请在封面处补写。')
  if (subtitleText) frontNodes.push(frontNode(NodeType.reportSubtitle, [subtitleText]))
  if (speaker) frontNodes.push(frontNode(NodeType.speakerLine, [speaker.text]))
  // the date printed on its own line (a subtitle without one) stays where it stood, as a second occasion line
  if (front.dateLineText) frontNodes.push(frontNode(NodeType.reportSubtitle, [front.dateLineText]))
  if (salutation) frontNodes.push(frontNode(NodeType.salutation, [salutation]))

  const data = {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    meta: {
      templateId: template?.id ?? kind,
      kind,
      planYear,
      termEnd,
      numbering: body.scheme,
      organisation,
      meetingName,
      date,
      speakerOffice: speaker?.office ?? '',
      speakerName: speaker?.name ?? '',
      title: titleLines.join(''),
      status: 'draft',
      draftLabel: draftLabel ?? '',
    },
    doc: { type: NodeType.doc, content: [...frontNodes, ...body.nodes] },
    provenance: options.fileName
      ? [
          {
            target: 'doc',
            sourceFile: options.fileName,
            sourceYear: planYear - 1,
            sourceTitle: titleLines.join(''),
            at: options.importedAt,
            kind: 'import',
          },
        ]
      : [],
  }
  return { report: reportFileSchema.parse(data), notes }
}
