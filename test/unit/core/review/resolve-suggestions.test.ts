import { describe, expect, it } from 'vitest'
import { runChecks } from '../../../../core/checks/run-checks'
import { gateExport } from '../../../../core/checks/export-gate'
import { parseReportFile, serializeReportFile, REPORT_VERSION } from '../../../../core/report-file'
import { collectReviewMarks } from '../../../../core/review/collect-review-marks'
import { decideReview } from '../../../../core/review/decide-review'
import { finalView, resolveSuggestions } from '../../../../core/review/resolve-suggestions'
import { reviewEntries, reviewListItem } from '../../../../core/review/review-entries'
import { blockTexts, commented, del, h1, ins, mark, para, plain, reportWith } from './review-doc-helpers'

const doc = (...content: ReturnType<typeof para>[]) => ({ type: 'doc', content })

describe('accepting and rejecting suggestions', () => {
  const sample = doc(
    para([plain('全年完成'), del('八', { id: 's1' }), ins('九', { id: 's2', author: '李四' }), plain('项任务。')]),
    para([plain('第二段。')]),
  )

  it('accepting keeps insertions and drops deletions; rejecting does the opposite', () => {
    expect(blockTexts(resolveSuggestions(sample, () => 'accept'))).toEqual(['全年完成九项任务。', '第二段。'])
    expect(blockTexts(resolveSuggestions(sample, () => 'reject'))).toEqual(['全年完成八项任务。', '第二段。'])
  })

  it('leaves unchosen suggestions and untouched blocks as they were', () => {
    const result = resolveSuggestions(sample, ref => (ref.id === 's1' ? 'accept' : null))
    expect(blockTexts(result)).toEqual(['全年完成九项任务。', '第二段。'])
    expect(result.content![1]).toBe(sample.content[1])
    expect(collectReviewMarks(result).suggestions.map(each => each.id)).toEqual(['s2'])
  })

  it('a deleted paragraph (text and paragraph mark) disappears on accept and the next block keeps its kind', () => {
    const withDeletedParagraph = {
      type: 'doc',
      content: [
        para([plain('甲。')]),
        para([del('要删去的一段。', { id: 's3' })], mark('deletion', { id: 's3' })),
        h1('今年工作'),
      ],
    }
    const accepted = resolveSuggestions(withDeletedParagraph, () => 'accept')
    expect(blockTexts(accepted)).toEqual(['甲。', '今年工作'])
    expect(accepted.content![1]!.type).toBe('heading')
    expect(blockTexts(resolveSuggestions(withDeletedParagraph, () => 'reject'))).toEqual([
      '甲。',
      '要删去的一段。',
      '今年工作',
    ])
  })

  it('an inserted paragraph mark splits on accept and joins back on reject', () => {
    const split = doc(para([plain('前半句，')], mark('insertion', { id: 's4' })), para([plain('后半句。')]))
    expect(blockTexts(resolveSuggestions(split, () => 'accept'))).toEqual(['前半句，', '后半句。'])
    expect(blockTexts(resolveSuggestions(split, () => 'reject'))).toEqual(['前半句，后半句。'])
  })

  it('a wholly inserted paragraph goes on reject', () => {
    const added = doc(
      para([plain('上一段。')], mark('insertion', { id: 's5' })),
      para([ins('新增一段。', { id: 's5' })]),
      para([plain('下一段。')]),
    )
    expect(blockTexts(resolveSuggestions(added, () => 'reject'))).toEqual(['上一段。', '下一段。'])
    expect(blockTexts(resolveSuggestions(added, () => 'accept'))).toEqual(['上一段。', '新增一段。', '下一段。'])
  })

  it('the final view has no suggestion or comment marks left', () => {
    const view = finalView(doc(para([commented('批注的字', 'c1'), del('删', { id: 's1' }), ins('增', { id: 's2' })])))
    expect(JSON.stringify(view)).not.toMatch(/insertion|deletion|comment/)
    expect(blockTexts(view)).toEqual(['批注的字增'])
  })
})

