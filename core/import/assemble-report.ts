import { NodeType, nodeText, textNode, type DocNode, type PartRole } from '../document-model'
import { reportFileSchema, REPORT_FORMAT, REPORT_VERSION, type ReportFile } from '../report-file'
import type { ReportKind } from '../report-kind'
import { expandTitle, formatChineseDate } from '../templates/expand-title'
import type { Template } from '../templates/template-schema'
import { matchPartTitle } from '../structure/part-title-matcher'
import { buildBody } from './build-body'
import { kindFromWords, openingKind, organisationFromMeeting, organisationFromTitle } from './front-matter-patterns'
import type { ImportBlock } from './import-block'
import { planYearFromPartTitle } from './part-title'
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

function safeTest(source: string, text: string): boolean {
  try {
    return new RegExp(source, 'u').test(text)
  } catch {
    return false
  }
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
  const titleText = front.titleLines.join('')

  // Kind: opening formula first, then the newspaper lead, the speaker's office, the title, the salutation.
  let kind: ReportKind | undefined
  for (const paragraphText of preamble) {
    kind =
      options.templates.find(template => safeTest(template.frontMatter.openingPattern, paragraphText))?.kind ??
      openingKind(paragraphText)
    if (kind) break
  }
  kind ??= front.lead?.kind
  kind ??= front.speaker?.office ? kindFromWords(front.speaker.office) : undefined
  kind ??= titleText
    ? options.templates.find(
        template => template.frontMatter.titlePattern && safeTest(template.frontMatter.titlePattern, titleText),
      )?.kind
    : undefined
  kind ??= titleText ? kindFromWords(titleText) : undefined
  kind ??= front.subtitle ? kindFromWords(front.subtitle.meeting) : undefined
  kind ??= front.salutation?.includes('委员') ? 'cppcc' : undefined
  if (!kind) {
    kind = options.fallbackKind ?? 'summary'
    notes.push(
      `没有从文字中认出报告类别，已按“${options.templates.find(template => template.kind === kind)?.name ?? kind}”导入。如不对，请在报告信息中更改。`,
    )
  }
  const template = options.templates.find(candidate => candidate.kind === kind)

  // Plan year: the subtitle's date, then a date line, then the part titles.
  let planYear: number | undefined
  const dateIso = front.subtitle?.date || front.dateLine || ''
  if (dateIso) planYear = Number(dateIso.slice(0, 4))
  if (!planYear) {
    for (const part of body.parts) {
      const year = part.info ? planYearFromPartTitle(part.info) : undefined
      if (year) {
        planYear = year
        break
      }
    }
  }
  if (!planYear && titleText) {
    // `××局2023年工作总结和2024年工作计划`, `××区2025年政府工作报告`
    const plan = /(\d{4})年(?:度)?(?:工作)?(?:计划|打算|安排|要点|任务)|(\d{4})年(?:度)?政府工作报告/.exec(titleText)
    const review = /(\d{4})年(?:度)?(?:工作)?(?:总结|回顾)/.exec(titleText)
    planYear = plan ? Number(plan[1] ?? plan[2]) : review ? Number(review[1]) + 1 : undefined
  }
  if (!planYear) {
    planYear = options.fallbackPlanYear
    notes.push(`文中没有写明年度，计划年度暂定为${planYear}年，请在报告信息中核对。`)
  }

  const meetingName = front.subtitle?.meeting || front.lead?.meeting || ''
  const organisation = organisationFromMeeting(meetingName) || organisationFromTitle(titleText)
  const date = dateIso || (front.lead ? `${planYear}-${front.lead.monthDay}` : '')

  // Roles: the template's accepted titles first, the wording of the title second.
  let termEnd = false
  for (const part of body.parts) {
    const match = template ? matchPartTitle(part.title, template) : undefined
    const role: PartRole | null = match?.part.role ?? part.info?.role ?? null
    if (match?.termEnd || part.info?.relative === 'term' || part.info?.relative === 'nextTerm') termEnd = true
    part.node.attrs = { ...part.node.attrs, role }
    if (!role) notes.push(`第一层标题“${part.title}”没有对应到模板中的部分，请在大纲中为它选择部分类型。`)
  }
  if (!body.parts.length)
    notes.push('没有找到报告的组成部分（如“××年主要工作”“××年主要任务”），全文按正文段落导入，请在编辑器中设置标题。')

  // Front matter nodes.
  const frontNodes: DocNode[] = []
  let titleLines = front.titleLines
  let speaker = front.speaker
    ? { office: front.speaker.office, name: front.speaker.name, text: front.speaker.text }
    : undefined
  let subtitleText = front.subtitle?.text
  let salutation = front.salutation
  if (front.lead) {
    // A headline that already is a report title (`××区人民代表大会常务委员会工作报告（摘要）`) stays.
    const headlineIsTitle = Boolean(
      titleText && template?.frontMatter.titlePattern && safeTest(template.frontMatter.titlePattern, titleText),
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
    if (!subtitleText && meetingName) subtitleText = `——${formatChineseDate(date)}在${meetingName}上`
    if (!speaker && (front.lead.office || front.lead.name)) {
      speaker = {
        office: front.lead.office,
        name: front.lead.name,
        text: [front.lead.office, front.lead.name].filter(Boolean).join(' '),
      }
    }
    if (!salutation && template) salutation = template.frontMatter.salutation
    notes.push(
      '报纸导语已用于封面信息（会议、日期、报告人），不作为正文。原文为摘要稿，段落可能被版面截断，请逐段核对。',
    )
  }
  if (titleLines.length) frontNodes.push(frontNode(NodeType.reportTitle, titleLines))
  else notes.push('没有找到报告标题，请在封面处补写。')
  if (subtitleText) frontNodes.push(frontNode(NodeType.reportSubtitle, [subtitleText]))
  if (speaker) frontNodes.push(frontNode(NodeType.speakerLine, [speaker.text]))
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
