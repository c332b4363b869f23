import { partLabel } from '../../core/collab/part-workflow'
import type { PartSummary } from '../collab/server/report-service'

/** One line per part: `第二部分“……”  财经工委  期限 2024-12-20（已逾期）  起草中`. */
export function formatParts(parts: PartSummary[]): string {
  if (!parts.length) return '报告中没有一级标题，还没有可分配的部分。\n'
  return (
    parts
      .map(part => {
        const office = part.office ?? '未分配'
        const due = part.due ? `  期限 ${part.due}${part.overdue ? '（已逾期）' : ''}` : ''
        return `${partLabel(part.n, part.title)}  ${office}${due}  ${part.statusName}`
      })
      .join('\n') + '\n'
  )
}
