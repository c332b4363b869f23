import {
  heading,
  NodeType,
  nodeText,
  paragraph,
  textNode,
  type DocNode,
  type HeadingLevel,
} from '../../../../core/document-model'
import type { Finding } from '../../../../core/checks/finding'
import { runChecks } from '../../../../core/checks/run-checks'
import { textRules } from '../../../../core/checks/text/text-rules'
import { reportFileSchema, type ReportFile, type ReportMeta } from '../../../../core/report-file'

export function frontNode(type: string, text: string): DocNode {
  return { type, content: [textNode(text)] }
}

export const title = (text: string) => frontNode(NodeType.reportTitle, text)
export const subtitle = (text: string) => frontNode(NodeType.reportSubtitle, text)
export const speaker = (text: string) => frontNode(NodeType.speakerLine, text)
export const salutation = (text: string) => frontNode(NodeType.salutation, text)
export const h = (level: HeadingLevel, text: string, runIn = false) => heading(level, text, { runIn })
export const p = paragraph

export function reportOf(
  nodes: DocNode[],
  meta: Partial<ReportMeta> = {},
  checks: { disabled?: string[]; terms?: Array<{ wrong: string; right: string }> } = {},
): ReportFile {
  return reportFileSchema.parse({
    format: 'work-report-studio',
    version: 1,
    meta: { templateId: 'npc', kind: 'npc', planYear: 2024, ...meta },
    doc: { type: NodeType.doc, content: nodes },
    checks: { disabled: checks.disabled ?? [], terms: checks.terms ?? [] },
  })
}

/** Findings of the text rules only (structure rules would complain about missing parts in fragments). */
export function textFindings(report: ReportFile): Finding[] {
  return runChecks(report, { rules: textRules })
}

export function ruleIds(findings: Finding[]): string[] {
  return [...new Set(findings.map(finding => finding.rule))].sort()
}

/** Text of the top-level node at `index` (or of the node at a path). */
export function textAt(report: ReportFile, path: number[]): string {
  let node: DocNode = report.doc
  for (const index of path) node = node.content![index]!
  return nodeText(node)
}
