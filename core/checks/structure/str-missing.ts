import { NodeType, nodeText, type DocNode } from '../../document-model'
import { countHan } from '../../report-language/han'
import type { Section } from '../../structure/report-structure'
import type { TemplatePart } from '../../templates/template-schema'
import type { CheckContext, Rule } from '../rule'
import { levelOneParts, partLabel, sectionLabel, sectionName, templatePartLabel } from './part-label'

/** Template guidance or a promise box: the part is still to be written, which STR-PLACEHOLDER reports. */
function holdsGuidance(node: DocNode): boolean {
  return node.type === NodeType.guidance || (node.content ?? []).some(holdsGuidance)
}

/**
 * A part emptied down to its heading: no 汉字 after the heading (in its body or its sub-section headings) and
 * no guidance. Selecting a part's content and deleting it leaves such a heading, keeping its role.
 */
export function isEmptiedPart(section: Section, content: readonly DocNode[]): boolean {
  if (section.untitled) return false
  for (let index = section.index + 1; index < section.end; index++) {
    const node = content[index]!
    if (holdsGuidance(node) || countHan(nodeText(node)) > 0) return false
  }
  return true
}

/**
 * The parts STR-MISSING reports as emptied: for each template part that applies and has no written part of
 * its role, the first emptied part of that role. STR-EMPTY leaves these to STR-MISSING.
 */
export function emptiedTemplateParts(
  context: Pick<CheckContext, 'template' | 'structure' | 'report'>,
): Map<Section, TemplatePart> {
  const found = new Map<Section, TemplatePart>()
  const { template, structure, report: file } = context
  if (!template) return found
  const content = file.doc.content ?? []
  const parts = levelOneParts(structure)
  const written = parts.filter(section => !isEmptiedPart(section, content))
  for (const part of template.parts) {
    if (part.termEndOnly && !file.meta.termEnd) continue
    if (written.some(section => section.role === part.role)) continue
    const emptied = parts.find(section => section.role === part.role)
    if (emptied) found.set(emptied, part)
  }
  return found
}

/**
 * STR-MISSING: a required part is absent or emptied (error); a recommended one is absent or emptied (warning).
 * It guards the structure of a 正式稿 and cannot be switched off (gate-rules.ts).
 */
export const strMissing: Rule = {
  id: 'STR-MISSING',
  title: '缺少部分',
  category: 'structure',
  severity: 'error',
  fixable: false,
  run(context, report) {
    const { template, structure, report: file } = context
    if (!template) return
    const content = file.doc.content ?? []
    const written = levelOneParts(structure).filter(section => !isEmptiedPart(section, content))
    const emptiedParts = [...emptiedTemplateParts(context)]
    const orderOf = (role: string) => template.parts.findIndex(part => part.role === role)
    template.parts.forEach((part, order) => {
      if (part.termEndOnly && !file.meta.termEnd) return
      if (written.some(section => section.role === part.role)) return
      const kindName = part.name && !part.untitled ? `（${part.name}）` : ''
      const emptied = emptiedParts.find(([, emptiedPart]) => emptiedPart === part)?.[0]
      if (emptied) {
        const untitled = !emptied.title.trim()
        const label = partLabel(emptied, context) + (untitled ? '' : kindName)
        const what = untitled ? '也没有正文' : '只剩标题，没有正文'
        const todo = untitled ? '请写上标题和内容，或按 Ctrl+Z 撤销删除。' : '请在这一标题下写入内容。'
        report({
          rule: 'STR-MISSING',
          severity: part.required ? 'error' : 'warning',
          message: part.required ? `必需的${label}${what}，视同缺少。${todo}` : `建议写好${label}：它${what}。${todo}`,
          location: { path: emptied.path, section: sectionName(emptied, context) },
        })
        return
      }
      const before = written
        .filter(section => section.role && orderOf(section.role) >= 0 && orderOf(section.role) < order)
        .pop()
      const after = written.find(section => section.role && orderOf(section.role) > order)
      const at = after ? after.index : content.length
      const label = templatePartLabel(part, file, structure.planYear)
      const what = part.untitled ? label : `部分${label}`
      const where = before
        ? `请在${sectionLabel(before, context)}之后补写`
        : after
          ? `请在${sectionLabel(after, context)}之前补写`
          : '请补写'
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
