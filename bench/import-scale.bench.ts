import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { buildDocx } from '../core/export/docx/build-docx'
import { countTextParagraphs } from '../core/import/import-limits'
import { importReportFile } from '../main/services/import-service'
import { generateReport } from './generate-report'
import { reportMarkdown } from './report-markdown'

/**
 * Import of the generated 100-page report at 1×, 4× and 16× its size, as Markdown and as the DOCX our own export
 * writes: the import itself in this process (read, decode or unzip, mammoth, structure analysis; best of three),
 * and wall time and peak memory (max RSS) of a whole `wrs import` process (best of two), each with its ratio to
 * the previous size. A ratio near 4 per step is linear; the process figures include Node's start-up and fixed
 * ~70 MB, so their ratios are smaller. `node --import tsx bench/import-scale.bench.ts [scales…]`.
 */
const root = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '..')
const cli = path.join(root, 'out/cli/wrs.cjs')
if (!existsSync(cli)) spawnSync('npm', ['run', '--silent', 'build:cli'], { cwd: root, stdio: 'inherit' })
const scales = process.argv.slice(2).map(Number).filter(Boolean)
const folder = mkdtempSync(path.join(tmpdir(), 'wrs-import-scale-'))

function importOnce(file: string): { seconds: number; peakMb: number } {
  const out = path.join(folder, `out-${path.basename(file)}.wrs`)
  rmSync(out, { force: true })
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, cli, 'import', file, '-o', out], {
    encoding: 'utf8',
  })
  if (result.status !== 0) throw new Error(`wrs import ${file} exited with ${result.status}: ${result.stderr}`)
  const [seconds, kilobytes] = result.stderr.trim().split('\n').at(-1)!.split(' ').map(Number)
  return { seconds: seconds!, peakMb: kilobytes! / 1024 }
}

const rows: string[] = []
const previous: Record<string, { ms: number; seconds: number; peakMb: number }> = {}
try {
  for (const scale of scales.length ? scales : [1, 4, 16]) {
    const report = generateReport(100 * scale)
    const markdown = reportMarkdown(report)
    const files = {
      md: path.join(folder, `report-${scale}x.md`),
      docx: path.join(folder, `report-${scale}x.docx`),
    }
    writeFileSync(files.md, markdown)
    writeFileSync(files.docx, await buildDocx(report, { draftLabel: null }))
    const paragraphs = countTextParagraphs(markdown)
    for (const [format, file] of Object.entries(files)) {
      let inProcess = Infinity
      for (let run = 0; run < 3; run++) {
        const start = performance.now()
        const result = await importReportFile(file)
        if (!result.ok) throw new Error(result.message)
        inProcess = Math.min(inProcess, performance.now() - start)
      }
      const runs = [importOnce(file), importOnce(file)]
      const best = {
        ms: inProcess,
        seconds: Math.min(...runs.map(run => run.seconds)),
        peakMb: Math.min(...runs.map(run => run.peakMb)),
      }
      const last = previous[format]
      const ratio = (now: number, before: number | undefined) => (before ? `×${(now / before).toFixed(1)}` : '')
      rows.push(
        `| ${format.padEnd(4)} | ${`${scale}×`.padStart(3)} | ${String(paragraphs).padStart(6)} | ${(statSync(file).size / 1024).toFixed(0).padStart(6)} KB | ${best.ms.toFixed(0).padStart(6)} ms | ${ratio(best.ms, last?.ms).padStart(5)} | ${best.seconds.toFixed(2).padStart(6)} s | ${ratio(best.seconds, last?.seconds).padStart(5)} | ${best.peakMb.toFixed(0).padStart(5)} MB | ${ratio(best.peakMb, last?.peakMb).padStart(5)} |`,
      )
      previous[format] = best
    }
  }
} finally {
  rmSync(folder, { recursive: true, force: true })
}
console.log('| file | size | paragraphs | file size | import | ratio | wrs import | ratio | peak memory | ratio |')
console.log('| ---- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
for (const row of rows) console.log(row)
