import type { Node as PmNode } from '@tiptap/pm/model'
import type { Finding } from '../../core/checks/finding'
import { runChecks } from '../../core/checks/run-checks'
import type { ReportFile } from '../../core/report-file'
import { analyzeStructure } from '../../core/structure/analyze-structure'
import type { ReportStructure } from '../../core/structure/report-structure'
import type { Template } from '../../core/templates/template-schema'
import { countReport } from '../editor/char-count'
import type { ReportCount } from '../editor/char-count'

export interface ReportAnalysis {
  findings: Finding[]
  structure: ReportStructure
  counts: ReportCount
}

/** Everything the side panels show, computed off the keystroke path (debounced by the caller). */
export function analyzeReport(report: ReportFile, doc: PmNode, template: Template | undefined): ReportAnalysis {
  const structure = analyzeStructure(report, template)
  return {
    findings: runChecks(report, { template }),
    structure,
    counts: countReport(doc, structure.parts),
  }
}
