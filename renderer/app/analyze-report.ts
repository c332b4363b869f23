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

export interface AnalysisRequest {
  id: number
  report: ReportFile
  template: Template | undefined
  /** Characters no installed print face has (TXT-GLYPH). */
  uncoveredChars?: string[]
}

export type AnalysisResponse =
  { id: number; ok: true; structure: ReportStructure; findings: Finding[] } | { id: number; ok: false; message: string }

/** Everything the side panels show, computed off the keystroke path (debounced by the caller). */
export function analyzeReport(
  report: ReportFile,
  doc: PmNode,
  template: Template | undefined,
  uncoveredChars: readonly string[] = [],
): ReportAnalysis {
  const structure = analyzeStructure(report, template)
  return {
    findings: runChecks(report, { template, structure, uncoveredChars: new Set(uncoveredChars) }),
    structure,
    counts: countReport(doc, structure.parts),
  }
}

export interface ReportAnalyzer {
  /** Resolves with the analysis of `report`; counts come from `doc`, the editor's document it was built from. */
  analyze(
    report: ReportFile,
    doc: PmNode,
    template: Template | undefined,
    uncoveredChars?: readonly string[],
  ): Promise<ReportAnalysis>
  dispose(): void
}

/**
 * Structure and checks run in a worker (15–60 ms on a 100-page report: a keystroke arriving meanwhile
 * would wait for them on the main thread); character counts need the editor's document and stay here.
 * Where workers are missing (unit tests in happy-dom) it analyses in place.
 */
export function createReportAnalyzer(): ReportAnalyzer {
  let worker: Worker | null = null
  try {
    worker =
      typeof Worker === 'undefined'
        ? null
        : new Worker(new URL('./analysis-worker.ts', import.meta.url), { type: 'module' })
  } catch {
    worker = null
  }
  if (!worker) {
    return {
      analyze: async (report, doc, template, uncoveredChars) => analyzeReport(report, doc, template, uncoveredChars),
      dispose: () => undefined,
    }
  }
  const pending = new Map<
    number,
    { doc: PmNode; resolve(analysis: ReportAnalysis): void; reject(error: Error): void }
  >()
  let nextId = 0
  worker.onmessage = (event: MessageEvent<AnalysisResponse>) => {
    const response = event.data
    const request = pending.get(response.id)
    if (!request) return
    pending.delete(response.id)
    if (response.ok)
      request.resolve({
        structure: response.structure,
        findings: response.findings,
        counts: countReport(request.doc, response.structure.parts),
      })
    else request.reject(new Error(response.message))
  }
  worker.onerror = event => {
    event.preventDefault()
    for (const request of pending.values()) request.reject(new Error(event.message || 'worker error'))
    pending.clear()
  }
  return {
    analyze: (report, doc, template, uncoveredChars) =>
      new Promise((resolve, reject) => {
        const id = ++nextId
        pending.set(id, { doc, resolve, reject })
        worker.postMessage({
          id,
          report,
          template,
          ...(uncoveredChars?.length ? { uncoveredChars: [...uncoveredChars] } : {}),
        } satisfies AnalysisRequest)
      }),
    dispose: () => {
      worker.terminate()
      pending.clear()
    },
  }
}
