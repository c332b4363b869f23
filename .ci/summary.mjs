// Prints one plain line `N passed, N failed[, N skipped]` from every JSON report in the folder:
// Vitest's JSON reporter (numPassedTests…) and our own small reports ({passed, failed, skipped}).
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const folder = process.argv[2] ?? '.tmp/reports'
let passed = 0
let failed = 0
let skipped = 0
let files = 0
for (const name of readdirSync(folder).filter(file => file.endsWith('.json'))) {
  const report = JSON.parse(readFileSync(join(folder, name), 'utf8'))
  files += 1
  if (typeof report.numPassedTests === 'number') {
    passed += report.numPassedTests
    failed += report.numFailedTests
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
    // A test file that failed to load counts as one failure: its tests never ran.
    for (const suite of report.testResults ?? []) {
      if (suite.status === 'failed' && (suite.assertionResults ?? []).length === 0) failed += 1
    }
  } else {
    passed += report.passed ?? 0
    failed += report.failed ?? 0
    skipped += report.skipped ?? 0
  }
}
if (files === 0) failed += 1
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''))
process.exit(failed > 0 ? 1 : 0)
