import type { Rule } from '../rule'
import { levelOneParts, partLabel, sectionName } from './part-label'

/** STR-SUBSECTIONS: a part has fewer (or more) sub-sections than its template expects. */
export const strSubsections: Rule = {
  id: 'STR-SUBSECTIONS',
  title: '分节小标题',
  category: 'structure',
  severity: 'warning',
  fixable: false,
  run(context, report) {
    const { template, structure } = context
    if (!template) return
    for (const section of levelOneParts(structure)) {
      if (section.untitled || !section.role) continue
      const part =
        template.parts.find(candidate => candidate.id === section.partId) ??
        template.parts.find(candidate => candidate.role === section.role)
      if (!part) continue
      const { min, max, suggested } = part.subsections
      const count = section.children.length
      const label = partLabel(section, context)
      if (count < min) {
        const examples = suggested
          .slice(0, 2)
          .map(title => `“${title}”`)
          .join('')
        report({
          rule: 'STR-SUBSECTIONS',
          severity: 'warning',
          message:
            (count === 0 ? `${label}还没有分节小标题` : `${label}只有${count}个小标题`) +
            `，这类报告通常至少分${min}节。请按工作方面分节${examples ? `（如${examples}）` : ''}。`,
          location: { path: section.path, section: sectionName(section, context) },
        })
      } else if (max !== undefined && count > max) {
        report({
          rule: 'STR-SUBSECTIONS',
          severity: 'info',
          message: `${label}有${count}个小标题，多于通常的${max}个。可以考虑合并相近的小节。`,
          location: { path: section.path, section: sectionName(section, context) },
        })
      }
    }
  },
}
