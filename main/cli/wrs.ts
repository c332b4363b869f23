import { runCli } from './run-cli'

// `wrs check a.wrs | head`: once the reader has gone, the rest of the output has nowhere to go; that is no crash.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', error => {
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw error
  })
}

runCli(process.argv.slice(2), {
  out: text => process.stdout.write(text),
  err: text => process.stderr.write(text),
  cwd: process.cwd(),
}).then(code => {
  process.exitCode = code
})
