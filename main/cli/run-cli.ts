import type { CliCommand, CliIo, ExitCode } from './cli-command'
import { cliCommands } from './cli-commands'

/** What `wrs --help` prints of each command. */
export type CommandHelp = Pick<CliCommand, 'name' | 'usage' | 'summary'>

export interface RunCliOptions {
  /** The help lines without loading every command (the built CLI reads them from a file the build wrote). */
  help?: () => Promise<CommandHelp[] | undefined>
}

async function usage(options: RunCliOptions): Promise<string> {
  const commands = (await options.help?.()) ?? (await Promise.all(cliCommands.map(entry => entry.load())))
  const lines = ['工作报告编写器命令行 wrs', '', '用法：']
  for (const command of commands) lines.push(`  ${command.usage}`, `      ${command.summary}`)
  lines.push('', '退出码：0 成功；1 检查发现错误或导出被拒绝；2 输入或参数有误。')
  return lines.join('\n') + '\n'
}

export async function runCli(argv: string[], io: CliIo, options: RunCliOptions = {}): Promise<ExitCode> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(await usage(options))
    return name ? 0 : 2
  }
  const entry = cliCommands.find(candidate => candidate.name === name)
  if (!entry) {
    io.err(`未知的命令“${name}”。运行 wrs --help 查看可用命令。\n`)
    return 2
  }
  try {
    const command = await entry.load()
    return await command.run(rest, io)
  } catch (error) {
    io.err(`${unexpectedErrorMessage(error)}\n`)
    return 2
  }
}

const hasHan = /[\u4e00-\u9fff]/

/**
 * What a command that threw prints: never the engine's English (`Maximum call stack size exceeded`), a zh-CN
 * sentence instead; a message already in Chinese (a refusal thrown from deep inside) is kept.
 */
export function unexpectedErrorMessage(error: unknown): string {
  if (error instanceof RangeError && /call stack/i.test(error.message))
    return '命令执行失败：输入文件的结构嵌套太深（如列表套列表、表格套表格数百层），超出了程序能处理的范围。请简化文件结构后重试；原文件未作改动。'
  if (error instanceof RangeError && /string length|array length|allocation/i.test(error.message))
    return '命令执行失败：输入文件太大，超出了程序能处理的范围。请把文件拆分成几份后分别处理；原文件未作改动。'
  const message = error instanceof Error ? error.message : String(error)
  if (hasHan.test(message))
    return `命令执行失败：${message.replace(/[。.]$/, '')}。请检查输入文件后重试；原文件未作改动。`
  return '命令执行失败：程序遇到了意外的错误。请检查输入文件后重试；如果问题重复出现，请把输入文件交给维护人员；原文件未作改动。'
}
