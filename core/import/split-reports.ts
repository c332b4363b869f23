import { kindFromWords } from '../report-language/report-kind-words'
import type { ImportBlock } from './import-block'
import { headingCandidate } from './heading-candidate'
import { isFrontMatterEvidence, isTitleCandidate, readFrontMatter, type FoundFrontMatter } from './read-front-matter'

/** A line that names a report (`政协××区委员会常务委员会工作报告`, `××局2023年工作总结`), not any short line. */
function readsAsReportTitle(text: string): boolean {
  return Boolean(kindFromWords(text)) || /工作报告|工作总结|工作计划|工作要点/.test(text)
}

/**
 * Front matter that can only open another report: a newspaper lead (`2月26日上午，……作工作报告。`), or a title with
 * the occasion subtitle, or a title that names a report followed by its speaker, salutation or date.
 */
function opensReport(front: FoundFrontMatter): boolean {
  if (front.lead) return true
  if (!front.titleLines.length) return false
  if (front.subtitle) return true
  return Boolean(readsAsReportTitle(front.titleLines.join('')) && (front.speaker || front.salutation || front.dateLine))
}

/**
 * Where each report of a page starts. One report is one report: a page is split only on evidence of a second report
 * after the first one has body text — a second title or newspaper lead with its own front matter (a newspaper page
 * with digests of the 人大 and 政协 reports), or a title naming a report just before a year-in-review part that
 * follows a next-year part. A salutation, a speaker line or a line the front matter did not recognise is never
 * enough (`王立新` + `各位委员：` after a title stays one report).
 */
export function splitReports(blocks: readonly ImportBlock[]): Array<{ start: number; end: number }> {
  const starts = [0]
  let sawTasks = false
  let sawBodyText = false
  const startReport = (index: number): void => {
    starts.push(index)
    sawTasks = false
    sawBodyText = false
  }
  for (let index = readFrontMatter(blocks, 0, blocks.length).next; index < blocks.length; index++) {
    const block = blocks[index]!
    if (sawBodyText && !block.node) {
      const probe = readFrontMatter(blocks, index, blocks.length)
      if (probe.evidence && opensReport(probe.front)) {
        startReport(index)
        index = probe.next - 1
        continue
      }
    }
    const candidate = headingCandidate(block)
    if (candidate?.part?.role === 'review' && sawTasks && sawBodyText) {
      const title = blocks[index - 1]
      if (index - 1 > starts[starts.length - 1]! && title && isTitleCandidate(title) && readsAsReportTitle(title.text))
        startReport(index - 1)
    }
    if (candidate?.part?.role === 'tasks') sawTasks = true
    if (!candidate) sawBodyText = true
  }
  return starts.map((start, position) => ({ start, end: starts[position + 1] ?? blocks.length }))
}

/**
 * A title set as two or three heading paragraphs (`# 中国人民政治协商会议二七区第十届委员会` + `# 常务委员会工作报告`, or
 * two Word paragraphs in the Title style) right before the subtitle, speaker or salutation is one title broken over
 * lines, as a Shift+Enter break would make it, not a title and a heading: its later lines are marked `brokenLine`.
 */
export function joinMarkupTitleLines(blocks: readonly ImportBlock[]): ImportBlock[] {
  const out = [...blocks]
  for (let index = 0; index < out.length; index++) {
    const first = out[index]!
    if (first.markupLevel === undefined || !isTitleCandidate(first)) continue
    let end = index + 1
    while (
      end < out.length &&
      end - index < 3 &&
      out[end]!.markupLevel === first.markupLevel &&
      !out[end]!.brokenLine &&
      isTitleCandidate(out[end]!)
    )
      end++
    if (end === index + 1 || end >= out.length || !isFrontMatterEvidence(out[end]!)) continue
    for (let line = index + 1; line < end; line++) out[line] = { ...out[line]!, brokenLine: true }
    index = end - 1
  }
  return out
}
