import type { Rule } from '../rule'
import { levelOneParts, sectionLabel, sectionName } from './part-label'

/** STR-ORDER: parts appear in a different order than the template's. */
export const strOrder: Rule = {
  id: 'STR-ORDER',
  title: '部分顺序',
  category: 'structure',
  severity: 'warning',
  fixable: false,
  run(context, report) {
    const { template, structure } = context
    if (!template) return
    let latest: { order: number; label: string } | undefined
    for (const section of levelOneParts(structure)) {
      if (!section.role) continue
      const order = template.parts.findIndex(part => part.role === section.role)
      if (order < 0) continue
      if (latest && order < latest.order) {
        report({
          rule: 'STR-ORDER',
          severity: 'warning',
          message: `${sectionLabel(section, context)}应排在${latest.label}之前。请把这一部分移到${latest.label}前面。`,
          location: { path: section.path, section: sectionName(section, context) },
        })
        continue
      }
      latest = { order, label: sectionLabel(section, context) }
    }
  },
}
