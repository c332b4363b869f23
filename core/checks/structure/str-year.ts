import type { Section } from '../../structure/report-structure'
import type { Rule } from '../rule'
import { levelOneParts, sectionLabel } from './part-label'

const YEAR = /(?<!\d)((?:19|20|21)\d{2})(?!\d)/g

/** Years a part title may name: [first, last] relative to the plan year Y. */
function allowedYears(role: Section['role'], termEnd: boolean): [number, number] | undefined {
  switch (role) {
    case 'review':
    case 'termReview':
      return termEnd ? [-6, -1] : [-1, -1]
    case 'tasks':
      return termEnd ? [0, 5] : [0, 0]
    case 'targets':
      return [0, 5]
    default:
      return undefined
  }
}

/**
 * STR-YEAR: a year in a part title does not fit the plan year (review = Y−1, tasks = Y; in a
 * 换届年 report the review may span the term and the plans the next five years).
 */
export const strYear: Rule = {
  id: 'STR-YEAR',
  title: '部分标题年份',
  category: 'structure',
  severity: 'error',
  fixable: false,
  run(context, report) {
    const { structure, report: file } = context
    const planYear = structure.planYear
    if (planYear === undefined) return
    for (const section of levelOneParts(structure)) {
      if (section.untitled) continue
      const termEnd = file.meta.termEnd || section.termEndTitle === true
      const range = allowedYears(section.role, termEnd)
      if (!range) continue
      const label = sectionLabel(section, context)
      if (section.termEndTitle && !file.meta.termEnd) {
        report({
          rule: 'STR-YEAR',
          severity: 'warning',
          message: `${label}是换届年报告的标题，但这份报告没有设为换届年。若本届任期届满，请在报告信息中勾选“换届年”；否则请改用${section.role === 'review' ? `“${planYear - 1}年工作回顾”` : `“${planYear}年主要任务”`}这样的标题。`,
          location: { path: section.path, section: section.title },
        })
      }
      for (const match of section.title.matchAll(YEAR)) {
        const year = Number(match[1])
        const offset = year - planYear
        if (offset >= range[0] && offset <= range[1]) continue
        const expected = planYear + (section.role === 'review' || section.role === 'termReview' ? -1 : 0)
        const what = section.role === 'review' || section.role === 'termReview' ? '回顾的应是' : '安排的应是'
        const from = match.index
        report({
          rule: 'STR-YEAR',
          severity: 'error',
          message: `${label}中的年份${year}年与计划年度不符：计划年度是${planYear}年，${what}${expected}年。请改为${expected}年，或在报告信息中更正计划年度。`,
          location: { path: section.path, from, to: from + 4, section: section.title },
          fix: {
            kind: 'replaceText',
            label: `改为${expected}年`,
            edits: [{ path: section.path, from, to: from + 4, text: String(expected) }],
          },
        })
      }
    }
  },
}
