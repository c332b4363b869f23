import os from 'node:os'
import { performance } from 'node:perf_hooks'
import { collectBlocks } from '../core/checks/collect-blocks'
import { featuresOf } from '../core/checks/text/block-features'
import type { Finding } from '../core/checks/finding'
import type { Rule } from '../core/checks/rule'
import { runChecks } from '../core/checks/run-checks'
import { textRules } from '../core/checks/text/text-rules'
import { NodeType, type DocNode } from '../core/document-model'
import type { ReportFile } from '../core/report-file'
import { analyzeStructure } from '../core/structure/analyze-structure'
import { getBuiltinTemplate } from '../core/templates/builtin-templates'
import { generateReport } from './generate-report'

const BUDGET_MS = 30
const WARMUP = 30
const RUNS = 100

/** Wall-clock and CPU-time (this process, user + system) figures; CPU time is less disturbed by other load. */
function stats(run: () => void, runs = RUNS): { median: number; p95: number; cpuMedian: number } {
  for (let i = 0; i < WARMUP; i++) run()
  const times: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < runs; i++) {
    const cpuStart = process.cpuUsage()
    const start = performance.now()
    run()
    times.push(performance.now() - start)
    const used = process.cpuUsage(cpuStart)
    cpu.push((used.user + used.system) / 1000)
  }
  times.sort((a, b) => a - b)
  cpu.sort((a, b) => a - b)
  return {
    median: times[Math.floor(times.length / 2)]!,
    p95: times[Math.floor(times.length * 0.95)]!,
    cpuMedian: cpu[Math.floor(cpu.length / 2)]!,
  }
}

console.log(
  `load average ${os
    .loadavg()
    .map(value => value.toFixed(1))
    .join(' ')} on ${os.cpus().length} cores (wall-clock figures suffer when it exceeds the core count)`,
)

/** The generated report as pasted from the web: half-width punctuation in every paragraph (many findings). */
function pasted(report: ReportFile): ReportFile {
  const dirty = (node: DocNode): DocNode =>
    node.type === NodeType.text
      ? {
          ...node,
          text: (node.text ?? '').replace(/，/g, ',').replace(/：/g, ':').replace(/“/g, '"').replace(/”/g, '"'),
        }
      : node.content
        ? { ...node, content: node.content.map(dirty) }
        : node
  return { ...report, doc: dirty(report.doc) }
}

const clean = generateReport(100)
for (const [label, report] of [
  ['generated 100-page report (clean)', clean],
  ['same report with half-width punctuation and straight quotes (pasted)', pasted(clean)],
] as const) {
  let findings: Finding[] = []
  const all = stats(() => {
    findings = runChecks(report)
  })
  const text = stats(() => runChecks(report, { rules: textRules }))
  const verdict = `median ${all.median <= BUDGET_MS ? 'within' : 'OVER'} budget, p95 ${all.p95 <= BUDGET_MS ? 'within' : 'over'} budget`
  console.log(`${label}: ${report.doc.content?.length ?? 0} top-level blocks, ${findings.length} findings`)
  console.log(
    `  structure + text rules (runChecks): median ${all.median.toFixed(2)} ms, p95 ${all.p95.toFixed(2)} ms (CPU median ${all.cpuMedian.toFixed(2)} ms) — budget ${BUDGET_MS} ms: ${verdict}`,
  )
  console.log(
    `  text rules only: median ${text.median.toFixed(2)} ms, p95 ${text.p95.toFixed(2)} ms (CPU median ${text.cpuMedian.toFixed(2)} ms)`,
  )
}

// Where the time goes: each text rule alone on the pasted report, on blocks flattened and scanned once
// (as in runChecks, where the per-block feature flags and bracket scans are shared by all rules).
const report = pasted(clean)
const template = getBuiltinTemplate(report.meta.templateId)
const structure = analyzeStructure(report, template)
const blocks = collectBlocks(report.doc, report.meta.numbering)
const flatten = stats(() => collectBlocks(report.doc, report.meta.numbering), 20).median
const scan =
  stats(() => collectBlocks(report.doc, report.meta.numbering).forEach(block => featuresOf(block)), 20).median - flatten
for (const block of blocks) featuresOf(block)
const perRule: Array<[string, number]> = []
for (const rule of textRules) {
  const once = (candidate: Rule) => () => candidate.run({ report, template, structure, blocks }, () => {})
  perRule.push([rule.id, stats(once(rule), 20).median])
}
perRule.sort((a, b) => b[1] - a[1])
console.log(
  `  pasted report: flattening ${flatten.toFixed(2)} ms, one feature pass ${scan.toFixed(2)} ms; slowest text rules: ${perRule
    .slice(0, 6)
    .map(([id, ms]) => `${id} ${ms.toFixed(2)} ms`)
    .join(', ')}`,
)
