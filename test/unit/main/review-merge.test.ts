import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DocNode } from '../../../core/document-model'
import { nodeText } from '../../../core/document-model'
import type { ReportFile } from '../../../core/report-file'
import { collectReviewMarks } from '../../../core/review/collect-review-marks'
import { decideReview } from '../../../core/review/decide-review'
import type { FeedbackCopy } from '../../../core/review/feedback/feedback-copy'
import { mergeFeedback } from '../../../core/review/feedback/merge-feedback'
import { findConflicts } from '../../../core/review/find-conflicts'
import { resolveSuggestions } from '../../../core/review/resolve-suggestions'
import { reviewEntries, reviewListItem } from '../../../core/review/review-entries'
import { readFeedbackFile } from '../../../main/review/read-feedback-file'
import { basePrinted as b, baseReport } from '../../fixtures/review/review-base'
import { reviewFixtures, reviewFixturesDir } from '../../fixtures/review/make-review-fixtures'

async function copy(name: string): Promise<FeedbackCopy> {
  const read = await readFeedbackFile(path.join(reviewFixturesDir, name))
  if (!read.ok) throw new Error(read.message)
  return read.value
}

let counter = 0
const options = { now: '2024-01-12T09:00:00Z', newId: (prefix: string) => `${prefix}${++counter}` }

/** Plain texts of the body (front matter, headings, paragraphs and table cells) in document order. */
function texts(doc: DocNode): string[] {
  const out: string[] = []
  const walk = (node: DocNode) => {
    if (node.content?.some(child => child.type === 'text' || child.type === 'hardBreak')) out.push(nodeText(node))
    else if (['paragraph', 'heading'].includes(node.type) && !node.content) out.push('')
    else node.content?.forEach(walk)
  }
  walk(doc)
  return out
}

const accepted = (report: ReportFile) => texts(resolveSuggestions(report.doc, () => 'accept'))
const rejected = (report: ReportFile) => texts(resolveSuggestions(report.doc, () => 'reject'))

