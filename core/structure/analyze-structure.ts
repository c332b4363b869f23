import { nodeText, NodeType, partRoles, type DocNode, type HeadingLevel, type PartRole } from '../document-model'
import type { ReportFile } from '../report-file'
import type { ReportKind } from '../report-kind'
import { builtinTemplates, templateForKind } from '../templates/builtin-templates'
import type { Template } from '../templates/template-schema'
import { detectKind } from './detect-kind'
import { matchPartTitle, matchUntitledPart, normaliseTitle } from './part-title-matcher'
import {
  looksLikeDateLine,
  looksLikeSalutation,
  looksLikeSubtitle,
  parseChineseDate,
  parseSpeaker,
  parseSubtitle,
} from './parse-front-matter'
import type { FrontMatter, ReportStructure, Section } from './report-structure'

export interface AnalyzeOptions {
  /** Template whose accepted titles give roles; without it every built-in template is tried. */
  template?: Template
  /** Plan year when known (from meta); otherwise it is worked out from the text. */
  planYear?: number
  kind?: ReportKind
}

const GENERIC_OPENING = /向大会(报告|作).{0,8}工作/

/** Number of 汉字 (CJK unified ideographs, incl. extension A) in a text. */
export function countHan(text: string): number {
  let count = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) count++
  }
  return count
}

function countGuidance(node: DocNode): number {
  if (node.type === NodeType.guidance) return 1
  if (!node.content) return 0
  let count = 0
  for (const child of node.content) count += countGuidance(child)
  return count
}

function isRole(value: unknown): value is PartRole {
  return typeof value === 'string' && (partRoles as readonly string[]).includes(value)
}

function headingLevel(node: DocNode): HeadingLevel {
  const level = Number(node.attrs?.level ?? 1)
  return (level >= 1 && level <= 4 ? level : 1) as HeadingLevel
}

function findFrontMatter(content: DocNode[], texts: string[], bodyStart: number, templates: Template[]): FrontMatter {
  const front: FrontMatter = {}
  const openings = templates
    .filter(t => t.frontMatter.openingPattern)
    .map(t => new RegExp(t.frontMatter.openingPattern, 'u'))
  let dateLine: string | undefined
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
        if (!front.subtitle) front.subtitle = { path, text, ...parseSubtitle(text) }
        else if (looksLikeDateLine(text)) dateLine = text
        else {
          // a subtitle wrapped over two nodes
          front.subtitle = {
            ...front.subtitle,
            text: front.subtitle.text + text,
            ...parseSubtitle(front.subtitle.text + text),
          }
        }
        continue
      case NodeType.speakerLine:
        if (!front.speaker) front.speaker = { path, text, ...parseSpeaker(text) }
        continue
      case NodeType.salutation:
        if (!front.salutation) front.salutation = { path, text }
        continue
    }
    if (node.type !== NodeType.paragraph || !trimmed) continue
    if (!front.salutation && looksLikeSalutation(trimmed)) front.salutation = { path, text }
    else if (!front.subtitle && looksLikeSubtitle(trimmed)) front.subtitle = { path, text, ...parseSubtitle(text) }
    else if (looksLikeDateLine(trimmed)) dateLine = trimmed
    else if (!front.opening && (openings.some(regex => regex.test(trimmed)) || GENERIC_OPENING.test(trimmed))) {
      front.opening = { path, text }
    }
  }
  if (front.subtitle && !front.subtitle.date && dateLine) {
    const date = parseChineseDate(dateLine)
    if (date) front.subtitle.date = date
  }
  return front
}

function planYearFromParts(parts: Section[]): number | undefined {
  for (const role of ['tasks', 'review'] as const) {
    const part = parts.find(candidate => candidate.role === role)
    const match = part && /((?:19|20|21)\d{2})/.exec(part.title)
    if (match) return Number(match[1]) + (role === 'review' ? 1 : 0)
  }
  return undefined
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
  const frontMatter = findFrontMatter(content, texts, frontEnd, templates)

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
    const attrRole = part.level === 1 ? content[part.index]!.attrs?.role : undefined
    const match = templates.map(template => matchPartTitle(part.title, template)).find(Boolean)
    if (isRole(attrRole)) {
      part.role = attrRole
      part.roleSource = 'attribute'
    } else if (match && part.level === 1) {
      part.role = match.part.role
      part.roleSource = 'title'
    }
    if (part.level === 1) part.termEndTitle = match?.termEnd === true && match.part.role === part.role
    if (part.level === 1 && match && match.part.role === part.role) {
      part.partId = match.part.id
    } else if (part.level === 1 && part.role && options.template) {
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
  } else if (frontMatter.subtitle?.date) {
    structure.planYear = Number(frontMatter.subtitle.date.slice(0, 4))
    structure.planYearSource = 'subtitle'
  } else {
    const fromParts = planYearFromParts(parts)
    if (fromParts !== undefined) {
      structure.planYear = fromParts
      structure.planYearSource = 'titles'
    }
  }
  const kind = options.kind ?? detectKind(structure)
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
