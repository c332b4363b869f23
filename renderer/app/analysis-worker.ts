/// <reference lib="webworker" />
import { runChecks } from '../../core/checks/run-checks'
import { analyzeStructure } from '../../core/structure/analyze-structure'
import type { AnalysisRequest, AnalysisResponse } from './analyze-report'

/** Structure and checks of the report in the editor, off the main thread so typing never waits for them. */
const scope = self as unknown as DedicatedWorkerGlobalScope

scope.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  const { id, report, template, uncoveredChars } = event.data
  let response: AnalysisResponse
  try {
    const structure = analyzeStructure(report, template)
    response = {
      id,
      ok: true,
      structure,
      findings: runChecks(report, { template, structure, uncoveredChars: new Set(uncoveredChars ?? []) }),
    }
  } catch (error) {
    response = { id, ok: false, message: error instanceof Error ? error.message : String(error) }
  }
  scope.postMessage(response)
}
