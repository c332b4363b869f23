import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { NodeType, nodeText, type DocNode } from '../core/document-model'
import { buildDocx } from '../core/export/docx/build-docx'
import { importReportFile } from '../main/services/import-service'
import { generateReport } from './generate-report'

/** Import of a 100-page DOCX (read, safety checks, mammoth, structure detection); DESIGN.md budget. */
const BUDGET_MS = 500

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

function hasPandoc(): boolean {
  try {
    execFileSync('pandoc', ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

async function main(): Promise<void> {
  const report = generateReport(100)
  const characters = (report.doc.content ?? []).reduce((total, node) => total + nodeText(node).length, 0)
  const work = mkdtempSync(path.join(os.tmpdir(), 'wrs-bench-import-'))
  const docxPath = path.join(work, 'report-100-pages.docx')
  const bytes = await buildDocx(report, { draftLabel: null })
  writeFileSync(docxPath, bytes)

  const signature = (nodes: readonly DocNode[]): string[] =>
    nodes.map(
      node =>
        `${node.type}${node.attrs?.level ?? ''}${node.attrs?.runIn ? 'r' : ''}${node.attrs?.role ? `:${node.attrs.role}` : ''}|${nodeText(node)}`,
    )
  let imported = 0
  let parts = 0
  let same = 0
  for (let warm = 0; warm < 3; warm++) await importReportFile(docxPath)
  const ours: number[] = []
  for (let run = 0; run < 11; run++) {
    const start = performance.now()
    const result = await importReportFile(docxPath)
    ours.push(performance.now() - start)
    if (!result.ok) throw new Error(result.message)
    const doc = result.value.reports[0]!.doc
    imported = (doc.content ?? []).reduce((total, node) => total + nodeText(node).length, 0)
    parts = (doc.content ?? []).filter(node => node.type === NodeType.heading && node.attrs?.level === 1).length
    const before = signature(report.doc.content ?? [])
    const after = signature(doc.content ?? [])
    same = before.filter((entry, index) => entry === after[index]).length
  }

  const pandoc: number[] = []
  if (hasPandoc()) {
    execFileSync('pandoc', ['-f', 'docx', '-t', 'markdown', docxPath, '-o', path.join(work, 'warm.md')])
    for (let run = 0; run < 5; run++) {
      const start = performance.now()
      execFileSync('pandoc', ['-f', 'docx', '-t', 'markdown', docxPath, '-o', path.join(work, 'out.md')])
      pandoc.push(performance.now() - start)
    }
  }
  rmSync(work, { recursive: true, force: true })

  const oursMs = median(ours)
  console.log(
    `import-docx: 100-page DOCX (${(bytes.byteLength / 1024).toFixed(0)} KB, ${characters} characters, bench/generate-report.ts)`,
  )
  console.log(
    `  wrs import (read + zip checks + mammoth + structure): median ${oursMs.toFixed(1)} ms over ${ours.length} runs (min ${Math.min(...ours).toFixed(1)}, max ${Math.max(...ours).toFixed(1)}); ${imported} characters and ${parts} parts recovered`,
  )
  console.log(
    `  round trip: ${same} of ${(report.doc.content ?? []).length} blocks come back with the same type, level, role, run-in and text`,
  )
  if (pandoc.length) {
    const pandocMs = median(pandoc)
    console.log(`  pandoc -f docx -t markdown: median ${pandocMs.toFixed(1)} ms over ${pandoc.length} runs`)
    console.log(`  ratio wrs/pandoc: ${(oursMs / pandocMs).toFixed(2)}`)
  } else {
    console.log('  pandoc not installed: peer figure not measured')
  }
  console.log(`  budget ${BUDGET_MS} ms: ${oursMs <= BUDGET_MS ? 'within' : 'OVER'}`)
  if (oursMs > BUDGET_MS) process.exitCode = 1
}

void main()
