import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { serializeReportFile } from '../core/report-file'
import { startTestHost } from '../test/e2e/host/test-host'
import { ensureRendererBuilt, launchChromium } from '../test/e2e/renderer/renderer-harness'
import { generateReport } from './generate-report'

/**
 * Where a keystroke's time goes in the editor (the companion of editor-open.bench.ts, which times it): 60 keys typed
 * into the middle of a generated report with a Chromium trace and a CPU profile running, then per keystroke the
 * renderer main thread's time by trace event (self time: Blink's text insertion, its selection sync, layout, paint,
 * script) and the JavaScript functions with the most self time.
 *   node --import tsx bench/editor-keystroke-profile.ts [--pages 400]
 * For readable function names, build the renderer without minifying and point WRS_RENDERER_DIR at it:
 *   NODE_ENV=production npx vite build --config vite.renderer.config.ts --minify false --outDir /tmp/renderer-dev
 */
const KEYS = 60
const rendererDir = process.env.WRS_RENDERER_DIR
if (!rendererDir) ensureRendererBuilt()
const pagesIndex = process.argv.indexOf('--pages')
const pages = pagesIndex > 0 ? Number(process.argv[pagesIndex + 1]) : 400
const folder = mkdtempSync(path.join(os.tmpdir(), 'wrs-keystroke-profile-'))
const file = path.join(folder, `report-${pages}.wrs`)
writeFileSync(file, serializeReportFile(generateReport(pages)))

interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  /** Thread (CPU) time of the event, µs. */
  tdur?: number
  tid: number
}
interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}

const host = await startTestHost({
  userDataDir: path.join(folder, 'user-data'),
  ...(rendererDir ? { rendererDir } : {}),
})
const browser = await launchChromium()
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } })
  await page.addInitScript('window.__name = (fn) => fn')
  await page.goto(host.url)
  await page.locator('[data-testid="start-page"]').waitFor()
  host.dialogs.enqueue({ open: [file] })
  await page.evaluate(() =>
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'o', ctrlKey: true, bubbles: true })),
  )
  await page.waitForFunction(() => document.querySelector('.report-body')?.getAttribute('contenteditable') === 'true')
  await page.waitForTimeout(1500)
  await page.evaluate(() => {
    const body = document.querySelector('.report-body') as HTMLElement
    const paragraphs = body.querySelectorAll(':scope > p')
    const paragraph = paragraphs[Math.floor(paragraphs.length / 2)]!
    paragraph.scrollIntoView({ block: 'center' })
    const range = document.createRange()
    range.selectNodeContents(paragraph)
    range.collapse(false)
    window.getSelection()!.removeAllRanges()
    window.getSelection()!.addRange(range)
    body.focus()
  })
  const tracePath = path.join(folder, 'keys.trace.json')
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
  await cdp.send('Profiler.start')
  await browser.startTracing(page, {
    path: tracePath,
    categories: ['devtools.timeline', 'blink', 'disabled-by-default-devtools.timeline'],
  })
  const text = '常委会依法履职审议报告听取意见开展视察推动落实'
  for (let key = 0; key < KEYS; key++) {
    const character = text[key % text.length]!
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: character, text: character })
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: character })
    await page.waitForTimeout(60)
  }
  await browser.stopTracing()
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }
  }

  const profilePath = path.join(folder, 'keys.cpuprofile')
  writeFileSync(profilePath, JSON.stringify(profile))
  console.log(`trace ${tracePath}, CPU profile ${profilePath} (both open in Chromium's DevTools)`)

  // Trace: self time per event name on the thread that inserted the text (the renderer's main thread).
  const trace = JSON.parse(readFileSync(tracePath, 'utf8')) as { traceEvents: TraceEvent[] }
  const mainThread = trace.traceEvents.find(event => event.name === 'TypingCommand::InsertText')?.tid
  const complete = trace.traceEvents
    .filter(event => event.tid === mainThread && event.ph === 'X' && event.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)
  const self = new Map<string, number>()
  const open: TraceEvent[] = []
  for (const event of complete) {
    while (open.length && open.at(-1)!.ts + open.at(-1)!.dur! <= event.ts) open.pop()
    const parent = open.at(-1)
    if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - event.dur!)
    self.set(event.name, (self.get(event.name) ?? 0) + event.dur!)
    open.push(event)
  }
  const keys = complete.filter(event => event.name === 'TypingCommand::InsertText').length
  // CPU time of the main thread's tasks while typing: wall times swing with the machine's load, this much less.
  let cpu = 0
  let wall = 0
  let end = 0
  for (const event of complete) {
    if (event.ts < end) continue
    end = event.ts + event.dur!
    cpu += event.tdur ?? event.dur!
    wall += event.dur!
  }
  console.log(
    `${pages} pages, ${keys} keystrokes traced; renderer main thread busy ${(wall / 1000 / keys).toFixed(2)} ms a keystroke (wall), ${(cpu / 1000 / keys).toFixed(2)} ms of it CPU (thread time; load average ${os.loadavg()[0]!.toFixed(1)})`,
  )
  console.log('renderer main thread, ms per keystroke (self time):')
  for (const [name, micros] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 14))
    console.log(`  ${(micros / 1000 / keys).toFixed(2).padStart(6)}  ${name}`)

  // CPU profile: JavaScript self time per function (and V8's own entries: program, GC, idle).
  const byId = new Map(profile.nodes.map(node => [node.id, node]))
  const functions = new Map<string, number>()
  profile.samples.forEach((id, index) => {
    const frame = byId.get(id)!.callFrame
    const name = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber}`
    functions.set(name, (functions.get(name) ?? 0) + (profile.timeDeltas[index] ?? 0))
  })
  console.log('JavaScript, ms per keystroke (self time):')
  for (const [name, micros] of [...functions]
    .filter(([name]) => !name.startsWith('(idle)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 16))
    console.log(`  ${(micros / 1000 / keys).toFixed(2).padStart(6)}  ${name}`)

  // Inclusive time: each sample counts once for every distinct function on its stack (who the self time is spent for).
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const inclusive = new Map<string, number>()
  const nameOf = (node: ProfileNode) =>
    `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}`
  profile.samples.forEach((id, index) => {
    const seen = new Set<string>()
    for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
      const name = nameOf(byId.get(node)!)
      if (seen.has(name)) continue
      seen.add(name)
      inclusive.set(name, (inclusive.get(name) ?? 0) + (profile.timeDeltas[index] ?? 0))
    }
  })
  console.log('JavaScript, ms per keystroke (inclusive: the function and what it calls):')
  for (const [name, micros] of [...inclusive]
    .filter(([name]) => !name.startsWith('(') && !name.startsWith('(anonymous) :'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, 40))
    console.log(`  ${(micros / 1000 / keys).toFixed(2).padStart(6)}  ${name}`)
} finally {
  await browser.close()
  await host.close()
}
