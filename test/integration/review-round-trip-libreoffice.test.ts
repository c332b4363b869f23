import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildDocx } from '../../core/export/docx/build-docx'
import type { ReportFile } from '../../core/report-file'
import { collectReviewMarks } from '../../core/review/collect-review-marks'
import { mergeFeedback } from '../../core/review/feedback/merge-feedback'
import { resolveSuggestions, stripMarks } from '../../core/review/resolve-suggestions'
import { readFeedbackFile } from '../../main/review/read-feedback-file'
import { markedReport } from '../fixtures/review/review-marked'
import { tempDirs } from '../helpers/temp-dirs'
import { resaveDocxWithLibreOffice } from './docx-libreoffice'

const tempDir = tempDirs('wrs-review-round-trip-')

/** The suggestions of a report as people read them: kind, author, date, text and the sentence they are in. */
const suggestionsOf = (report: ReportFile) =>
  collectReviewMarks(report.doc)
    .suggestions.map(each => ({
      kind: each.kind,
      author: each.author,
      date: each.date,
      text: each.text,
      quote: each.quote,
    }))
    .sort((a, b) => `${a.kind}${a.text}`.localeCompare(`${b.kind}${b.text}`))

/**
 * The comment threads with the text they are on, read in the text before the suggestions (Word's comment ranges
 * are contiguous, so a range around 八 and 件 comes back holding the 九 inserted between them).
 */
const commentsOf = (report: ReportFile) => {
  const original = resolveSuggestions(report.doc, () => 'reject')
  const anchors = new Map(collectReviewMarks(original).comments.map(anchor => [anchor.id, anchor.text]))
  return report.review.comments.map(thread => ({
    author: thread.author,
    date: thread.date,
    text: thread.text,
    resolved: thread.resolved,
    anchor: anchors.get(thread.id),
    replies: thread.replies.map(reply => ({ author: reply.author, date: reply.date, text: reply.text })),
  }))
}

describe('editor → markup DOCX → LibreOffice → merged back', () => {
  it('gives the same comments and suggestions, with authors, dates and anchors', async () => {
    const report = markedReport()
    const send = {
      id: 'r-lo',
      to: '财经委',
      file: '报告（征求意见稿）-财经委.docx',
      at: '2024-01-05T09:00:00Z',
      version: 'v1',
      markup: true,
    }
    const sent: ReportFile = {
      ...report,
      review: {
        ...report.review,
        round: { sends: [send], returns: [] },
        sentVersions: [{ id: 'v1', at: send.at, doc: report.doc }],
      },
    }
    const folder = tempDir()
    const original = path.join(folder, send.file)
    writeFileSync(original, await buildDocx(sent, { draftLabel: '征求意见稿', markup: true, sendId: send.id }))
    const resaved = await resaveDocxWithLibreOffice(original)
    const read = await readFeedbackFile(resaved)
    if (!read.ok) throw new Error(read.message)
    expect(read.value.sendId).toBe('r-lo')

    // Into the report as it was before any markup: the same comments and suggestions come back.
    const before: ReportFile = {
      ...sent,
      doc: stripMarks(
        resolveSuggestions(report.doc, () => 'reject'),
        'comment',
      ),
      review: { ...sent.review, comments: [] },
    }
    const merged = mergeFeedback(before, [read.value], { now: '2024-01-12T09:00:00Z' })
    expect(merged.copies[0]).toMatchObject({ from: '财经委', tracked: true, unanchored: 0 })
    expect(suggestionsOf(merged.report)).toEqual(suggestionsOf(report))
    expect(commentsOf(merged.report)).toEqual(commentsOf(report))
    expect(merged.report.review.round.returns[0]).toMatchObject({ sendId: 'r-lo', from: '财经委' })

    // Into the report that still has them: our markup coming back adds nothing twice.
    const again = mergeFeedback(sent, [read.value], { now: '2024-01-12T09:00:00Z' })
    expect(suggestionsOf(again.report)).toEqual(suggestionsOf(report))
    expect(again.report.review.comments).toHaveLength(report.review.comments.length)
    expect(again.copies[0]).toMatchObject({ comments: 0, insertions: 0, deletions: 0, unanchored: 0 })
  }, 240_000)
})
