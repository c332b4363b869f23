import { chineseNumeral } from '../numbering'
import { CollabRoot, memberCommentKey, parseCommentsRoot, partIdOfRoot, targetOfDecidedRoot } from './report-roots'

export const memberRoles = ['owner', 'editor', 'reader'] as const
export type MemberRole = (typeof memberRoles)[number]
export const memberRoleNames: Record<MemberRole, string> = { owner: '负责人', editor: '编辑', reader: '只读' }

/** A person on the office's server (the token's holder). */
export interface Member {
  /** Fresh for every `wrs team add-user`: what the member's own comments are bound to (`memberCommentKey`). */
  id: string
  name: string
  offices: readonly string[]
  role: MemberRole
}

export const partStatuses = ['drafting', 'submitted', 'approved'] as const
export type PartStatus = (typeof partStatuses)[number]
export const partStatusNames: Record<PartStatus, string> = {
  drafting: '起草中',
  submitted: '已提交',
  approved: '已审定',
}

/** Who drafts a part, by when, and how far it is (the `workflow` map's value for the part's id). */
export interface PartAssignment {
  office: string | null
  /** ISO date `YYYY-MM-DD`. */
  due: string | null
  status: PartStatus
  updatedBy: string | null
  updatedAt: string | null
}

export const unassignedPart: PartAssignment = {
  office: null,
  due: null,
  status: 'drafting',
  updatedBy: null,
  updatedAt: null,
}

/** A stored workflow value, or the unassigned default when it is missing or not one. */
export function readAssignment(value: unknown): PartAssignment {
  if (typeof value !== 'object' || value === null) return unassignedPart
  const record = value as Record<string, unknown>
  const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : null)
  const status = partStatuses.includes(record.status as PartStatus) ? (record.status as PartStatus) : 'drafting'
  return {
    office: text('office'),
    due: text('due'),
    status,
    updatedBy: text('updatedBy'),
    updatedAt: text('updatedAt'),
  }
}

const OWNER_ROOTS: Record<string, string> = {
  [CollabRoot.meta]: '报告信息和检查设置',
  [CollabRoot.parts]: '部分的增删和顺序',
  [CollabRoot.front]: '标题、副标题、报告人和开头',
  [CollabRoot.closing]: '结束语',
}

/**
 * Why `member` may not change the root type `root`, or null when he may. `assignmentOf` gives a part's assignment,
 * `describePart` names it for the message (`第二部分“2024年工作回顾”`). The server refuses an update when this says
 * no for any root it touches; the editor makes the same parts read-only with the same sentence.
 */
export function writeRefusal(
  member: Member,
  root: string,
  assignmentOf: (partId: string) => PartAssignment,
  describePart: (partId: string) => string,
): string | null {
  // Comments: anyone who can read the text (every member reads the whole report), each in his own root.
  const comments = parseCommentsRoot(root)
  if (comments) {
    if (comments.key === memberCommentKey(member)) return null
    if (comments.author === member.name) {
      return comments.authorId
        ? `这些批注是以前的成员“${comments.author}”写的（他的令牌已收回）；重新添加的${member.name}不能修改它们，只能回复。`
        : `这些批注是共享时从文件带过来的“${comments.author}”的批注，谁都不能修改，只能回复。`
    }
    return `批注只能由写批注的人自己修改，${member.name}不能修改${comments.author}的批注。`
  }
  // Decided suggestions: whoever may write the text they were in (accepting or rejecting changes that text).
  const decided = targetOfDecidedRoot(root)
  if (decided !== undefined) return writeRefusal(member, decided, assignmentOf, describePart)
  if (member.role === 'reader') return `${member.name}是只读成员，不能修改报告。`
  if (root === CollabRoot.workflow) return '分工、期限和进度只能用 wrs assign、submit、approve、reopen 修改。'
  const ownerRoot = OWNER_ROOTS[root]
  if (ownerRoot !== undefined) return member.role === 'owner' ? null : `只有报告负责人可以修改${ownerRoot}。`
  const partId = partIdOfRoot(root)
  if (partId === undefined) return `这次修改涉及报告中没有的内容（${root.slice(0, 40)}），已拒绝。`
  if (member.role === 'owner') return null
  const assignment = assignmentOf(partId)
  const label = describePart(partId)
  if (!assignment.office) return `${label}还没有分配给任何处室，只有报告负责人可以修改。`
  if (!member.offices.includes(assignment.office)) {
    return `${label}分配给了${assignment.office}，${member.name}（${member.offices.join('、') || '未登记处室'}）不能修改。`
  }
  if (assignment.status === 'submitted') return `${label}已提交，等待负责人审定；如需修改，请先撤回（wrs reopen）。`
  if (assignment.status === 'approved') return `${label}已审定，不能再修改；如需修改，请负责人退回（wrs reopen）。`
  return null
}

/** Why `member` may not move a part to `to`, or null when he may (only the part's office submits, only the owner approves). */
export function statusChangeRefusal(
  member: Member,
  assignment: PartAssignment,
  to: PartStatus,
  label: string,
): string | null {
  const from = assignment.status
  const ofOffice = assignment.office !== null && member.offices.includes(assignment.office)
  if (member.role === 'reader') return `${member.name}是只读成员，不能更改进度。`
  if (from === to) return `${label}已经是“${partStatusNames[to]}”。`
  switch (to) {
    case 'submitted':
      if (!assignment.office) return `${label}还没有分配给处室，不能提交。请负责人先用 wrs assign 分配。`
      if (!ofOffice) return `只有${assignment.office}可以提交${label}。`
      if (from !== 'drafting') return `${label}已审定，不能再提交。`
      return null
    case 'approved':
      if (member.role !== 'owner') return `只有报告负责人可以审定${label}。`
      if (from !== 'submitted') return `${label}还没有提交，不能审定。`
      return null
    case 'drafting':
      if (member.role === 'owner') return null
      if (ofOffice && from === 'submitted') return null
      return from === 'approved'
        ? `${label}已审定，只有报告负责人可以退回。`
        : `只有${assignment.office ?? '负责人'}或报告负责人可以撤回${label}。`
  }
}

/** A part is overdue when it is still being drafted after its due date (`today` as `YYYY-MM-DD`). */
export function isOverdue(assignment: PartAssignment, today: string): boolean {
  return assignment.due !== null && assignment.status === 'drafting' && today > assignment.due
}

/** A due date as typed on the command line: a real calendar day `YYYY-MM-DD`. */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!match) return false
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return date.toISOString().slice(0, 10) === text
}

/** `第三部分“……”` for part number `n` (from 1). */
export function partLabel(n: number, title: string): string {
  return `第${chineseNumeral(n)}部分“${title || '（无标题）'}”`
}
