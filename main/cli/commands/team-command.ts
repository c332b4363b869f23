import path from 'node:path'
import { memberRoleNames, memberRoles, type MemberRole } from '../../../core/collab/part-workflow'
import { CollabStore } from '../../collab/storage/collab-store'
import type { CliCommand, CliIo, ExitCode } from '../cli-command'
import { optionValue, parseOptions, type ParsedOptions } from '../collab-arguments'

const usage =
  'wrs team add-user --data <数据目录> --name <姓名> --office <处室> [--office <另一处室>] [--role owner|editor|reader] | wrs team list --data <数据目录> | wrs team revoke --data <数据目录> --name <姓名>'

function fail(message: string, io: CliIo): ExitCode {
  io.err(`${message}\n用法：${usage}\n`)
  return 2
}

async function withStore<T>(parsed: ParsedOptions, io: CliIo, work: (store: CollabStore) => T): Promise<T | ExitCode> {
  const data = optionValue(parsed, '--data')
  if (!data) return fail('缺少“--data”：协作服务器的数据目录（与 wrs serve --data 相同）。', io)
  const store = await CollabStore.open(path.resolve(io.cwd, data))
  try {
    return work(store)
  } finally {
    store.close()
  }
}

async function addUser(parsed: ParsedOptions, io: CliIo): Promise<ExitCode> {
  const name = optionValue(parsed, '--name')?.trim()
  if (!name) return fail('缺少“--name”：成员的姓名。', io)
  const offices = (parsed.values.get('--office') ?? []).map(office => office.trim()).filter(Boolean)
  if (!offices.length) return fail('缺少“--office”：成员所在的处室（如 财经工委），可以写多个。', io)
  const role = (optionValue(parsed, '--role') ?? 'editor') as MemberRole
  if (!memberRoles.includes(role))
    return fail(`角色“${role}”无效，只能是 owner（负责人）、editor（编辑）或 reader（只读）。`, io)
  const result = await withStore(parsed, io, store => store.addMember({ name, offices, role }))
  if (typeof result === 'number') return result
  if ('refused' in result) {
    io.err(`${result.refused}\n`)
    return 2
  }
  io.out(
    `已添加成员 ${name}（${offices.join('、')}，${memberRoleNames[role]}）。\n` +
      '下面是他的个人令牌，只显示这一次（服务器只保存它的摘要）；请用安全的方式交给本人：\n' +
      `${result.token}\n`,
  )
  return 0
}

async function list(parsed: ParsedOptions, io: CliIo): Promise<ExitCode> {
  const members = await withStore(parsed, io, store => store.listMembers())
  if (typeof members === 'number') return members
  if (!members.length) {
    io.out('还没有成员。用 wrs team add-user 添加。\n')
    return 0
  }
  for (const member of members) {
    const state = member.revokedAt ? `已收回（${member.revokedAt.slice(0, 10)}）` : '有效'
    io.out(`${member.name}  ${member.offices.join('、')}  ${memberRoleNames[member.role]}  令牌${state}\n`)
  }
  return 0
}

async function revoke(parsed: ParsedOptions, io: CliIo): Promise<ExitCode> {
  const name = optionValue(parsed, '--name')?.trim()
  if (!name) return fail('缺少“--name”：要收回令牌的成员姓名。', io)
  const revoked = await withStore(parsed, io, store => store.revokeMember(name))
  if (typeof revoked === 'number') return revoked
  if (!revoked) {
    io.err(`没有令牌有效的成员“${name}”。运行 wrs team list 查看成员。\n`)
    return 2
  }
  io.out(`已收回 ${name} 的令牌：他正在进行的连接不能再修改报告，也不能再连接。\n`)
  return 0
}

/** `wrs team`: the people on the office's server and their personal tokens (run where the data folder is). */
export const teamCommand: CliCommand = {
  name: 'team',
  usage,
  summary: '管理协作服务器的成员：添加成员并生成个人令牌（只显示一次），列出成员，收回令牌。',
  async run(args, io): Promise<ExitCode> {
    const [action, ...rest] = args
    const parsed = parseOptions(rest, ['--data', '--name', '--office', '--role'])
    if (typeof parsed === 'string') return fail(parsed, io)
    if (parsed.positionals.length) return fail(`多余的参数“${parsed.positionals[0]}”。`, io)
    if (action === 'add-user') return addUser(parsed, io)
    if (action === 'list') return list(parsed, io)
    if (action === 'revoke') return revoke(parsed, io)
    return fail(action ? `不认识的操作“${action}”。` : '缺少操作：add-user、list 或 revoke。', io)
  },
}
