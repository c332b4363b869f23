import type { ReportFile } from '../../report-file'
import { partRoleNames } from '../../report-language/part-title'
import type { Section, ReportStructure } from '../../structure/report-structure'
import { partTitle } from '../../templates/create-report'
import type { Template, TemplatePart } from '../../templates/template-schema'

/** How messages name a template part: its title for this plan year in quotes, or `结束语`. */
export function templatePartLabel(part: TemplatePart, report: ReportFile, planYear?: number): string {
  if (part.untitled) return part.name ?? part.defaultTitle
  return `“${partTitle(part, { planYear: planYear ?? report.meta.planYear, organisation: report.meta.organisation, termEnd: report.meta.termEnd })}”`
}

/** What naming a section needs beyond itself: a heading whose title was deleted is named by its part's role. */
export interface SectionNaming {
  report: ReportFile
  template?: Template
  structure: ReportStructure
}

/** The template part's title for this plan year (no quotes) of a level-1 section whose own title is empty. */
function roleTitle(section: Section, naming?: SectionNaming): string | undefined {
  if (section.level !== 1 || !section.role) return undefined
  const part =
    naming?.template?.parts.find(candidate => candidate.id === section.partId) ??
    naming?.template?.parts.find(candidate => candidate.role === section.role)
  if (part && naming) return templatePartLabel(part, naming.report, naming.structure.planYear).replace(/[“”]/g, '')
  return partRoleNames[section.role]
}

function shortTitle(section: Section): string {
  const title = section.title.trim()
  return title.length > 24 ? title.slice(0, 24) + '…' : title
}

/**
 * How messages name a section of the document: `“标题”`; a heading left empty (its text deleted) by its
 * part's role, `“2024年主要任务”部分（标题为空）`, else `标题为空的部分`/`标题为空的小标题` — never `“”`.
 */
export function sectionLabel(section: Section, naming?: SectionNaming): string {
  if (section.untitled) return '结束语'
  const title = shortTitle(section)
  if (title) return `“${title}”`
  const byRole = roleTitle(section, naming)
  if (byRole) return `“${byRole}”部分（标题为空）`
  return section.level === 1 ? '标题为空的部分' : '标题为空的小标题'
}

/** A level-1 section in a sentence about the part: `“标题”部分`, or as sectionLabel names an empty heading. */
export function partLabel(section: Section, naming?: SectionNaming): string {
  const label = sectionLabel(section, naming)
  return label.startsWith('“') && label.endsWith('”') ? `${label}部分` : label
}

/** A finding location's `section`: the title, or for an empty heading `2024年主要任务（标题为空）` / `（标题为空）`. */
export function sectionName(section: Section, naming?: SectionNaming): string {
  if (section.untitled) return '结束语'
  if (section.title.trim()) return section.title
  const byRole = roleTitle(section, naming)
  return byRole ? `${byRole}（标题为空）` : '（标题为空）'
}

/** Name of the innermost section holding a top-level index (for finding locations); see sectionName. */
export function sectionTitleAt(structure: ReportStructure, index: number, naming?: SectionNaming): string | undefined {
  let sections = structure.parts
  let title: string | undefined
  for (;;) {
    const holder = sections.find(section => index >= section.index && index < section.end)
    if (!holder) return title
    title = sectionName(holder, naming)
    sections = holder.children
  }
}

/** Level-1 parts (headed or not) in document order. */
export function levelOneParts(structure: ReportStructure): Section[] {
  return structure.parts.filter(part => part.level === 1)
}
