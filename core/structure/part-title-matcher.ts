import type { PartRole } from '../document-model'
import { parseLeadingMarker } from '../numbering'
import { isTermTitle, recognisePartTitle, type PartTitleInfo } from '../report-language/part-title'
import type { Template, TemplatePart } from '../templates/template-schema'

/** Heading text without literal numbering, bullets, spaces and trailing punctuation. */
export function normaliseTitle(text: string): string {
  let value = text.replace(/^[\s\u3000■●◆◇□○•·]+/, '')
  const marker = parseLeadingMarker(value)
  if (marker) value = value.slice(marker.length)
  return value
    .replace(/[\s\u3000]+/g, '')
    .replace(/[。：:；;，,]+$/, '')
    .replace(/:/g, '：')
}

const YEAR_VARIABLE = /\{Y([+-]\d+)?\}/g

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** An accepted title such as `{Y-1}年主要工作` as an exact, year-agnostic regular expression. */
function exactTitleRegExp(title: string): RegExp {
  const pieces = title.split(YEAR_VARIABLE)
  // split with a capture group interleaves the offsets: [text, offset, text, offset, text]
  let source = ''
  for (let i = 0; i < pieces.length; i += 2) {
    if (i > 0) source += '(\\d{4})'
    source += escapeRegExp((pieces[i] ?? '').replace(/\{(ORG|LEVEL)\}/g, '\u0000'))
  }
  source = source.replace(/\u0000/g, '.{0,20}')
  return new RegExp(`^${source}$`, 'u')
}

function patternRegExp(pattern: string): RegExp {
  return new RegExp(pattern.replace(YEAR_VARIABLE, '(\\d{4})'), 'u')
}

export interface CompiledPart {
  part: TemplatePart
  /** Position of the part in its template. */
  order: number
  titles: RegExp[]
  termEndTitles: RegExp[]
  patterns: RegExp[]
}

const cache = new WeakMap<Template, CompiledPart[]>()

export function compileParts(template: Template): CompiledPart[] {
  let compiled = cache.get(template)
  if (!compiled) {
    compiled = template.parts.map((part, order) => ({
      part,
      order,
      titles: part.titles.map(exactTitleRegExp),
      termEndTitles: part.termEndTitles.map(exactTitleRegExp),
      patterns: part.titlePatterns.map(patternRegExp),
    }))
    cache.set(template, compiled)
  }
  return compiled
}

export interface PartTitleMatch {
  part: TemplatePart
  order: number
  /** Matched a 换届年 title. */
  termEnd: boolean
}

/**
 * Which template part a level-1 heading title belongs to. Years are not checked here (any 4-digit
 * year matches `{Y}`); STR-YEAR checks them against the plan year.
 */
export function matchPartTitle(title: string, template: Template): PartTitleMatch | undefined {
  const text = normaliseTitle(title)
  if (!text) return undefined
  const compiled = compileParts(template)
  // an untitled part (the closing) printed under its own heading `结束语` still matches by its accepted titles
  for (const entry of compiled) {
    if (entry.titles.some(regex => regex.test(text))) return { part: entry.part, order: entry.order, termEnd: false }
  }
  for (const entry of compiled) {
    if (entry.part.untitled) continue
    if (entry.termEndTitles.some(regex => regex.test(text)))
      return { part: entry.part, order: entry.order, termEnd: true }
  }
  for (const entry of compiled) {
    if (entry.part.untitled) continue
    if (entry.patterns.some(regex => regex.test(text)))
      return { part: entry.part, order: entry.order, termEnd: isTermTitle(text) }
  }
  return undefined
}

/** Whether a paragraph opens an untitled part (the closing appeal `各位代表！让我们……`). */
export function matchUntitledPart(text: string, template: Template): PartTitleMatch | undefined {
  const trimmed = text.replace(/^[\s\u3000]+/, '')
  for (const entry of compileParts(template)) {
    if (!entry.part.untitled) continue
    if (entry.patterns.some(regex => regex.test(trimmed)))
      return { part: entry.part, order: entry.order, termEnd: false }
  }
  return undefined
}

export interface PartRoleReading {
  role: PartRole
  /** The template part, when a template's accepted titles matched. */
  match?: PartTitleMatch
  /** A 换届年 title (template term-end title or the wording of a term review / next-term plan). */
  termEnd: boolean
  /** What the wording says (year, period), when it says something. */
  info?: PartTitleInfo
}

/**
 * The role of a level-1 title: the templates' accepted titles first (in the order given: the report's own template
 * first), the wording (`recognisePartTitle`) second. Import and the structure analysis both read roles this way.
 */
export function readPartRole(title: string, templates: readonly Template[]): PartRoleReading | undefined {
  const info = recognisePartTitle(normaliseTitle(title))
  for (const template of templates) {
    const match = matchPartTitle(title, template)
    if (match) return { role: match.part.role, match, termEnd: match.termEnd, ...(info ? { info } : {}) }
  }
  if (!info) return undefined
  return { role: info.role, termEnd: info.relative === 'term' || info.relative === 'nextTerm', info }
}
