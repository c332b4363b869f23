import { spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDirs } from '../../helpers/temp-dirs'

const tempDir = tempDirs('wrs-summary-')

function summarise(files: Record<string, string>): { line: string; status: number | null; output: string } {
  const folder = tempDir()
  mkdirSync(folder, { recursive: true })
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(folder, name), content)
  const run = spawnSync(process.execPath, ['.ci/summary.mjs', folder], { encoding: 'utf8' })
  const lines = run.stdout.trim().split('\n')
  return { line: lines[lines.length - 1]!, status: run.status, output: run.stdout }
}

const vitestReport = (suites: Array<{ status: string; message?: string; tests: string[] }>) =>
  JSON.stringify({
    success: suites.every(suite => suite.status === 'passed'),
    numPassedTests: suites.flatMap(suite => suite.tests).filter(test => test === 'passed').length,
    numFailedTests: suites.flatMap(suite => suite.tests).filter(test => test === 'failed').length,
    numPendingTests: suites.flatMap(suite => suite.tests).filter(test => test === 'skipped').length,
    numTodoTests: 0,
    testResults: suites.map((suite, index) => ({
      name: `file-${index}.test.ts`,
      status: suite.status,
      message: suite.message ?? '',
      assertionResults: suite.tests.map(status => ({ status })),
    })),
  })

describe('.ci/summary.mjs', () => {
  it('counts passed, failed and skipped tests and the small step reports', () => {
    const result = summarise({
      'expected.txt': 'a.json\nlint.json\n',
      'a.json': vitestReport([{ status: 'failed', tests: ['passed', 'failed', 'skipped'] }]),
      'lint.json': '{"passed":1,"failed":0}',
    })
    expect(result.line).toBe('2 passed, 1 failed, 1 skipped')
    expect(result.status).toBe(1)
  })

  it('counts a file whose beforeAll failed as failed, not as skipped only', () => {
    const result = summarise({
      'a.json': vitestReport([{ status: 'failed', message: 'hook broke', tests: ['skipped'] }]),
    })
    expect(result.line).toBe('0 passed, 1 failed, 1 skipped')
    expect(result.output).toContain('hook broke')
  })

  it('counts a run that exited non-zero with every test passed (an unhandled error)', () => {
    const result = summarise({ 'a.json': vitestReport([{ status: 'passed', tests: ['passed'] }]), 'a.exit': '1\n' })
    expect(result.line).toBe('1 passed, 1 failed')
  })

  it('counts a step that announced its report and never wrote it', () => {
    const result = summarise({
      'expected.txt': 'build-cli.json\nvitest-e2e.json\n',
      'build-cli.json': '{"passed":1,"failed":0}',
    })
    expect(result.line).toBe('1 passed, 1 failed')
    expect(result.output).toContain('vitest-e2e.json')
  })

  it('passes only when nothing failed', () => {
    const result = summarise({ 'a.json': vitestReport([{ status: 'passed', tests: ['passed', 'passed'] }]) })
    expect(result.line).toBe('2 passed, 0 failed')
    expect(result.status).toBe(0)
  })
})
