import os from 'node:os'
import { performance } from 'node:perf_hooks'
import { runChecks } from '../core/checks/run-checks'
import { nodeText } from '../core/document-model'
import { countHan } from '../core/report-language/han'
import { generateReport } from './generate-report'

const BUDGET_MS = 30
const WARMUP = 10
const RUNS = 50

const report = generateReport(100)
const text = (report.doc.content ?? []).map(nodeText).join('')
const findings = runChecks(report)
for (let i = 0; i < WARMUP; i++) runChecks(report)
const times: number[] = []
for (let i = 0; i < RUNS; i++) {
  const start = performance.now()
  runChecks(report)
  times.push(performance.now() - start)
}
times.sort((a, b) => a - b)
const median = times[Math.floor(times.length / 2)]!
const p95 = times[Math.floor(times.length * 0.95)]!
const byRule = new Map<string, number>()
for (const finding of findings) byRule.set(finding.rule, (byRule.get(finding.rule) ?? 0) + 1)

console.log(
  `full check (structure + text rules), generated 100-page report: ${countHan(text)} 汉字, ${report.doc.content?.length ?? 0} blocks`,
)
console.log(
  `  findings: ${findings.length}${byRule.size ? ` (${[...byRule].map(([rule, count]) => `${rule} ${count}`).join(', ')})` : ''}`,
)
console.log(
  `  median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms, min ${times[0]!.toFixed(2)} ms over ${RUNS} runs after ${WARMUP} warm-up runs`,
)
console.log(
  `  machine: ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)} during the run (figures above a load of ${os.cpus().length} include waiting for a core)`,
)
console.log(`  budget ${BUDGET_MS} ms: ${median <= BUDGET_MS ? 'within budget' : 'OVER BUDGET'}`)