describe('deciding and listing review items', () => {
  const report = reportWith(
    [
      h1('过去一年的工作'),
      para([
        plain('全年完成'),
        del('八', { id: 's1', source: '财经委.docx' }),
        ins('九', { id: 's2', author: '李四' }),
        plain('项任务。'),
      ]),
      para([commented('依法履职', 'c1'), plain('成效明显。')]),
    ],
    {
      comments: [
        { id: 'c1', author: '王五', date: '2024-01-06T00:00:00Z', text: '请补充数据。', source: '法工委.docx' },
      ],
    },
  )

  it('lists every item in the issue shape, in document order', () => {
    const items = reviewEntries(report).map(reviewListItem)
    expect(items).toEqual([
      {
        id: 's1',
        source: '财经委.docx',
        author: '张三',
        kind: 'deletion',
        part: '过去一年的工作',
        quote: '全年完成八项任务。',
        text: '八',
        status: 'pending',
      },
      {
        id: 's2',
        source: '',
        author: '李四',
        kind: 'insertion',
        part: '过去一年的工作',
        quote: '全年完成八项任务。',
        text: '九',
        status: 'pending',
      },
      {
        id: 'c1',
        source: '法工委.docx',
        author: '王五',
        kind: 'comment',
        part: '过去一年的工作',
        quote: '依法履职',
        text: '请补充数据。',
        status: 'pending',
      },
    ])
  })

  it('accepting all of one author changes only theirs and records the decision with 采纳', () => {
    const outcome = decideReview(report, { author: '李四' }, 'accept', '2024-01-07T00:00:00Z')
    expect(outcome.decided.map(each => each.id)).toEqual(['s2'])
    expect(blockTexts(outcome.report.doc)[1]).toBe('全年完成八九项任务。')
    const items = reviewEntries(outcome.report)
    expect(items.find(each => each.id === 's2')).toMatchObject({
      status: 'accepted',
      disposition: '采纳',
      part: '过去一年的工作',
    })
    expect(items.find(each => each.id === 's1')!.status).toBe('pending')
  })

  it('rejecting a comment by id resolves it as 未采纳', () => {
    const outcome = decideReview(report, { id: 'c1' }, 'reject', '2024-01-07T00:00:00Z')
    expect(outcome.settled).toEqual(['c1'])
    expect(reviewEntries(outcome.report).find(each => each.id === 'c1')).toMatchObject({
      status: 'resolved',
      disposition: '未采纳',
    })
  })

  it('the gate refuses a 正式稿 while anything is pending, and lets it through once all is dealt with', () => {
    const findings = runChecks(report).filter(finding => finding.rule === 'STR-REVIEW-PENDING')
    expect(findings).toHaveLength(3)
    expect(findings[0]!.message).toContain('删除“八”')
    expect(findings[2]!.message).toContain('王五的批注')
    expect(gateExport(report, null).blocking.some(finding => finding.rule === 'STR-REVIEW-PENDING')).toBe(true)
    // Switching the rule off does not get a 正式稿 past it.
    const switchedOff = { ...report, checks: { ...report.checks, disabled: ['STR-REVIEW-PENDING'] } }
    const gate = gateExport(switchedOff, null)
    expect(gate.allowed).toBe(false)
    expect(gate.rulesKept).toContain('STR-REVIEW-PENDING')
    let done = decideReview(report, { all: true }, 'accept', '2024-01-07T00:00:00Z').report
    done = decideReview(done, { id: 'c1' }, 'accept', '2024-01-07T00:00:00Z').report
    expect(runChecks(done).filter(finding => finding.rule === 'STR-REVIEW-PENDING')).toEqual([])
  })
})

describe('the .wrs format', () => {
  it('opens a version 1 file unchanged, with an empty review, and saves it as the current version', () => {
    const v1 = JSON.stringify({
      format: 'work-report-studio',
      version: 1,
      meta: { templateId: 'npc', kind: 'npc', planYear: 2024 },
      doc: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '各位代表：' }] }] },
    })
    const opened = parseReportFile(v1)
    expect(opened.ok).toBe(true)
    if (!opened.ok) return
    expect(opened.value.version).toBe(REPORT_VERSION)
    expect(opened.value.doc).toEqual(JSON.parse(v1).doc)
    expect(opened.value.review.comments).toEqual([])
    const again = parseReportFile(serializeReportFile(opened.value))
    expect(again).toEqual(opened)
  })

  it('keeps comments, suggestions and the round through save and open', () => {
    const report = reportWith([para([ins('九', { id: 's2' })])], {
      comments: [
        {
          id: 'c1',
          author: '王五',
          date: '',
          text: '好',
          replies: [{ id: 'c2', author: '赵六', date: '', text: '同意' }],
        },
      ],
      round: { sends: [{ id: 'r1', to: '财经委', file: 'a.docx', at: '2024-01-02', version: 'v1' }] },
    })
    const again = parseReportFile(serializeReportFile(report))
    expect(again.ok && again.value).toEqual(report)
  })
})
