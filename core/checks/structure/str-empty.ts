import type { Section } from '../../structure/report-structure'
import type { Finding } from '../finding'
import type { Rule } from '../rule'
import { sectionLabel } from './part-label'

/**
 * STR-EMPTY: a part with no body text (error), with nothing but template guidance (warning), or
 * shorter than the template's minimum (warning); a sub-section heading with no body (warning).
 * Parts that still hold guidance are not measured: STR-PLACEHOLDER already asks to finish them.
 */
export const strEmpty: Rule = {
  id: 'STR-EMPTY',
  title: '内容为空或过短',
  category: 'structure',
  severity: 'error',
  fixable: false,
  run({ template, structure }, report) {
    const visitChildren = (section: Section) => {
      for (const child of section.children) {
        if (child.bodyChars === 0 && child.guidanceCount === 0 && child.children.length === 0) {
          report(finding('warning', `小标题${sectionLabel(child)}下面没有正文。请补写内容，或删除这个小标题。`, child))
        }
        visitChildren(child)
      }
    }
    for (const part of structure.parts) {
      visitChildren(part)
      if (part.level !== 1 || part.untitled) continue
      const label = sectionLabel(part)
      if (part.onlyGuidance) {
        report(finding('warning', `${label}部分只有模板提示，还没有正文。请按提示写入内容。`, part))
        continue
      }
      if (part.guidanceCount > 0) continue
      if (part.bodyChars === 0) {
        report(finding('error', `${label}部分还没有正文。请补写内容，或删除这一部分。`, part))
        continue
      }
      const min =
        template?.parts.find(candidate => candidate.id === part.partId || candidate.role === part.role)?.minChars ?? 0
      if (part.bodyChars < min) {
        report(
          finding('warning', `${label}部分正文只有${part.bodyChars}字，少于这类报告通常的${min}字。请充实内容。`, part),
        )
      }
    }
  },
}

function finding(severity: Finding['severity'], message: string, section: Section): Finding {
  return { rule: 'STR-EMPTY', severity, message, location: { path: section.path, section: section.title } }
}
