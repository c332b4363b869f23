import { collectReviewMarks } from '../../review/collect-review-marks'
import type { Rule } from '../rule'
import { sectionTitleAt } from './part-label'

function shorten(text: string, length = 20): string {
  const flat = text.replace(/\n/g, '¶').replace(/\s+/g, '')
  return flat.length > length ? flat.slice(0, length) + '……' : flat
}

/**
 * STR-REVIEW-PENDING: a 正式稿 cannot go out while a suggestion (修订) is neither accepted nor rejected, a comment
 * is unresolved, or a comment or change of a returned copy that could not be placed has not been dealt with.
 */
export const strReviewPending: Rule = {
  id: 'STR-REVIEW-PENDING',
  title: '未处理的修订和批注',
  category: 'structure',
  severity: 'error',
  fixable: false,
  run({ report, blocks, structure }, add) {
    const marks = collectReviewMarks(report.doc, blocks)
    const who = (author: string, source: string | null) => (author || source ? `${author || source}` : '有人')
    for (const suggestion of marks.suggestions) {
      const range = suggestion.ranges[0]
      const path = range?.path ?? suggestion.paragraphMarks[0] ?? []
      const section = path.length ? sectionTitleAt(structure, path[0]!) : undefined
      const what =
        suggestion.text === '\n'
          ? suggestion.kind === 'insertion'
            ? '分段'
            : '合并段落'
          : `${suggestion.kind === 'insertion' ? '增加' : '删除'}“${shorten(suggestion.text)}”`
      add({
        rule: 'STR-REVIEW-PENDING',
        severity: 'error',
        message: `${section ? `“${section}”中` : ''}${who(suggestion.author, suggestion.source)}提出的修订（${what}）尚未处理。请接受或拒绝这处修订。`,
        location: { path, ...(range ? { from: range.from, to: range.to } : {}), ...(section ? { section } : {}) },
      })
    }
    const anchors = new Map(marks.comments.map(anchor => [anchor.id, anchor]))
    for (const thread of report.review.comments) {
      if (thread.resolved) continue
      const range = anchors.get(thread.id)?.ranges[0]
      const section = range ? sectionTitleAt(structure, range.path[0]!) : undefined
      add({
        rule: 'STR-REVIEW-PENDING',
        severity: 'error',
        message: `${section ? `“${section}”中` : ''}${who(thread.author, thread.source)}的批注“${shorten(thread.text, 24)}”尚未解决。请处理后把它标为已解决。`,
        location: range
          ? { path: range.path, from: range.from, to: range.to, ...(section ? { section } : {}) }
          : { path: [] },
      })
    }
    for (const item of report.review.unanchored) {
      if (item.settled || report.review.dispositions[item.id]) continue
      add({
        rule: 'STR-REVIEW-PENDING',
        severity: 'error',
        message:
          `${item.source ? `反馈稿“${item.source}”中` : ''}${who(item.author, null)}` +
          `的一条${item.kind === 'comment' ? '批注' : '修订'}（“${shorten(item.text || item.quote, 24)}”）` +
          '未能在报告中定位，尚未处理。请在审阅面板中处理它（放到所选文字上或给出处理意见）。',
        location: { path: [] },
      })
    }
  },
}
