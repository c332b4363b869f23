import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { nodeText } from '../core/document-model'
import { createLibraryService } from '../main/services/library-service'
import { generateReport } from './generate-report'

/** Section library with 50 prior 100-page reports: first search (reads and indexes every copy) and later searches. */
const REPORTS = 50
const WARM_BUDGET_MS = 100

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

async function main(): Promise<void> {
  const userData = mkdtempSync(path.join(os.tmpdir(), 'wrs-library-bench-'))
  try {
    const seeding = createLibraryService(userData)
    const base = generateReport(100)
    const characters = (base.doc.content ?? []).reduce((total, node) => total + nodeText(node).length, 0)
    let started = performance.now()
    for (let index = 0; index < REPORTS; index++) {
      const report = { ...base, meta: { ...base.meta, planYear: 2000 + index, title: `第${index + 1}份报告` } }
      const added = await seeding.libraryAdd({ report, source: `/reports/${index}.wrs` })
      if (!added.ok) throw new Error(added.message)
    }
    const addMs = (performance.now() - started) / REPORTS

    const library = createLibraryService(userData)
    started = performance.now()
    const first = await library.librarySearch('监督')
    const coldMs = performance.now() - started
    const warm: number[] = []
    let hits = first.length
    for (const query of ['监督', '代表 建议', '安置房建设', '不存在的词语', '依法 履职 监督']) {
      for (let round = 0; round < 3; round++) {
        started = performance.now()
        hits = (await library.librarySearch(query)).length
        warm.push(performance.now() - started)
      }
    }
    started = performance.now()
    const section = await library.librarySection({ entryId: first[0]!.entryId, sectionPath: first[0]!.sectionPath })
    const sectionMs = performance.now() - started
    if (!section.ok) throw new Error(section.message)

    const warmMs = median(warm)
    console.log(`library: ${REPORTS} reports × ${characters} characters (${REPORTS * characters} in all)`)
    console.log(`  add one 100-page report (copy + index, atomic): ${addMs.toFixed(1)} ms`)
    console.log(
      `  first search (reads and indexes all copies): ${coldMs.toFixed(0)} ms, ${first.length} hits (capped at 200)`,
    )
    console.log(
      `  later searches, median of ${warm.length}: ${warmMs.toFixed(1)} ms (budget ${WARM_BUDGET_MS} ms) ${warmMs <= WARM_BUDGET_MS ? 'OK' : 'OVER BUDGET'}; last query ${hits} hits`,
    )
    console.log(`  one section with marks: ${sectionMs.toFixed(1)} ms`)
    if (warmMs > WARM_BUDGET_MS) process.exitCode = 1
  } finally {
    rmSync(userData, { recursive: true, force: true })
  }
}

void main()
