import type { ImportBlock } from './import-block'
import { headingCandidate } from './heading-candidate'
import { isTitleCandidate, readFrontMatter } from './read-front-matter'

/**
 * Where each report of a page starts. A page holding several reports (a newspaper page with digests of the 人大 and
 * 政协 reports) starts a new report at a title followed by front matter (subtitle, newspaper lead, speaker,
 * salutation), at front matter without a title, or at a year-in-review part that follows a next-year part.
 */
export function splitReports(blocks: readonly ImportBlock[]): Array<{ start: number; end: number }> {
  const starts = [0]
  const current = readFrontMatter(blocks, 0, blocks.length).next
  let sawTasks = false
  let sawBody = false
  for (let index = current; index < blocks.length; index++) {
    const block = blocks[index]!
    if (sawBody && !block.node) {
      const probe = readFrontMatter(blocks, index, blocks.length)
      if (
        probe.evidence &&
        (probe.front.subtitle || probe.front.lead || probe.front.speaker || probe.front.salutation)
      ) {
        starts.push(index)
        index = probe.next - 1
        sawTasks = false
        sawBody = false
        continue
      }
    }
    const candidate = headingCandidate(block)
    if (candidate?.part?.role === 'review' && sawTasks) {
      // the next report's title, when it has one, is the line just before
      const titled = index - 1 > starts[starts.length - 1]! && isTitleCandidate(blocks[index - 1]!)
      starts.push(titled ? index - 1 : index)
      sawTasks = false
    }
    if (candidate?.part?.role === 'tasks') sawTasks = true
    sawBody = true
  }
  return starts.map((start, position) => ({ start, end: starts[position + 1] ?? blocks.length }))
}
