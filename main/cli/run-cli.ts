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
    io.err(
      `命令执行失败：${error instanceof Error ? error.message : String(error)}。请检查输入文件后重试；原文件未作改动。\n`,
    )
    return 2
  }
}
