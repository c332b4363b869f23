import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { enableCompileCache } from './enable-compile-cache'
import { runCli, type CommandHelp } from './run-cli'

enableCompileCache()

// `wrs check a.wrs | head`: once the reader has gone, the rest of the output has nowhere to go; that is no crash.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', error => {
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw error
  })
}

/** `commands/help.json`, written by the build beside the command bundles; undefined when absent or unreadable. */
async function builtHelp(): Promise<CommandHelp[] | undefined> {
  try {
    return JSON.parse(await readFile(path.join(__dirname, 'commands', 'help.json'), 'utf8')) as CommandHelp[]
  } catch {
    return undefined
  }
}

runCli(
  process.argv.slice(2),
  {
    out: text => process.stdout.write(text),
    err: text => process.stderr.write(text),
    cwd: process.cwd(),
  },
  { help: builtHelp },
).then(code => {
  process.exitCode = code
})
