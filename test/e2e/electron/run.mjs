// Runs the Electron end-to-end suite (test/e2e/electron/*.spec.ts) and writes {passed, failed, skipped}
// to the JSON file in argv[2]. Where no Electron binary exists (npm could not download it) the suite is
// skipped with a plain printed reason; where one exists it is built and run, under xvfb-run -a when
// there is no display.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { findElectronBinary } from '../../../scripts/electron-binary.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))
const repo = path.resolve(here, '../../..')
const reportPath = path.resolve(process.argv[2] ?? path.join(repo, '.tmp/reports/electron.json'))
const specs = readdirSync(here).filter(name => name.endsWith('.spec.ts'))
const testCount = specs.reduce(
  (count, name) =>
    count + (readFileSync(path.join(here, name), 'utf8').match(/^\s*it(?:\.each\([^)]*\))?\(/gm) ?? []).length,
  0,
)

function record(result) {
  mkdirSync(path.dirname(reportPath), { recursive: true })
  writeFileSync(reportPath, JSON.stringify(result) + '\n')
}

const found = findElectronBinary(repo)
if (!found.binary) {
  console.log(
    `Electron end-to-end suite skipped: no Electron binary on this machine (${found.reason}); ${testCount} tests in ${specs.join(', ')} not run.`,
  )
  record({ passed: 0, failed: 0, skipped: testCount })
  process.exit(0)
}

const needsDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY
const hasXvfb = spawnSync('sh', ['-c', 'command -v xvfb-run'], { encoding: 'utf8' }).status === 0
if (needsDisplay && !hasXvfb) {
  console.log(
    `Electron end-to-end suite skipped: no display and no xvfb-run on this machine (apt-get install xvfb); ${testCount} tests not run.`,
  )
  record({ passed: 0, failed: 0, skipped: testCount })
  process.exit(0)
}

const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: repo, stdio: 'inherit' })
if (build.status !== 0) {
  console.log('Electron end-to-end suite failed: electron-vite build failed.')
  record({ passed: 0, failed: testCount || 1, skipped: 0 })
  process.exit(1)
}

const vitestJson = path.join(path.dirname(reportPath), 'electron-vitest.tmp.json')
const vitest = [
  'npx',
  'vitest',
  'run',
  '--config',
  'test/e2e/electron/vitest.config.ts',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]
const command = needsDisplay ? ['xvfb-run', '-a', '--server-args=-screen 0 1280x960x24', ...vitest] : vitest
const run = spawnSync(command[0], command.slice(1), {
  cwd: repo,
  stdio: 'inherit',
  env: { ...process.env, WRS_ELECTRON_BINARY: found.binary },
})
let result = { passed: 0, failed: testCount || 1, skipped: 0 }
try {
  const report = JSON.parse(readFileSync(vitestJson, 'utf8'))
  result = {
    passed: report.numPassedTests,
    failed: report.numFailedTests + (report.numTotalTestSuites > 0 && report.numTotalTests === 0 ? 1 : 0),
    skipped: report.numPendingTests + report.numTodoTests,
  }
  rmSync(vitestJson, { force: true })
} catch {
  console.log('Electron end-to-end suite: no test report was written (the run crashed); counted as failed.')
}
record(result)
console.log(`Electron end-to-end suite: ${result.passed} passed, ${result.failed} failed`)
process.exit(run.status === 0 && result.failed === 0 ? 0 : 1)
