import type { ExitCode } from '../../main/cli/cli-command'
import { runCli } from '../../main/cli/run-cli'

/** Runs `wrs <argv>` in-process with `cwd` as the working directory and returns its exit code and output. */
export async function runWrs(argv: string[], cwd: string): Promise<{ code: ExitCode; out: string; err: string }> {
  let out = ''
  let err = ''
  const code = await runCli(argv, { out: text => void (out += text), err: text => void (err += text), cwd })
  return { code, out, err }
}
