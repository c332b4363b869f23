import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { buildPrintHtml } from '../core/export/print-html/build-print-html'
import { planFonts } from '../core/export/print-html/font-plan'
import { installedFontFamilies } from '../main/export/installed-fonts'
import { generateReport } from './generate-report'
import { loadAverage, median } from './time-process'

/**
 * The CLI's PDF driver, measured before choosing it (issue 17): a fresh process prints the 100-page report's print
 * HTML with playwright-core (load it, launch, new context and page, setContent, page.pdf, close) or with our
 * DevTools-pipe driver (main/export/pdf-printer.ts), alternating, `--runs N` each (default 5).
 */
const runsIndex = process.argv.indexOf('--runs')
const runs = runsIndex > 0 ? Number(process.argv[runsIndex + 1]) : 5
const work = mkdtempSync(path.join(os.tmpdir(), 'wrs-pdf-driver-'))
const htmlFile = path.join(work, 'report.html')
writeFileSync(
  htmlFile,
  buildPrintHtml(generateReport(100), { draftLabel: null, fonts: planFonts(await installedFontFamilies()) }),
)
const child = path.join(import.meta.dirname ?? 'bench', 'pdf-driver-child.ts')

const results: Record<string, { wall: number[]; phases: Array<Record<string, number>> }> = {
  pipe: { wall: [], phases: [] },
  playwright: { wall: [], phases: [] },
}
const once = (driver: string) => {
  const start = performance.now()
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', child, driver, htmlFile, path.join(work, `${driver}.pdf`)],
    {
      encoding: 'utf8',
    },
  )
  const wall = performance.now() - start
  if (run.status !== 0) throw new Error(`${driver}: ${run.stderr}`)
  return { wall, phases: JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Record<string, number> }
}
console.log(`load average at the start ${loadAverage()}`)
once('pipe')
once('playwright')
for (let run = 0; run < runs; run++) {
  for (const driver of run % 2 ? ['playwright', 'pipe'] : ['pipe', 'playwright']) {
    const { wall, phases } = once(driver)
    results[driver]!.wall.push(wall)
    results[driver]!.phases.push(phases)
  }
}
for (const [driver, { wall, phases }] of Object.entries(results)) {
  const names = Object.keys(phases[0]!)
  console.log(
    `${driver.padEnd(10)} whole process median ${median(wall).toFixed(0)} ms; ${names.map(name => `${name} ${median(phases.map(phase => phase[name]!)).toFixed(0)} ms`).join(', ')}`,
  )
}
console.log(
  `ratio pipe/playwright ${(median(results.pipe!.wall) / median(results.playwright!.wall)).toFixed(2)} over ${runs} alternating runs each (tsx start-up included in both); load average at the end ${loadAverage()}`,
)
rmSync(work, { recursive: true, force: true })