describe('merging returned copies written by other software', () => {
  it('reads the fixture copies that make-review-fixtures.ts writes (the files in the repo are current)', () => {
    for (const [name, bytes] of Object.entries(reviewFixtures()))
      expect(Buffer.from(readFileSync(path.join(reviewFixturesDir, name))).equals(Buffer.from(bytes)), name).toBe(true)
  })

  it('reads comments with replies, a resolved one over two paragraphs and one in a table, with authors and anchors', async () => {
    const base = baseReport()
    const merged = mergeFeedback(base, [await copy('copy-comments.docx')], options)
    const threads = merged.report.review.comments
    expect(
      threads.map(thread => [
        thread.author,
        thread.text,
        thread.resolved,
        thread.replies.map(reply => `${reply.author}：${reply.text}`),
      ]),
    ).toEqual([
      ['法工委 张明', '“八件”请与法规室核对。', false, ['研究室 李华：已核对，无误。']],
      ['法工委 张明', '这两段可以合并。', true, []],
      ['法工委 张明', '补充去年的次数作对比。', false, []],
    ])
    expect(threads[0]!.date).toBe('2024-01-08T10:15:00Z')
    const anchors = new Map(collectReviewMarks(merged.report.doc).comments.map(anchor => [anchor.id, anchor]))
    expect(anchors.get(threads[0]!.id)!.text).toBe('八件')
    expect(anchors.get(threads[1]!.id)!.text).toBe(b.p2 + b.p3)
    expect(anchors.get(threads[1]!.id)!.ranges).toHaveLength(2)
    expect(anchors.get(threads[2]!.id)!.text).toBe('6次')
    expect(threads.every(thread => thread.source === 'copy-comments.docx')).toBe(true)
    // The text itself is unchanged.
    expect(texts(merged.report.doc)).toEqual(texts(base.doc))
    expect(merged.copies[0]).toMatchObject({ comments: 3, replies: 1, insertions: 0, deletions: 0, unanchored: 0 })
  })

  it('reads tracked changes in runs, in a table cell, a deleted paragraph mark, a move and an added paragraph', async () => {
    const base = baseReport()
    const merged = mergeFeedback(base, [await copy('copy-tracked.docx')], options)
    const suggestions = collectReviewMarks(merged.report.doc).suggestions
    expect(suggestions.map(each => [each.kind, each.text, each.author, each.date])).toEqual([
      ['deletion', '八', '办公厅 王芳', '2024-01-08T10:15:00Z'],
      ['insertion', '九', '办公厅 王芳', '2024-01-08T10:15:00Z'],
      ['deletion', '\n', '办公厅 王芳', '2024-01-08T10:15:00Z'],
      ['deletion', '不断', '办公厅 王芳', '2024-01-09T16:40:00Z'],
      ['deletion', '6', '办公厅 王芳', '2024-01-08T10:15:00Z'],
      ['insertion', '7', '办公厅 王芳', '2024-01-08T10:15:00Z'],
      ['insertion', '不断', '办公厅 王芳', '2024-01-09T16:40:00Z'],
      ['insertion', '\n加强常委会自身建设。', '办公厅 王芳', '2024-01-09T16:40:00Z'],
    ])
    expect(suggestions.every(each => each.source === 'copy-tracked.docx')).toBe(true)
    expect(rejected(merged.report)).toEqual(texts(base.doc))
    expect(accepted(merged.report)).toEqual([
      b.title,
      b.salutation,
      '过去一年的主要工作',
      '坚持党的全面领导。',
      '常委会坚持把党的领导贯穿人大工作全过程，全年召开党组会议十二次。',
      '全年共审议法规草案九件，听取和审议专项工作报告十五个。',
      b.p2 + '代表工作加强，代表建议办结率达到百分之百。',
      '项目',
      '数量',
      '执法检查',
      '7次',
      '今年的主要任务',
      b.p4,
      '常委会将继续不断加强监督工作，增强监督实效。',
      '加强常委会自身建设。',
    ])
  })

  it('turns a copy edited without tracking into suggestions attributed to it: three changed, one deleted, one added', async () => {
    const base = baseReport()
    const merged = mergeFeedback(base, [await copy('copy-untracked.docx')], options)
    expect(merged.copies[0]).toMatchObject({ from: '财经委', tracked: false, comparedWith: 'sent', unanchored: 0 })
    const suggestions = collectReviewMarks(merged.report.doc).suggestions
    expect(suggestions.every(each => each.author === '财经委' && each.source === 'copy-untracked.docx')).toBe(true)
    expect(suggestions.map(each => [each.kind, each.text])).toEqual([
      ['deletion', '八'],
      ['insertion', '10'],
      ['deletion', b.p2 + '\n'],
      ['deletion', '不断'],
      ['insertion', '持续'],
      ['insertion', '落实'],
      ['insertion', '\n常委会将认真听取代表意见，改进工作作风。'],
    ])
    expect(rejected(merged.report)).toEqual(texts(base.doc))
    const final = accepted(merged.report)
    expect(final).toContain('全年共审议法规草案10件，听取和审议专项工作报告十五个。')
    expect(final).not.toContain(b.p2)
    expect(final).toContain('代表工作持续加强，代表建议办结率达到百分之百。')
    expect(final).toContain('今年是全面贯彻落实党的二十大精神的开局之年。')
    expect(final[final.length - 1]).toBe('常委会将认真听取代表意见，改进工作作风。')
  })

  it('merges several copies at once; two copies changing the same sentence are a conflict shown side by side', async () => {
    const merged = mergeFeedback(
      baseReport(),
      [await copy('copy-tracked.docx'), await copy('copy-untracked.docx'), await copy('copy-comments.docx')],
      options,
    )
    const conflicts = findConflicts(merged.report.doc)
    const first = conflicts[0]!
    expect(first.original).toBe(b.p1)
    expect(first.versions.map(version => [version.source, version.text])).toEqual([
      ['copy-tracked.docx', '全年共审议法规草案九件，听取和审议专项工作报告十五个。'],
      ['copy-untracked.docx', '全年共审议法规草案10件，听取和审议专项工作报告十五个。'],
    ])
    // The comment on 八件 is still there, over the same characters.
    const items = reviewEntries(merged.report).map(reviewListItem)
    expect(items.find(item => item.text === '“八件”请与法规室核对。')).toMatchObject({
      quote: '八件',
      part: '过去一年的主要工作',
    })
    expect(merged.report.review.round.returns.map(entry => entry.file)).toEqual([
      'copy-tracked.docx',
      'copy-untracked.docx',
      'copy-comments.docx',
    ])
    // Accepting one copy's version of the sentence and rejecting the other's.
    const tracked = first.versions[0]!
    const other = first.versions[1]!
    let report = decideReview(merged.report, { ids: tracked.ids }, 'accept', options.now).report
    report = decideReview(report, { ids: other.ids }, 'reject', options.now).report
    expect(texts(resolveSuggestions(report.doc, () => 'reject'))).toContain(
      '全年共审议法规草案九件，听取和审议专项工作报告十五个。',
    )
  })

  it('places everything in the report as it is now, and lists what it cannot place', async () => {
    const base = baseReport()
    const content = [...base.doc.content!]
    // Since it was sent: a paragraph added at the top of the part, P1 reworded around 八件, P4 rewritten.
    content.splice(3, 0, { type: 'paragraph', content: [{ type: 'text', text: '一年来，常委会依法履职。' }] })
    const p1 = content.findIndex(node => nodeText(node) === b.p1)
    content[p1] = {
      type: 'paragraph',
      content: [{ type: 'text', text: '全年共审议地方性法规草案八件，听取和审议专项工作报告十五个。' }],
    }
    const p4 = content.findIndex(node => nodeText(node) === b.p4)
    content[p4] = { type: 'paragraph', content: [{ type: 'text', text: '新的一年，我们将以党的二十大精神为指引。' }] }
    const changed: ReportFile = { ...base, doc: { ...base.doc, content } }
    const merged = mergeFeedback(changed, [await copy('copy-tracked.docx'), await copy('copy-untracked.docx')], options)
    const final = accepted({
      ...merged.report,
      doc: resolveSuggestions(merged.report.doc, ref => (ref.source === 'copy-tracked.docx' ? 'accept' : 'reject')),
    })
    expect(final).toContain('全年共审议地方性法规草案九件，听取和审议专项工作报告十五个。')
    expect(final).toContain('一年来，常委会依法履职。')
    // 落实 went into a sentence that is no longer there: listed, with the sentence it was meant for.
    const unplaced = merged.report.review.unanchored
    expect(unplaced.map(item => [item.kind, item.text, item.source, item.author])).toEqual([
      ['insertion', '落实', 'copy-untracked.docx', '财经委'],
    ])
    expect(unplaced[0]!.quote).toBe(b.p4)
    expect(unplaced[0]!.reason).toContain('找不到')
    expect(reviewEntries(merged.report).some(entry => entry.text === '落实' && entry.status === 'pending')).toBe(true)
  })

  it('does not merge the same file twice', async () => {
    const once = mergeFeedback(baseReport(), [await copy('copy-tracked.docx')], options)
    const twice = mergeFeedback(once.report, [await copy('copy-tracked.docx')], options)
    expect(twice.copies[0]!.skipped).toBe(true)
    expect(twice.report.doc).toBe(once.report.doc)
  })
})
