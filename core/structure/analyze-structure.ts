import { nodeText, NodeType, type DocNode, type HeadingLevel } from '../document-model'
import type { ReportFile } from '../report-file'
import type { ReportKind } from '../report-kind'
import { parseChineseDate, parseDateLine } from '../report-language/chinese-date'
import { detectReportKind } from '../report-language/detect-report-kind'
import { readFrontLine } from '../report-language/front-matter-line'
import { countHan } from '../report-language/han'
import { headingLevel } from '../report-language/heading-level'
import { findMeeting } from '../report-language/meeting'
import { readOpening } from '../report-language/opening'
import { isPartRole } from '../report-language/part-title'
import { decidePlanYear } from '../report-language/plan-year'
import { readSpeakerLine } from '../report-language/speaker'
import { parseSubtitle } from '../report-language/subtitle'
import { builtinTemplates, templateForKind } from '../templates/builtin-templates'
import type { Template } from '../templates/template-schema'
import { matchUntitledPart, normaliseTitle, readPartRole } from './part-title-matcher'
import type { FrontMatter, ReportStructure, Section } from './report-structure'

export interface AnalyzeOptions {
  /** Template whose accepted titles give roles; without it every built-in template is tried. */
  template?: Template
  /** Plan year when known (from meta); otherwise it is worked out from the text. */
  planYear?: number
  kind?: ReportKind
}

function countGuidance(node: DocNode): number {
  if (node.type === NodeType.guidance) return 1
  if (!node.content) return 0
  let count = 0
  for (const child of node.content) count += countGuidance(child)
  return count
}

/** Date and meeting of a subtitle; of a malformed one in a subtitle node, what it holds of them (for the messages). */
function subtitleFields(text: string): { date?: string; meeting?: string } {
  const parsed = parseSubtitle(text)
  const date = parsed ? parsed.date : parseChineseDate(text)
  const meeting = parsed ? parsed.meeting : findMeeting(text)?.name
  return { ...(date ? { date } : {}), ...(meeting ? { meeting } : {}) }
}

/**
 * The front matter before the first heading: the dedicated nodes (title, subtitle, speaker line, salutation) and, in
 * pasted text without them, paragraphs read the way import reads lines (`readFrontLine`); the opening formula.
 */
function findFrontMatter(
  content: DocNode[],
  texts: string[],
  bodyStart: number,
  templates: Template[],
): { front: FrontMatter; preamble: string[] } {
  const front: FrontMatter = {}
  const preamble: string[] = []
  let dateLine: string | undefined
  const setSubtitle = (path: number[], text: string) => {
    front.subtitle = { path, text, ...subtitleFields(text) }
  }
  for (let index = 0; index < bodyStart; index++) {
    const node = content[index]!
    const text = texts[index]!
    const path = [index]
    const trimmed = text.trim()
    switch (node.type) {
      case NodeType.reportTitle:
        if (!front.title) front.title = { path, text }
        else front.title.text += '\n' + text
        continue
      case NodeType.reportSubtitle:
        if (!front.subtitle) setSubtitle(path, text)
        else if (parseDateLine(text)) dateLine = parseDateLine(text)
        else {
          // a subtitle wrapped over two nodes
          const joined = front.subtitle.text + text
          front.subtitle = { ...front.subtitle, text: joined, ...subtitleFields(joined) }
        }
        continue
      case NodeType.speakerLine:
        if (!front.speaker) front.speaker = { path, text, ...readSpeakerLine(text) }
        continue
      case NodeType.salutation:
        if (!front.salutation) front.salutation = { path, text }
        continue
    }
    if (node.type !== NodeType.paragraph || !trimmed) continue
    const allowNameOnly = Boolean(front.title || front.subtitle) && !front.salutation
    const line = readFrontLine(trimmed, { allowNameOnly })
    if (line?.kind === 'subtitle' && !front.subtitle) setSubtitle(path, text)
    else if (line?.kind === 'subtitleStart' && !front.subtitle && index + 1 < bodyStart) {
      const joined = trimmed + texts[index + 1]!.trim()
      if (parseSubtitle(joined)) {
        setSubtitle(path, joined)
        index++
      }
    } else if (line?.kind === 'dateLine') dateLine = line.date
    else if (line?.kind === 'salutation' && !front.salutation) {
      front.salutation = { path, text }
      if (line.speaker && !front.speaker) front.speaker = { path, ...line.speaker }
    } else if (line?.kind === 'speaker' && !front.speaker && !front.salutation)
      front.speaker = { path, text, ...line.speaker }
    else {
      preamble.push(trimmed)
      // a newspaper lead stands where the opening formula would
      if (!front.opening && (line?.kind === 'lead' || readOpening(trimmed, templates))) front.opening = { path, text }
    }
  }
  if (front.subtitle && !front.subtitle.date && dateLine) front.subtitle.date = dateLine
  return { front, preamble }
}

