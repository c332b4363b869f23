import { startTransition, useEffect, useState } from 'react'
import type { ReportAnalysis } from './analyze-report'

/**
 * The latest checks result, handed to the few components that draw it (outline, checks panel, status counts).
 * Each holds it in its own state and takes a new one in a transition, so React redraws only those components,
 * in slices a keystroke interrupts. Held in EditorScreen's state instead, the redraw also re-rendered the toolbar
 * and the status bar, whose editor subscriptions then forced React to finish it at once when a key came in.
 */
export interface AnalysisChannel {
  current(): ReportAnalysis | null
  publish(analysis: ReportAnalysis): void
  subscribe(listener: (analysis: ReportAnalysis) => void): () => void
}

export function createAnalysisChannel(): AnalysisChannel {
  let latest: ReportAnalysis | null = null
  const listeners = new Set<(analysis: ReportAnalysis) => void>()
  return {
    current: () => latest,
    publish(analysis) {
      latest = analysis
      for (const listener of listeners) listener(analysis)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
  }
}

/** The channel's latest result; a newer one renders as a transition. */
export function useAnalysis(channel: AnalysisChannel): ReportAnalysis | null {
  const [analysis, setAnalysis] = useState(channel.current)
  useEffect(() => {
    // a result published between this component's render and this effect is not missed
    const latest = channel.current()
    if (latest) startTransition(() => setAnalysis(latest))
    return channel.subscribe(next => startTransition(() => setAnalysis(next)))
  }, [channel])
  return analysis
}
