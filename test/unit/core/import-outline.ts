import { nodeText, NodeType, type DocNode } from '../../../core/document-model'
import type { ReportFile } from '../../../core/report-file'

/** What a reader sees of an imported report: front matter lines, parts with roles and their level-2 sections. */
export function importOutline(report: ReportFile) {
  const nodes = report.doc.content ?? []
  const front = (type: string): string | undefined => {
    const node = nodes.find(candidate => candidate.type === type)
    return node ? nodeText(node) : undefined
  }
  const parts: Array<{ role: unknown; title: string; sections: string[] }> = []
  for (const node of nodes) {
    if (node.type !== NodeType.heading) continue
    const level = Number(node.attrs?.level)
    if (level === 1) parts.push({ role: node.attrs?.role ?? null, title: nodeText(node), sections: [] })
    else if (level === 2 && parts.length) parts[parts.length - 1]!.sections.push(nodeText(node))
  }
  return {
    title: front(NodeType.reportTitle),
    subtitle: front(NodeType.reportSubtitle),
    speaker: front(NodeType.speakerLine),
    salutation: front(NodeType.salutation),
    parts,
  }
}

export function paragraphTexts(report: ReportFile): string[] {
  return (report.doc.content ?? []).filter((node: DocNode) => node.type === NodeType.paragraph).map(nodeText)
}

export function headingsOf(report: ReportFile): Array<{ level: number; text: string; runIn: boolean }> {
  return (report.doc.content ?? [])
    .filter(node => node.type === NodeType.heading)
    .map(node => ({ level: Number(node.attrs?.level), text: nodeText(node), runIn: node.attrs?.runIn === true }))
}