/** Finds front matter, parts (level-1 sections with roles), sub-sections and the plan year of a document. */
export function analyzeDoc(doc: DocNode, options: AnalyzeOptions = {}): ReportStructure {
  const content = doc.content ?? []
  const templates = options.template
    ? [options.template, ...builtinTemplates.filter(t => t.kind !== options.template!.kind)]
    : options.kind
      ? [templateForKind(options.kind), ...builtinTemplates.filter(t => t.kind !== options.kind)]
      : builtinTemplates
  const texts = content.map(node => nodeText(node))

  // prefix sums of body 汉字 and guidance nodes over non-heading top-level nodes
  const hanPrefix = new Array<number>(content.length + 1)
  const guidancePrefix = new Array<number>(content.length + 1)
  hanPrefix[0] = 0
  guidancePrefix[0] = 0
  let firstHeading = content.length
  let lastHeading = -1
  for (let i = 0; i < content.length; i++) {
    const node = content[i]!
    const isHeading = node.type === NodeType.heading
    if (isHeading) {
      if (firstHeading === content.length) firstHeading = i
      lastHeading = i
    }
    hanPrefix[i + 1] = hanPrefix[i]! + (isHeading ? 0 : countHan(texts[i]!))
    guidancePrefix[i + 1] = guidancePrefix[i]! + countGuidance(node)
  }

  // the closing appeal: a paragraph after the last heading that opens an untitled part
  let closingIndex = -1
  let closingMatch: ReturnType<typeof matchUntitledPart>
  for (let i = lastHeading + 1; i < content.length && closingIndex < 0; i++) {
    if (content[i]!.type !== NodeType.paragraph) continue
    for (const template of templates) {
      const match = matchUntitledPart(texts[i]!, template)
      if (match) {
        closingIndex = i
        closingMatch = match
        break
      }
    }
  }
  const bodyEnd = closingIndex >= 0 ? closingIndex : content.length
  const frontEnd = Math.min(firstHeading, bodyEnd)
  const { front: frontMatter, preamble } = findFrontMatter(content, texts, frontEnd, templates)

  const makeSection = (index: number, end: number, level: HeadingLevel): Section => {
    const node = content[index]!
    const bodyChars = hanPrefix[end]! - hanPrefix[index + 1]!
    const guidanceCount = guidancePrefix[end]! - guidancePrefix[index]!
    return {
      path: [index],
      index,
      end,
      level,
      title: texts[index]!,
      role: null,
      roleSource: 'none',
      runIn: node.attrs?.runIn === true,
      bodyChars,
      guidanceCount,
      onlyGuidance: bodyChars === 0 && guidanceCount > 0,
      children: [],
    }
  }

  const parts: Section[] = []
  const stack: Section[] = []
  for (let i = 0; i < bodyEnd; i++) {
    const node = content[i]!
    if (node.type !== NodeType.heading) continue
    const level = headingLevel(node)
    let end = bodyEnd
    for (let j = i + 1; j < bodyEnd; j++) {
      const next = content[j]!
      if (next.type === NodeType.heading && headingLevel(next) <= level) {
        end = j
        break
      }
    }
    const section = makeSection(i, end, level)
    while (stack.length && stack[stack.length - 1]!.level >= level) stack.pop()
    const parent = stack[stack.length - 1]
    if (parent) parent.children.push(section)
    else parts.push(section)
    stack.push(section)
  }
  // `parts` may hold a deeper heading that has no level-1 heading above it; only level 1 gets a role
  for (const part of parts) {
    if (part.level !== 1) continue
    const attrRole = content[part.index]!.attrs?.role
    const reading = readPartRole(part.title, templates)
    if (isPartRole(attrRole)) {
      part.role = attrRole
      part.roleSource = 'attribute'
    } else if (reading) {
      part.role = reading.role
      part.roleSource = 'title'
    }
    const match = reading?.match
    part.termEndTitle = match?.termEnd === true && match.part.role === part.role
    if (match && match.part.role === part.role) {
      part.partId = match.part.id
    } else if (part.role && options.template) {
      const byRole = options.template.parts.find(candidate => candidate.role === part.role)
      if (byRole) part.partId = byRole.id
    }
  }
  if (closingIndex >= 0 && closingMatch) {
    const closing = makeSection(closingIndex, content.length, 1)
    closing.bodyChars = hanPrefix[content.length]! - hanPrefix[closingIndex]!
    closing.onlyGuidance = false
    closing.title = normaliseTitle(texts[closingIndex]!.split(/[！!]/)[0]!) + '！'
    closing.role = closingMatch.part.role
    closing.roleSource = 'title'
    closing.partId = closingMatch.part.id
    closing.untitled = true
    closing.termEndTitle = false
    parts.push(closing)
  }

  const structure: ReportStructure = { frontMatter, parts }
  if (options.planYear !== undefined) {
    structure.planYear = options.planYear
    structure.planYearSource = 'meta'
  } else {
    const decided = decidePlanYear({
      parts: parts.filter(part => part.level === 1 && !part.untitled),
      frontTexts: [frontMatter.subtitle?.text, ...preamble].filter((text): text is string => Boolean(text)),
      title: frontMatter.title?.text,
      date: frontMatter.subtitle?.date,
      bodyTexts: () =>
        content.flatMap((node, index) =>
          node.type === NodeType.paragraph && index >= frontEnd ? [texts[index]!] : [],
        ),
    })
    if (decided) {
      structure.planYear = decided.year
      structure.planYearSource = decided.source
    }
  }
  const kind =
    options.kind ??
    detectReportKind(
      {
        preamble,
        speakerOffice: frontMatter.speaker?.office,
        title: frontMatter.title?.text,
        meeting: frontMatter.subtitle?.meeting,
        salutation: frontMatter.salutation?.text,
      },
      templates,
    )?.kind
  if (kind) structure.kind = kind
  return structure
}

/** Structure of a report: its meta gives the plan year and kind, the template (or the kind's built-in one) the roles. */
export function analyzeStructure(report: ReportFile, template?: Template): ReportStructure {
  return analyzeDoc(report.doc, {
    template: template ?? templateForKind(report.meta.kind),
    planYear: report.meta.planYear,
    kind: report.meta.kind,
  })
}
