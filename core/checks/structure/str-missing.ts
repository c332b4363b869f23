import type { Rule } from '../rule'
import { levelOneParts, sectionLabel, templatePartLabel } from './part-label'

/** STR-MISSING: a required part is absent (error); a recommended one is absent (warning). */
export const strMissing: Rule = {
  id: 'STR-MISSING',
  title: '缺少部分',
  category: 'structure',
  severity: 'error',
  fixable: false,
  run({ template, structure, report: file }, report) {
    if (!template) return
    const parts = levelOneParts(structure)
    const orderOf = (role: string) => template.parts.findIndex(part => part.role === role)
    const docLength = file.doc.content?.length ?? 0
    template.parts.forEach((part, order) => {
      if (part.termEndOnly && !file.meta.termEnd) return
      if (parts.some(section => section.role === part.role)) return
      const before = parts
        .filter(section => section.role && orderOf(section.role) >= 0 && orderOf(section.role) < order)
        .pop()
      const after = parts.find(section => section.role && orderOf(section.role) > order)
      const at = after ? after.index : docLength
      const label = templatePartLabel(part, file, structure.planYear)
      const what = part.untitled ? label : `部分${label}`
      const where = before
        ? `请在${sectionLabel(before)}之后补写`
        : after
          ? `请在${sectionLabel(after)}之前补写`
          : '请补写'
      const kindName = part.name && !part.untitled ? `（${part.name}）` : ''
      report({
        rule: 'STR-MISSING',
        severity: part.required ? 'error' : 'warning',
        message: part.required
          ? `缺少必需的${what}${kindName}。${where}这一部分。`
          : `建议加上${what}${kindName}，报告中还没有。${where}。`,
        location: { path: [], section: label.replace(/[“”]/g, '') },
        fix: { kind: 'insertPart', label: `插入${label}`, role: part.role, partId: part.id, at },
      })
    })
  },
}
