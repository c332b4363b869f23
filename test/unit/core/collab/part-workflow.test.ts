import { describe, expect, it } from 'vitest'
import {
  isIsoDate,
  isOverdue,
  partLabel,
  readAssignment,
  statusChangeRefusal,
  unassignedPart,
  writeRefusal,
  type Member,
  type PartAssignment,
  type PartStatus,
} from '../../../../core/collab/part-workflow'
import {
  commentsRootName,
  decidedRootName,
  memberCommentKey,
  parseCommentsRoot,
} from '../../../../core/collab/report-roots'

const owner: Member = { id: 'mzhangsan22', name: '张三', offices: ['研究室'], role: 'owner' }
const editor: Member = { id: 'mlisilisi22', name: '李四', offices: ['财经工委', '法工委'], role: 'editor' }
const other: Member = { id: 'mwangwu2222', name: '王五', offices: ['教科文卫工委'], role: 'editor' }
const reader: Member = { id: 'mzhaoliu222', name: '赵六', offices: ['办公室'], role: 'reader' }
const assigned = (status: PartStatus = 'drafting', office = '财经工委'): PartAssignment => ({
  ...unassignedPart,
  office,
  status,
})
const describePart = () => partLabel(2, '2024年主要任务')
const refusal = (member: Member, root: string, assignment: PartAssignment = assigned()) =>
  writeRefusal(member, root, () => assignment, describePart)

describe('who may write the comments and decided suggestions of a shared report', () => {
  it('every member writes his own comments on any text, nobody else’s; decisions follow the text’s rights', () => {
    for (const member of [owner, editor, other, reader]) {
      for (const target of ['front', 'closing', 'part:p1']) {
        expect(refusal(member, commentsRootName(target, memberCommentKey(member)))).toBeNull()
      }
    }
    expect(refusal(owner, commentsRootName('part:p1', memberCommentKey(editor)))).toBe(
      '批注只能由写批注的人自己修改，张三不能修改李四的批注。',
    )
  })

  it('comments are bound to the member id: 李四 revoked and added again does not own the earlier 李四’s comments', () => {
    const readded: Member = { ...editor, id: 'mlisinew222' }
    expect(refusal(readded, commentsRootName('part:p1', memberCommentKey(editor)))).toBe(
      '这些批注是以前的成员“李四”写的（他的令牌已收回）；重新添加的李四不能修改它们，只能回复。',
    )
    expect(refusal(readded, commentsRootName('part:p1', memberCommentKey(readded)))).toBeNull()
    // Comments carried over from a shared file under a name alone: nobody's, not even a member of that name.
    expect(refusal(editor, commentsRootName('part:p1', '李四'))).toContain('从文件带过来')
    expect(refusal(owner, commentsRootName('part:p1', '王五'))).toContain('张三不能修改王五的批注')
  })

  it('decisions follow the text’s rights', () => {
    expect(refusal(editor, decidedRootName('part:p1'))).toBeNull()
    expect(refusal(owner, decidedRootName('front'))).toBeNull()
    expect(refusal(other, decidedRootName('part:p1'))).toBe(refusal(other, 'part:p1'))
    expect(refusal(editor, decidedRootName('part:p1'), assigned('approved'))).toContain('已审定，不能再修改')
    expect(refusal(reader, decidedRootName('part:p1'))).toBe('赵六是只读成员，不能修改报告。')
    expect(refusal(editor, decidedRootName('front'))).toMatch(/^只有报告负责人可以修改/)
    // Names that only look like comment roots are unknown roots, refused.
    for (const root of ['comments:meta:张三', 'comments:part::张三', 'comments:front:', 'decided:workflow']) {
      expect(refusal(owner, root), root).toContain('报告中没有的内容')
    }
  })

  it('reads a comments root’s target and author (names may hold colons)', () => {
    expect(parseCommentsRoot(commentsRootName('part:p1', '李:四'))).toEqual({
      target: 'part:p1',
      key: '李:四',
      author: '李:四',
      authorId: null,
    })
    expect(parseCommentsRoot(commentsRootName('closing', memberCommentKey(editor)))).toEqual({
      target: 'closing',
      key: 'mlisilisi22:李四',
      author: '李四',
      authorId: 'mlisilisi22',
    })
    expect(parseCommentsRoot('part:p1')).toBeUndefined()
  })
})

