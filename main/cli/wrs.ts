import { runCli } from './run-cli'

runCli(process.argv.slice(2), {
  out: text => process.stdout.write(text),
  err: text => process.stderr.write(text),
  cwd: process.cwd(),
}).then(code => {
  process.exitCode = code
})
