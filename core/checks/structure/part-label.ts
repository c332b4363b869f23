import type { ReportFile } from '../../report-file'
import type { Section, ReportStructure } from '../../structure/report-structure'
import { partTitle } from '../../templates/create-report'
import type { TemplatePart } from '../../templates/template-schema'

/** How messages name a template part: its title for this plan year in quotes, or `结束语`. */
export function templatePartLabel(part: TemplatePart, report: ReportFile, planYear?: number): string {
  if (part.untitled) return part.name ?? part.defaultTitle
  return `“${partTitle(part, { planYear: planYear ?? report.meta.planYear, organisation: report.meta.organisation, termEnd: report.meta.termEnd })}”`
}

/** How messages name a section of the document. */
export function sectionLabel(section: Section): string {
  if (section.untitled) return '结束语'
  const title = section.title.trim()
  return `“${title.length > 24 ? title.slice(0, 24) + '…' : title}”`
}

/** Title of the innermost section holding a top-level index (for finding locations). */
export function sectionTitleAt(structure: ReportStructure, index: number): string | undefined {
  let sections = structure.parts
  let title: string | undefined
  for (;;) {
    const holder = sections.find(section => index >= section.index && index < section.end)
    if (!holder) return title
    title = holder.untitled ? '结束语' : holder.title
    sections = holder.children
  }
}

/** Level-1 parts (headed or not) in document order. */
export function levelOneParts(structure: ReportStructure): Section[] {
  return structure.parts.filter(part => part.level === 1)
}
