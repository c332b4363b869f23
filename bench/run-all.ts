import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import path from 'node:path'

/**
 * Runs every bench/*.bench.ts in turn (each in its own Node process, so one cannot warm up the next).
 * Arguments, if any, keep only the benches whose file name contains one of them (`run-all.ts check docx`).
 */
const filters = process.argv.slice(2)
const directory = import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname)
const benches = readdirSync(directory)
  .filter(name => name.endsWith('.bench.ts'))
  .filter(name => filters.length === 0 || filters.some(filter => name.includes(filter)))
  .sort()
let failed = 0
for (const name of benches) {
  console.log(`\n== ${name}`)
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(directory, name)], { stdio: 'inherit' })
  if (result.status !== 0) {
    failed++
    console.log(`(${name} exited with ${result.status ?? result.signal})`)
  }
}
console.log(`\n${benches.length} benchmarks run${failed ? `, ${failed} failed` : ''}.`)
process.exitCode = failed ? 1 : 0
