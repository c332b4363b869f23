import { NodeType, nodeText, type DocNode, type HeadingLevel } from '../core/document-model'
import { computeMarkers } from '../core/numbering'
import type { ReportFile } from '../core/report-file'

/** The same text as Markdown for pandoc: headings with their printed markers, one paragraph per block. */
export function reportMarkdown(report: ReportFile): string {
  const nodes = report.doc.content ?? []
  const headings = nodes.filter(node => node.type === NodeType.heading)
  const markers = computeMarkers(
    report.meta.numbering,
    headings.map(node => (node.attrs?.level ?? 1) as HeadingLevel),
  )
  let headingIndex = 0
  const lines: string[] = []
  const cellText = (node: DocNode): string => nodeText(node).replace(/\|/g, '\\|').replace(/\n/g, ' ')
  for (const node of nodes) {
    if (node.type === NodeType.heading) {
      lines.push(`${'#'.repeat(Number(node.attrs?.level ?? 1))} ${markers[headingIndex++]}${nodeText(node)}`)
    } else if (node.type === NodeType.table) {
      const rows = (node.content ?? []).map(row => `| ${(row.content ?? []).map(cellText).join(' | ')} |`)
      if (rows.length) rows.splice(1, 0, `|${' --- |'.repeat((node.content?.[0]?.content ?? []).length)}`)
      lines.push(rows.join('\n'))
    } else if (node.type === NodeType.bulletList || node.type === NodeType.orderedList) {
      lines.push((node.content ?? []).map(item => `- ${nodeText(item)}`).join('\n'))
    } else if (node.type !== NodeType.guidance) {
      lines.push(nodeText(node).replace(/\n/g, '  \n'))
    }
  }
  return lines.join('\n\n') + '\n'
}
