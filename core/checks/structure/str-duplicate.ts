import type { Section } from '../../structure/report-structure'
import { normaliseTitle } from '../../structure/part-title-matcher'
import type { Rule } from '../rule'
import { partRoleNames } from '../../report-language/part-title'
import { levelOneParts, partLabel, sectionLabel, sectionName } from './part-label'

/** STR-DUPLICATE: the same part twice (same title: error; same role: warning), or twin sub-section titles. */
export const strDuplicate: Rule = {
  id: 'STR-DUPLICATE',
  title: '重复的部分',
  category: 'structure',
  severity: 'error',
  fixable: false,
  run(context, report) {
    const { structure } = context
    const parts = levelOneParts(structure).filter(part => !part.untitled)
    const seenTitles = new Map<string, Section>()
    const seenRoles = new Map<string, Section>()
    for (const part of parts) {
      const key = normaliseTitle(part.title)
      const twin = key ? seenTitles.get(key) : undefined
      if (twin) {
        report({
          rule: 'STR-DUPLICATE',
          severity: 'error',
          message: `${partLabel(part, context)}出现了两次。请把两处内容合并，并删除重复的一处。`,
          location: { path: part.path, section: sectionName(part, context) },
        })
      } else if (part.role && seenRoles.has(part.role)) {
        const first = seenRoles.get(part.role)!
        report({
          rule: 'STR-DUPLICATE',
          severity: 'warning',
          message: `报告中有两个“${partRoleNames[part.role] ?? part.role}”部分：${sectionLabel(first, context)}和${sectionLabel(part, context)}。请合并为一个部分，或更正其中一个的标题。`,
          location: { path: part.path, section: sectionName(part, context) },
        })
      }
      if (key && !twin) seenTitles.set(key, part)
      if (part.role && !seenRoles.has(part.role)) seenRoles.set(part.role, part)
    }
    const visit = (section: Section) => {
      const names = new Set<string>()
      for (const child of section.children) {
        const key = normaliseTitle(child.title)
        if (key && names.has(key)) {
          report({
            rule: 'STR-DUPLICATE',
            severity: 'warning',
            message: `${sectionLabel(section, context)}下有两个相同的小标题${sectionLabel(child, context)}。请合并或改写其中一个。`,
            location: { path: child.path, section: sectionName(child, context) },
          })
        }
        names.add(key)
        visit(child)
      }
    }
    for (const part of structure.parts) visit(part)
  },
}