describe('who may write which root of a shared report', () => {
  it('the owner writes everything but the workflow; editors only their office’s parts while drafting; readers nothing', () => {
    for (const root of ['meta', 'parts', 'front', 'closing', 'part:p1']) expect(refusal(owner, root)).toBeNull()
    expect(refusal(owner, 'workflow')).toContain('只能用 wrs assign')
    expect(refusal(editor, 'part:p1')).toBeNull()
    expect(refusal(editor, 'part:p1', assigned('drafting', '法工委'))).toBeNull()
    expect(refusal(other, 'part:p1')).toBe('第二部分“2024年主要任务”分配给了财经工委，王五（教科文卫工委）不能修改。')
    expect(refusal(editor, 'part:p1', unassignedPart)).toContain('还没有分配给任何处室')
    expect(refusal(editor, 'part:p1', assigned('submitted'))).toContain('已提交，等待负责人审定')
    expect(refusal(editor, 'part:p1', assigned('approved'))).toContain('已审定，不能再修改')
    for (const root of ['meta', 'parts', 'front', 'closing'])
      expect(refusal(editor, root)).toMatch(/^只有报告负责人可以修改/)
    expect(refusal(reader, 'part:p1')).toBe('赵六是只读成员，不能修改报告。')
    expect(refusal(owner, 'prosemirror')).toContain('报告中没有的内容')
    expect(refusal(editor, 'part:')).toContain('报告中没有的内容')
  })
})

describe('part statuses', () => {
  it('only the part’s office submits, only the owner approves, reopening as the rules say', () => {
    const label = partLabel(1, '2023年主要工作')
    expect(statusChangeRefusal(editor, assigned(), 'submitted', label)).toBeNull()
    expect(statusChangeRefusal(owner, assigned(), 'submitted', label)).toBe(
      '只有财经工委可以提交第一部分“2023年主要工作”。',
    )
    expect(statusChangeRefusal(editor, unassignedPart, 'submitted', label)).toContain('请负责人先用 wrs assign 分配')
    expect(statusChangeRefusal(owner, assigned('submitted'), 'approved', label)).toBeNull()
    expect(statusChangeRefusal(editor, assigned('submitted'), 'approved', label)).toContain('只有报告负责人可以审定')
    expect(statusChangeRefusal(owner, assigned(), 'approved', label)).toContain('还没有提交，不能审定')
    expect(statusChangeRefusal(editor, assigned('submitted'), 'drafting', label)).toBeNull()
    expect(statusChangeRefusal(editor, assigned('approved'), 'drafting', label)).toContain('只有报告负责人可以退回')
    expect(statusChangeRefusal(owner, assigned('approved'), 'drafting', label)).toBeNull()
    expect(statusChangeRefusal(other, assigned('submitted'), 'drafting', label)).toContain(
      '只有财经工委或报告负责人可以撤回',
    )
    expect(statusChangeRefusal(reader, assigned(), 'submitted', label)).toContain('只读成员')
    expect(statusChangeRefusal(editor, assigned('submitted'), 'submitted', label)).toContain('已经是“已提交”')
  })

  it('a part is overdue while drafting after its due date; stored values are read defensively', () => {
    expect(isOverdue({ ...assigned(), due: '2024-12-20' }, '2024-12-21')).toBe(true)
    expect(isOverdue({ ...assigned(), due: '2024-12-20' }, '2024-12-20')).toBe(false)
    expect(isOverdue({ ...assigned('submitted'), due: '2024-12-20' }, '2025-01-01')).toBe(false)
    expect(isOverdue(assigned(), '2099-01-01')).toBe(false)
    expect(readAssignment({ office: '财经工委', status: 'bogus', due: 5 })).toEqual({
      ...unassignedPart,
      office: '财经工委',
    })
    expect(readAssignment('junk')).toEqual(unassignedPart)
    expect([isIsoDate('2024-12-20'), isIsoDate('2024-02-30'), isIsoDate('20241220'), isIsoDate('2024-1-5')]).toEqual([
      true,
      false,
      false,
      false,
    ])
    expect(partLabel(12, '')).toBe('第十二部分“（无标题）”')
  })
})
