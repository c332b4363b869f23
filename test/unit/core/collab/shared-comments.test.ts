import { describe, expect, it } from 'vitest'
import { foldThreads, type CommentEntry, type DecidedEntry } from '../../../../core/collab/shared-comments'

const comment = (text: string, date: string): CommentEntry => ({ kind: 'comment', text, date, quote: '', anchor: null })

describe('the threads of a shared report’s comments', () => {
  it('joins replies to their thread by date, and lets only its author or a writer of the text resolve it', () => {
    const threads = foldThreads(
      [
        {
          author: '李四',
          key: 'mlisilisi22:李四',
          entries: [
            ['c1', comment('请补充数字。', '2024-12-01T08:00:00Z')],
            ['r9', { kind: 'resolve', thread: 'c2', resolved: true, date: '2024-12-03T00:00:00Z' }],
          ],
        },
        {
          author: '赵六',
          key: 'mzhaoliu222:赵六',
          entries: [
            ['c2', comment('顺序再斟酌。', '2024-12-01T07:00:00Z')],
            ['r2', { kind: 'reply', thread: 'c1', text: '第二条回复', date: '2024-12-02T10:00:00Z' }],
            ['r1', { kind: 'reply', thread: 'c1', text: '第一条回复', date: '2024-12-02T09:00:00Z' }],
            // A reader resolving someone else's thread in his own map: ignored.
            ['r3', { kind: 'resolve', thread: 'c1', resolved: true, date: '2024-12-04T00:00:00Z' }],
            ['bad', { kind: 'comment', text: '' }],
          ],
        },
        {
          // 李四 revoked and added again (a new member id): his "resolution" of the earlier 李四's thread is ignored.
          author: '李四',
          key: 'mlisinew222:李四',
          entries: [['r7', { kind: 'resolve', thread: 'c1', resolved: true, date: '2024-12-07T00:00:00Z' }]],
        },
      ],
      [
        { kind: 'resolve', thread: 'c1', resolved: true, by: '张三', date: '2024-12-05T00:00:00Z' },
        { kind: 'resolve', thread: 'c1', resolved: false, by: '李四', date: '2024-12-06T00:00:00Z' },
        { kind: 'nonsense' },
      ] satisfies unknown[] as DecidedEntry[],
    )
    expect(threads.map(each => [each.id, each.author, each.text])).toEqual([
      ['c2', '赵六', '顺序再斟酌。'],
      ['c1', '李四', '请补充数字。'],
    ])
    expect(threads[1]!.replies.map(each => `${each.author}:${each.text}`)).toEqual([
      '赵六:第一条回复',
      '赵六:第二条回复',
    ])
    // c2 was "resolved" by 李四 in his own map, but it is 赵六's thread: still open.
    expect(threads[0]).toMatchObject({ resolved: false, resolvedBy: null })
    // c1: resolved by the owner in `decided`, reopened by 李四 later.
    expect(threads[1]).toMatchObject({ resolved: false, resolvedBy: '李四' })
  })
})
