import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { NodeType, nodeText, type DocNode, type HeadingLevel } from '../core/document-model'
import { buildDocx } from '../core/export/docx/build-docx'
import { computeMarkers } from '../core/numbering'
import type { ReportFile } from '../core/report-file'
import { generateReport } from './generate-report'

const BUDGET_MS = 300

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

/** The same text as Markdown: headings with their printed markers, one paragraph per block. */
function toMarkdown(report: ReportFile): string {
  const nodes = report.doc.content ?? []
  const headings = nodes.filter(node => node.type === NodeType.heading)
  const markers = computeMarkers(
    report.meta.numbering,
    headings.map(node => (node.attrs?.level ?? 1) as HeadingLevel),
  )
  let headingIndex = 0
  const lines: string[] = []
  const cellText = (node: DocNode): string => nodeText(node).replace(/\|/g, '\\|').replace(/\n/g, ' ')
  for (const node of nodes) {
    if (node.type === NodeType.heading) {
      lines.push(`${'#'.repeat(Number(node.attrs?.level ?? 1))} ${markers[headingIndex++]}${nodeText(node)}`)
    } else if (node.type === NodeType.table) {
      const rows = (node.content ?? []).map(row => `| ${(row.content ?? []).map(cellText).join(' | ')} |`)
      if (rows.length) rows.splice(1, 0, `|${' --- |'.repeat((node.content?.[0]?.content ?? []).length)}`)
      lines.push(rows.join('\n'))
    } else if (node.type === NodeType.bulletList || node.type === NodeType.orderedList) {
      lines.push((node.content ?? []).map(item => `- ${nodeText(item)}`).join('\n'))
    } else if (node.type !== NodeType.guidance) {
      lines.push(nodeText(node).replace(/\n/g, '  \n'))
    }
  }
  return lines.join('\n\n') + '\n'
}

async function main(): Promise<void> {
  const report = generateReport(100)
  const characters = (report.doc.content ?? []).reduce((total, node) => total + nodeText(node).length, 0)
  const work = mkdtempSync(path.join(os.tmpdir(), 'wrs-bench-docx-'))

  for (let warm = 0; warm < 3; warm++) await buildDocx(report, { draftLabel: null })
  const ours: number[] = []
  let bytes = 0
  for (let run = 0; run < 15; run++) {
    const start = performance.now()
    const docx = await buildDocx(report, { draftLabel: null })
    ours.push(performance.now() - start)
    bytes = docx.byteLength
  }

  const markdownPath = path.join(work, 'report.md')
  writeFileSync(markdownPath, toMarkdown(report))
  const pandoc: number[] = []
  for (let run = 0; run < 5; run++) {
    const start = performance.now()
    execFileSync('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', path.join(work, 'pandoc.docx'), markdownPath])
    pandoc.push(performance.now() - start)
  }

  const oursMedian = median(ours)
  const pandocMedian = median(pandoc)
  console.log(`DOCX export, generated 100-page report (${characters} characters, ${(bytes / 1024).toFixed(0)} KB DOCX)`)
  console.log(
    `  buildDocx            median ${oursMedian.toFixed(1)} ms over ${ours.length} runs (budget ≤ ${BUDGET_MS} ms)`,
  )
  console.log(
    `  pandoc md → docx     median ${pandocMedian.toFixed(1)} ms over ${pandoc.length} runs (same text, process start included)`,
  )
  console.log(`  ratio pandoc / ours  ${(pandocMedian / oursMedian).toFixed(2)}×`)
  const ok = oursMedian <= BUDGET_MS && oursMedian < pandocMedian
  console.log(ok ? '  PASS: within budget and faster than pandoc' : '  FAIL: over budget or slower than pandoc')
  if (!ok) process.exitCode = 1
}

void main()
