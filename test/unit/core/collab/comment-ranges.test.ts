import { describe, expect, it } from 'vitest'
import { commentRanges, markCommentRanges } from '../../../../core/collab/comment-ranges'
import type { DocNode } from '../../../../core/document-model'

const text = (value: string, ...ids: string[]): DocNode => ({
  type: 'text',
  text: value,
  ...(ids.length ? { marks: ids.map(id => ({ type: 'comment', attrs: { id } })) } : {}),
})
const paragraph = (...content: DocNode[]): DocNode => ({ type: 'paragraph', content })

describe('comment marks as character ranges of a shared text root', () => {
  it('reads the ranges across paragraphs and writes the same marks back on plain text', () => {
    const marked = [
      paragraph(text('一年来，'), text('常委会坚持', 'c1'), text('依法履职。', 'c1', 'c2')),
      paragraph(text('财经监督', 'c2'), text('取得新进展。')),
    ]
    const ranges = commentRanges(marked)
    expect(ranges).toEqual([
      { id: 'c1', from: 4, to: 14 },
      { id: 'c2', from: 9, to: 18 },
    ])
    const plain = [paragraph(text('一年来，常委会坚持依法履职。')), paragraph(text('财经监督取得新进展。'))]
    const back = markCommentRanges(plain, ranges)
    const covered = (id: string) =>
      back
        .flatMap(block => block.content ?? [])
        .filter(node => node.marks?.some(mark => mark.attrs?.id === id))
        .map(node => node.text)
        .join('')
    expect(covered('c1')).toBe('常委会坚持依法履职。')
    expect(covered('c2')).toBe('依法履职。财经监督')
    expect(back.map(block => (block.content ?? []).map(node => node.text).join(''))).toEqual([
      '一年来，常委会坚持依法履职。',
      '财经监督取得新进展。',
    ])
  })
})
