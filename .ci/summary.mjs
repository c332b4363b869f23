// Prints one plain line `N passed, N failed[, N skipped]` from the JSON reports in a folder: Vitest's JSON reporter
// and our own small reports ({passed, failed, skipped}). Nothing that went wrong may disappear from the count: a test
// file that failed to load or whose hook failed, an unhandled error, a step that died before writing its report
// (listed in expected.txt), and an unreadable report each count as one failure.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const folder = process.argv[2] ?? '.tmp/reports'
let passed = 0
let failed = 0
let skipped = 0
const problems = []
// Tests that failed once and passed on the retry (the browser suite retries once): named, so a flaky test is seen.
const retried = []

const expectedFile = join(folder, 'expected.txt')
const expected = existsSync(expectedFile) ? readFileSync(expectedFile, 'utf8').split('\n').filter(Boolean) : []
for (const name of expected) {
  if (!existsSync(join(folder, name))) {
    failed += 1
    problems.push(`${name}: the step wrote no report (it crashed or was killed)`)
  }
}

const reports = readdirSync(folder).filter(file => file.endsWith('.json'))
for (const name of reports) {
  let report
  try {
    report = JSON.parse(readFileSync(join(folder, name), 'utf8'))
  } catch {
    failed += 1
    problems.push(`${name}: unreadable report`)
    continue
  }
  if (typeof report.numPassedTests === 'number') {
    passed += report.numPassedTests
    failed += report.numFailedTests
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
    let counted = report.numFailedTests
    for (const suite of report.testResults ?? []) {
      for (const test of suite.assertionResults ?? [])
        if (test.status === 'passed' && (test.failureMessages ?? []).length > 0)
          retried.push(`${test.fullName}: ${String(test.failureMessages[0]).split('\n')[0]}`)
      const failedTests = (suite.assertionResults ?? []).filter(test => test.status === 'failed').length
      // A file that failed without a failed test: it did not load, or a hook (beforeAll/afterAll) failed.
      if (suite.status === 'failed' && failedTests === 0) {
        failed += 1
        counted += 1
        problems.push(`${suite.name}: ${String(suite.message || 'failed outside a test').split('\n')[0]}`)
      }
    }
    // Unhandled errors make the run fail without failing any test or file (the report may even say success).
    const exitFile = join(folder, name.replace(/\.json$/, '.exit'))
    const exitCode = existsSync(exitFile) ? Number(readFileSync(exitFile, 'utf8').trim()) : 0
    if ((report.success === false || exitCode !== 0) && counted === 0) {
      failed += 1
      problems.push(`${name}: the run failed (exit ${exitCode}: an unhandled error or a crash) although no test failed`)
    }
  } else {
    passed += report.passed ?? 0
    failed += report.failed ?? 0
    skipped += report.skipped ?? 0
  }
}
if (reports.length === 0) {
  failed += 1
  problems.push('no report at all')
}
for (const each of retried) console.log(`passed only on its second try: ${each}`)
for (const problem of problems) console.log(`counted as failed: ${problem}`)
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''))
process.exit(failed > 0 ? 1 : 0)
