import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { runChecks } from '../core/checks/run-checks'
import { buildDocx } from '../core/export/docx/build-docx'
import { buildPrintHtml } from '../core/export/print-html/build-print-html'
import { planFonts } from '../core/export/print-html/font-plan'
import { serializeReportFile } from '../core/report-file'
import { countPdfPages } from '../main/export/count-pdf-pages'
import { installedFontFamilies } from '../main/export/installed-fonts'
import { windowPdfRenderer } from '../main/export/window-printing'
import { chromiumPrintWindows } from './chromium-print-window'
import { generateReport } from './generate-report'
import { reportMarkdown } from './report-markdown'
import { alternate, failures, loadAverage, median, timeProcess, type ProcessTiming } from './time-process'

/**
 * Whole processes, ours and the peer alike, alternating, medians of CPU and wall time, at 25/100/400 pages (issue 17):
 *   wrs export --docx      vs pandoc md→docx (same text)
 *   wrs import X.docx      vs pandoc docx→markdown
 *   wrs export --pdf       vs LibreOffice DOCX→PDF (warm profile: its first start is run before measuring)
 *   wrs export ×10 --pdf-dir vs LibreOffice converting the same 10 DOCX in one call
 *   wrs check, and each command's start-up beside `node -e 0`
 * plus, labelled in-process: the app's PDF in a warm browser page (the app keeps its print window) and the checks.
 * `npm run bench [-- --runs 5 --sizes 25,100,400 --only docx,import,pdf,batch,check,startup,app]`
 */
const argument = (name: string, fallback: string): string => {
  const index = process.argv.indexOf(`--${name}`)
  return index > 0 ? process.argv[index + 1]! : fallback
}
const runs = Number(argument('runs', '5'))
const sizes = argument('sizes', '25,100,400').split(',').map(Number)
const only = new Set(argument('only', 'startup,check,docx,import,pdf,batch,app').split(','))

const repo = path.resolve(import.meta.dirname ?? '.', '..')
const wrs = path.join(repo, 'out', 'cli', 'wrs.cjs')
const work = mkdtempSync(path.join(os.tmpdir(), 'wrs-bench-'))
const loProfile = `file://${path.join(work, 'lo-profile')}`

interface Row {
  work: string
  pages: number | string
  ours: ProcessTiming[]
  peerName?: string
  peer?: ProcessTiming[]
  budget?: { ratio?: number; ms?: number }
  note?: string
}
const rows: Row[] = []

const node =
  (...args: string[]) =>
  () =>
    timeProcess(process.execPath, args, work)
const soffice =
  (...args: string[]) =>
  () =>
    timeProcess('soffice', [`-env:UserInstallation=${loProfile}`, '--headless', '--norestore', ...args], work)
const pandoc =
  (...args: string[]) =>
  () =>
    timeProcess('pandoc', args, work)

function setUp(): void {
  execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: repo, stdio: 'inherit' })
}

async function writeInputs(pages: number): Promise<void> {
  const report = generateReport(pages)
  writeFileSync(path.join(work, `r${pages}.wrs`), serializeReportFile(report))
  writeFileSync(path.join(work, `r${pages}.md`), reportMarkdown(report))
  writeFileSync(path.join(work, `r${pages}.docx`), await buildDocx(report, { draftLabel: null }))
}

