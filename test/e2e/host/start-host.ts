/**
 * Runs the loopback test host in its own process so a test can SIGKILL it mid-session:
 *   const child = spawn(process.execPath, ['--import', 'tsx', 'test/e2e/host/start-host.ts', '--user-data-dir', dir])
 *   first stdout line: `WRS_TEST_HOST {"url":"http://127.0.0.1:…/","userDataDir":"…","pid":…}`
 *   child.kill('SIGKILL'); then start another with the same --user-data-dir and expect pendingRecoveries().
 * Options: --user-data-dir <dir>, --renderer-dir <dir>, --port <n>. See test-host.ts for the routes.
 */
import { startTestHost } from './test-host'

function option(name: string): string | undefined {
  const index = process.argv.indexOf(name)
  return index >= 0 ? process.argv[index + 1] : undefined
}

const port = option('--port')
const host = await startTestHost({
  userDataDir: option('--user-data-dir'),
  rendererDir: option('--renderer-dir'),
  port: port ? Number(port) : undefined,
})
process.stdout.write(
  `WRS_TEST_HOST ${JSON.stringify({ url: host.url, userDataDir: host.userDataDir, pid: process.pid })}\n`,
)
const stop = (): void => void host.close().then(() => process.exit(0))
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
