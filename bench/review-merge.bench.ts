import os from 'node:os'
import { performance } from 'node:perf_hooks'
import type { DocNode } from '../core/document-model'
import { nodeText } from '../core/document-model'
import { buildDocx } from '../core/export/docx/build-docx'
import type { ReportFile } from '../core/report-file'
import { collectReviewMarks } from '../core/review/collect-review-marks'
import { mergeFeedback } from '../core/review/feedback/merge-feedback'
import { readFeedbackBytes } from '../main/review/read-feedback-file'
import { generateReport } from './generate-report'

/**
 * Merging a returned copy of the generated 100-page report that was edited without tracking (30 paragraphs
 * changed, 5 deleted, 5 added): the copy is our own DOCX of the edited text, compared with the sent version
 * paragraph by paragraph and character by character, then placed in the report.
 */
const RUNS = 5
const sent = generateReport(100)
const paragraphs = (sent.doc.content ?? [])
  .map((node, index) => ({ node, index }))
  .filter(entry => entry.node.type === 'paragraph' && nodeText(entry.node).length > 40)
const changed = new Set(
  paragraphs
    .filter((_, index) => index % 12 === 3)
    .slice(0, 30)
    .map(entry => entry.index),
)
const deleted = new Set(
  paragraphs
    .filter((_, index) => index % 12 === 7)
    .slice(0, 5)
    .map(entry => entry.index),
)
const added = new Set(
  paragraphs
    .filter((_, index) => index % 12 === 9)
    .slice(0, 5)
    .map(entry => entry.index),
)
const edited: DocNode[] = []
;(sent.doc.content ?? []).forEach((node, index) => {
  if (deleted.has(index)) return
  if (changed.has(index)) {
    const text = nodeText(node)
    edited.push({ type: 'paragraph', content: [{ type: 'text', text: text.slice(0, 10) + '进一步' + text.slice(12) }] })
  } else edited.push(node)
  if (added.has(index))
    edited.push({ type: 'paragraph', content: [{ type: 'text', text: '新增一段：坚持问题导向，狠抓工作落实。' }] })
})
const copyReport: ReportFile = { ...sent, doc: { ...sent.doc, content: edited } }
const report: ReportFile = {
  ...sent,
  review: {
    ...sent.review,
    round: {
      sends: [{ id: 'r1', to: '财经委', file: 'a.docx', at: '2024-01-05', version: 'v1', markup: false }],
      returns: [],
    },
    sentVersions: [{ id: 'v1', at: '2024-01-05', doc: sent.doc }],
  },
}

const bytes = await buildDocx(copyReport, { draftLabel: '征求意见稿' })
const times: number[] = []
let suggestions = 0
let unanchored = 0
for (let run = 0; run < RUNS; run++) {
  const start = performance.now()
  const read = readFeedbackBytes(bytes, 'copy.docx')
  if (!read.ok) throw new Error(read.message)
  const merged = mergeFeedback(report, [read.value], { now: '2024-01-12T00:00:00Z' })
  times.push(performance.now() - start)
  suggestions = collectReviewMarks(merged.report.doc).suggestions.length
  unanchored = merged.report.review.unanchored.length
}
times.sort((a, b) => a - b)
console.log(
  `merge an untracked returned copy of the generated 100-page report (${(sent.doc.content ?? []).length} blocks; 30 paragraphs changed, 5 deleted, 5 added):`,
)
console.log(`  ${suggestions} suggestions, ${unanchored} not placed`)
console.log(
  `  read + compare + place: median ${times[Math.floor(RUNS / 2)]!.toFixed(0)} ms, min ${times[0]!.toFixed(0)} ms over ${RUNS} runs`,
)
console.log(`  machine: ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}`)