function print(): void {
  const ms = (value: number) => (value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(0)} ms`)
  const lines = [
    `| work | pages | ours (wall, median) | ours CPU | peer | peer (wall, median) | peer CPU | ratio ours/peer | budget |`,
    `|---|---|---|---|---|---|---|---|---|`,
  ]
  for (const row of rows) {
    const oursWall = median(row.ours.map(timing => timing.wallMs))
    const oursCpu = median(row.ours.map(timing => timing.cpuMs))
    const peerWall = row.peer?.length ? median(row.peer.map(timing => timing.wallMs)) : undefined
    const peerCpu = row.peer?.length ? median(row.peer.map(timing => timing.cpuMs)) : undefined
    const ratio = peerWall ? oursWall / peerWall : undefined
    let budget = ''
    if (row.budget?.ratio !== undefined && ratio !== undefined)
      budget = `≤ ${row.budget.ratio.toFixed(1)}× ${ratio <= row.budget.ratio ? 'met' : '**not met**'}`
    if (row.budget?.ms !== undefined)
      budget = `≤ ${ms(row.budget.ms)} ${oursWall <= row.budget.ms ? 'met' : '**not met**'}`
    lines.push(
      `| ${row.work}${row.note ? ` (${row.note})` : ''} | ${row.pages} | ${ms(oursWall)} | ${Number.isNaN(oursCpu) ? '—' : ms(oursCpu)} | ${row.peerName ?? '—'} | ${peerWall !== undefined ? ms(peerWall) : '—'} | ${peerCpu !== undefined ? ms(peerCpu) : '—'} | ${ratio !== undefined ? `${ratio.toFixed(2)}×` : '—'} | ${budget || '—'} |`,
    )
  }
  // Growth from one size to the next (4× the pages each step): linear costs grow ≈ 4×, start-up makes it less.
  const growth: string[] = []
  for (const name of new Set(rows.map(row => row.work))) {
    const bySize = rows.filter(row => row.work === name && typeof row.pages === 'number')
    if (bySize.length < 2) continue
    const steps = bySize.slice(1).map((row, index) => {
      const before = bySize[index]!
      const ours = median(row.ours.map(timing => timing.wallMs)) / median(before.ours.map(timing => timing.wallMs))
      const peer =
        row.peer?.length && before.peer?.length
          ? median(row.peer.map(timing => timing.wallMs)) / median(before.peer.map(timing => timing.wallMs))
          : undefined
      return `${before.pages}→${row.pages}: ours ×${ours.toFixed(2)}${peer ? `, peer ×${peer.toFixed(2)}` : ''}`
    })
    growth.push(`- ${name}: ${steps.join('; ')}`)
  }
  console.log(`\n${lines.join('\n')}\n`)
  if (growth.length) console.log(`Growth per step (pages ×4):\n${growth.join('\n')}\n`)
  if (failures.length)
    console.log(`Failed runs, each retried once:\n${failures.map(failure => `- ${failure}`).join('\n')}\n`)
  console.log(
    `${runs} alternating runs per cell after one unmeasured run of each; ${os.cpus().length} cores; load average at the end ${loadAverage()}; node ${process.version}.`,
  )
}

async function main(): Promise<void> {
  setUp()
  console.log(`load average at the start ${loadAverage()}; working in ${work}`)
  for (const pages of sizes) await writeInputs(pages)

  if (only.has('startup')) {
    const baseline = alternate(runs, node('-e', '0'))
    rows.push({ work: '`node -e 0` (Node start-up alone)', pages: '—', ours: baseline.ours })
    // Each command without arguments: the launcher, its bundle loaded and compiled, the usage error (exit 2).
    const help = alternate(runs, node(wrs, '--help'))
    rows.push({ work: '`wrs --help`', pages: '—', ours: help.ours, note: 'start-up' })
    for (const name of ['new', 'import', 'check', 'export', 'rollforward']) {
      const timing = alternate(runs, () => timeProcess(process.execPath, [wrs, name], work, 2))
      rows.push({ work: `\`wrs ${name}\` (no arguments)`, pages: '—', ours: timing.ours, note: 'start-up' })
    }
  }

  for (const pages of sizes) {
    const wrsFile = `r${pages}.wrs`
    if (only.has('check')) {
      // The generated report has no errors, so wrs check exits 0; any other exit is a failure.
      const timing = alternate(runs, node(wrs, 'check', wrsFile))
      rows.push({ work: '`wrs check`', pages, ours: timing.ours })
    }
    if (only.has('docx')) {
      const timing = alternate(
        runs,
        node(wrs, 'export', wrsFile, '--docx', `o${pages}.docx`),
        pandoc('-f', 'markdown', '-t', 'docx', '-o', `p${pages}.docx`, `r${pages}.md`),
      )
      rows.push({
        work: '`wrs export --docx`',
        pages,
        ours: timing.ours,
        peerName: 'pandoc md→docx',
        peer: timing.peer,
        budget: { ratio: 1 },
      })
    }
    if (only.has('import')) {
      const timing = alternate(
        runs,
        node(wrs, 'import', `r${pages}.docx`, '-o', `i${pages}.wrs`, '--force'),
        pandoc('-f', 'docx', '-t', 'markdown', '-o', `i${pages}.md`, `r${pages}.docx`),
      )
      rows.push({
        work: '`wrs import X.docx`',
        pages,
        ours: timing.ours,
        peerName: 'pandoc docx→markdown',
        peer: timing.peer,
        budget: { ratio: 1.5 },
      })
    }
    if (only.has('pdf')) {
      mkdirSync(path.join(work, 'lo'), { recursive: true })
      const pdfRuns = Math.max(3, Math.min(runs, pages >= 400 ? 3 : runs))
      const timing = alternate(
        pdfRuns,
        node(wrs, 'export', wrsFile, '--pdf', `o${pages}.pdf`),
        soffice('--convert-to', 'pdf', '--outdir', 'lo', `r${pages}.docx`),
      )
      rows.push({
        work: '`wrs export --pdf`',
        note: 'ours CPU without Chromium’s renderers',
        pages,
        ours: timing.ours,
        peerName: 'LibreOffice DOCX→PDF',
        peer: timing.peer,
        budget: { ratio: 1 },
      })
    }
  }

  if (only.has('batch')) {
    const names = Array.from({ length: 10 }, (_, index) => `batch-${index + 1}`)
    for (const name of names) {
      copyFileSync(path.join(work, 'r100.wrs'), path.join(work, `${name}.wrs`))
      copyFileSync(path.join(work, 'r100.docx'), path.join(work, `${name}.docx`))
    }
    const timing = alternate(
      3,
      node(wrs, 'export', ...names.map(name => `${name}.wrs`), '--pdf-dir', 'batch-ours'),
      soffice('--convert-to', 'pdf', '--outdir', 'batch-lo', ...names.map(name => `${name}.docx`)),
    )
    rows.push({
      work: '10 reports → PDF in one call',
      note: 'ours CPU without Chromium’s renderers',
      pages: '10 × 100',
      ours: timing.ours,
      peerName: 'LibreOffice, 10 DOCX in one call',
      peer: timing.peer,
      budget: { ratio: 0.5 },
    })
  }

  if (only.has('app')) {
    // In-process figures, labelled as such: the app's export path itself (main/export/window-printing.ts, a warm
    // hidden window made when the app's window is up) with a Chromium page standing in for the Electron window.
    const report = generateReport(100)
    const windows = await chromiumPrintWindows()
    const render = windowPdfRenderer(windows.make)
    try {
      await render.warm()
      const fonts = planFonts(await installedFontFamilies())
      const once = async (): Promise<ProcessTiming> => {
        const start = performance.now()
        const pdf = await render(buildPrintHtml(report, { draftLabel: null, fonts }))
        if (countPdfPages(pdf) < 100) throw new Error('short PDF')
        return { wallMs: performance.now() - start, cpuMs: NaN }
      }
      const first = await once()
      const timings: ProcessTiming[] = []
      for (let run = 0; run < runs; run++) timings.push(await once())
      rows.push({
        work: 'PDF export in the app, first after start (warmed window)',
        pages: 100,
        ours: [first],
        budget: { ms: 1000 },
        note: 'in-process, Chromium page as the window',
      })
      rows.push({
        work: 'PDF export in the app, later ones',
        pages: 100,
        ours: timings,
        budget: { ms: 1000 },
        note: 'in-process, Chromium page as the window',
      })
    } finally {
      await render.dispose()
      await windows.close()
    }
    const checks: ProcessTiming[] = []
    for (let run = 0; run < 30; run++) {
      const start = performance.now()
      runChecks(report)
      checks.push({ wallMs: performance.now() - start, cpuMs: NaN })
    }
    rows.push({
      work: 'checks, structure + text',
      pages: 100,
      ours: checks.slice(10),
      budget: { ms: 10 },
      note: 'in-process, warm',
    })
  }
  print()
}

main()
  .catch(error => {
    console.error(error)
    process.exitCode = 1
  })
  .finally(() => rmSync(work, { recursive: true, force: true }))
