import { promiseOf } from '../../reuse/promise-box'
import type { Section } from '../../structure/report-structure'
import type { Finding } from '../finding'
import type { Rule } from '../rule'
import { partLabel, sectionLabel, sectionName, type SectionNaming } from './part-label'
import { emptiedTemplateParts } from './str-missing'

/**
 * STR-EMPTY: a part with no body text (error), with nothing but template guidance (warning), or
 * shorter than the template's minimum (warning); a sub-section heading with no body (warning).
 * Parts that still hold guidance are not measured: STR-PLACEHOLDER already asks to finish them; a
 * template's part emptied down to its heading is STR-MISSING's (it counts as missing).
 */
export const strEmpty: Rule = {
  id: 'STR-EMPTY',
  title: '内容为空或过短',
  category: 'structure',
  severity: 'error',
  fixable: false,
  run(context, report) {
    const { template, structure } = context
    const missing = emptiedTemplateParts(context)
    const visitChildren = (section: Section) => {
      for (const child of section.children) {
        const content = context.report.doc.content ?? []
        const promised = promiseOf(content[child.index] ?? { type: '' })
        // A review section still showing its promise is STR-PLACEHOLDER's to ask about.
        const open = promised !== null && !promised.done
        if (child.bodyChars === 0 && child.guidanceCount === 0 && child.children.length === 0 && !open) {
          const message = child.title.trim()
            ? `小标题${sectionLabel(child, context)}下面没有正文。请补写内容，或删除这个小标题。`
            : `${sectionLabel(section, context)}中有一个空的小标题（没有标题也没有正文）。请删除它，或写上标题和内容。`
          report(finding('warning', message, child, context))
        }
        visitChildren(child)
      }
    }
    for (const part of structure.parts) {
      visitChildren(part)
      if (part.level !== 1 || part.untitled || missing.has(part)) continue
      const label = partLabel(part, context)
      if (part.onlyGuidance) {
        report(finding('warning', `${label}只有模板提示，还没有正文。请按提示写入内容。`, part, context))
        continue
      }
      if (part.guidanceCount > 0) continue
      if (part.bodyChars === 0) {
        report(finding('error', `${label}还没有正文。请补写内容，或删除这一部分。`, part, context))
        continue
      }
      const min =
        template?.parts.find(candidate => candidate.id === part.partId || candidate.role === part.role)?.minChars ?? 0
      if (part.bodyChars < min) {
        report(
          finding(
            'warning',
            `${label}正文只有${part.bodyChars}字，少于这类报告通常的${min}字。请充实内容。`,
            part,
            context,
          ),
        )
      }
    }
  },
}

function finding(severity: Finding['severity'], message: string, section: Section, naming: SectionNaming): Finding {
  return {
    rule: 'STR-EMPTY',
    severity,
    message,
    location: { path: section.path, section: sectionName(section, naming) },
  }
}
