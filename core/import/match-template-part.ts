import type { PartRole } from '../document-model'
import { expandTitle } from '../templates/expand-title'
import type { Template, TemplatePart } from '../templates/template-schema'

export interface TemplatePartMatch {
  part: TemplatePart
  role: PartRole
  termEnd: boolean
}

function compact(text: string): string {
  return text.replace(/[\s\u3000]+/g, '').replace(/[：:。]$/, '')
}

function safePattern(source: string): RegExp | undefined {
  try {
    return new RegExp(source, 'u')
  } catch {
    return undefined
  }
}

/** Finds the template part whose accepted titles (years filled in) or title patterns accept a part title. */
export function matchTemplatePart(title: string, template: Template, context: { planYear: number; organisation: string }): TemplatePartMatch | undefined {
  const text = compact(title)
  const expand = (pattern: string): string => compact(expandTitle(pattern, context))
  for (const part of template.parts) {
    if (part.titles.some(candidate => expand(candidate) === text)) return { part, role: part.role, termEnd: false }
    if (part.termEndTitles.some(candidate => expand(candidate) === text)) return { part, role: part.role, termEnd: true }
  }
  for (const part of template.parts) {
    if (part.titlePatterns.some(pattern => safePattern(expandTitle(pattern, context))?.test(text))) return { part, role: part.role, termEnd: false }
  }
  return undefined
}
