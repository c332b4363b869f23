import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { existsSync, readFileSync } from 'node:fs'
import { heading, NodeType, nodeText, type DocNode } from '../core/document-model'
import { buildDocx } from '../core/export/docx/build-docx'
import { importText } from '../core/import/import-text'
import type { ReportFile } from '../core/report-file'
import { importReportFile } from '../main/services/import-service'

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

/**
 * The shared corpus generator when it exists; otherwise a 100-page 人大 report built from the seed's text: its
 * review part's paragraphs repeated under numbered themes until ≈ 62,000 characters.
 */
async function corpus(): Promise<{ report: ReportFile; source: string }> {
  const generator = path.join(import.meta.dirname ?? __dirname, 'generate-report.ts')
  if (existsSync(generator)) {
    const module = (await import(generator)) as { generateReport(pages?: number): ReportFile }
    return { report: module.generateReport(100), source: 'bench/generate-report.ts' }
  }
  const seed = readFileSync(path.join(process.cwd(), '..', 'shared', 'samples', 'erqi-2023-npc-cppcc-newspaper.md'), 'utf8')
  const base = importText(seed, { markdown: true }).reports[0]!
  const nodes = base.doc.content ?? []
  const front = nodes.filter(node => node.type !== NodeType.heading && node.type !== NodeType.paragraph)
  const paragraphs = nodes.filter(node => node.type === NodeType.paragraph)
  const content: DocNode[] = [...front]
  let characters = 0
  let theme = 0
  content.push(heading(1, `${base.meta.planYear - 1}年主要工作`, { role: 'review' }))
  while (characters < 52_000) {
    content.push(heading(2, `第${++theme}方面工作持续推进`))
    for (const node of paragraphs.slice(0, 12)) {
      content.push(node)
      characters += nodeText(node).length
    }
  }
  content.push(heading(1, `${base.meta.planYear}年主要任务`, { role: 'tasks' }))
  for (let task = 1; characters < 62_000; task++) {
    content.push(heading(2, `第${task}项任务`))
    for (const node of paragraphs.slice(12)) {
      content.push(node)
      characters += nodeText(node).length
    }
  }
  return { report: { ...base, doc: { type: NodeType.doc, content } }, source: 'seed text repeated (bench/generate-report.ts not present)' }
}

async function main(): Promise<void> {
  const { report, source } = await corpus()
  const characters = (report.doc.content ?? []).reduce((total, node) => total + nodeText(node).length, 0)
  const work = mkdtempSync(path.join(os.tmpdir(), 'wrs-bench-import-'))
  const docxPath = path.join(work, 'report-100-pages.docx')
  const bytes = await buildDocx(report, { draftLabel: null })
  writeFileSync(docxPath, bytes)

  let imported = 0
  let parts = 0
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
  console.log(`import-docx: 100-page DOCX (${(bytes.byteLength / 1024).toFixed(0)} KB, ${characters} characters; corpus: ${source})`)
  console.log(`  wrs import (read + zip checks + mammoth + structure): median ${oursMs.toFixed(1)} ms over ${ours.length} runs (min ${Math.min(...ours).toFixed(1)}, max ${Math.max(...ours).toFixed(1)}); ${imported} characters and ${parts} parts recovered`)
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
