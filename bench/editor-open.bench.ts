import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { serializeReportFile } from '../core/report-file'
import { countHan } from '../core/report-language/han'
import { nodeText } from '../core/document-model'
import { startTestHost } from '../test/e2e/host/test-host'
import { ensureRendererBuilt, launchChromium } from '../test/e2e/renderer/renderer-harness'
import { generateReport } from './generate-report'

/**
 * The editor in Chromium (built renderer, loopback test host with the real file services):
 * open a generated 100-page report to editable, keystroke-to-paint latency while typing in it,
 * and the renderer's JS heap after garbage collection.
 */
const OPEN_BUDGET_MS = 1000
const KEY_BUDGET_MS = 16
const HEAP_BUDGET_MB = 150
const OPEN_RUNS = 5
const BURSTS = 10
const KEYS_PER_BURST = 20
const KEY_GAP_MS = 60
const BURST_PAUSE_MS = 600

// WRS_RENDERER_DIR=<a built renderer folder> compares another build (e.g. an older commit's) on the same machine load.
const rendererDir = process.env.WRS_RENDERER_DIR
if (!rendererDir) ensureRendererBuilt()
// `--pages 400` (default 100): the same measurements on a longer report.
const pagesIndex = process.argv.indexOf('--pages')
const pages = pagesIndex > 0 ? Number(process.argv[pagesIndex + 1]) : 100
const report = generateReport(pages)
const han = countHan((report.doc.content ?? []).map(nodeText).join(''))
const folder = mkdtempSync(path.join(os.tmpdir(), 'wrs-bench-editor-'))
const file = path.join(folder, `report-${pages}.wrs`)
writeFileSync(file, serializeReportFile(report))
// `--draft`: the same with the draft view (no pages), to see what the page view costs on the same machine load.
const draft = process.argv.includes('--draft')
if (draft) {
  mkdirSync(path.join(folder, 'user-data'), { recursive: true })
  writeFileSync(path.join(folder, 'user-data', 'settings.json'), JSON.stringify({ view: { pageView: false } }))
}

const host = await startTestHost({
  userDataDir: path.join(folder, 'user-data'),
  ...(rendererDir ? { rendererDir } : {}),
})
const browser = await launchChromium()
try {
  const opens: number[] = []
  /** Ctrl+O → the end of the last pagination once every page is laid out (fonts loaded, as many sheets as page starts). */
  const settles: number[] = []
  // tsx keeps function names with a __name helper that page.evaluate'd code does not have.
  const newPage = async () => {
    const created = await browser.newPage({ viewport: { width: 1440, height: 900 } })
    await created.addInitScript('window.__name = (fn) => fn')
    return created
  }
  let page = await newPage()
  for (let run = 0; run < OPEN_RUNS; run++) {
    page = run === 0 ? page : await newPage()
    await page.goto(host.url)
    await page.locator('[data-testid="start-page"]').waitFor()
    host.dialogs.enqueue({ open: [file] })
    const blocks = report.doc.content!.length
    const elapsed = await page.evaluate(
      async expected => {
        const start = performance.now()
        window.dispatchEvent(new KeyboardEvent('keydown', { key: 'o', ctrlKey: true, bubbles: true }))
        await new Promise<void>(resolve => {
          const poll = () => {
            const body = document.querySelector('.report-body')
            if (body && body.getAttribute('contenteditable') === 'true' && body.childElementCount >= expected) resolve()
            else requestAnimationFrame(poll)
          }
          poll()
        })
        await new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)))
        return { elapsed: performance.now() - start, start }
      },
      Math.floor(blocks * 0.9),
    )
    opens.push(elapsed.elapsed)
    settles.push(
      await page.evaluate(async start => {
        const count = () =>
          `${document.querySelectorAll('.page-sheet').length}/${document.querySelectorAll('.report-body .page-gap, .report-body tr.page-gap-row').length}`
        let last = ''
        let same = 0
        while (same < 3) {
          await new Promise(resolve => setTimeout(resolve, 100))
          const now = count()
          const [sheets, gaps] = now.split('/').map(Number)
          const done = document.fonts.status === 'loaded' && sheets === gaps! + 1
          same = done && now === last ? same + 1 : 0
          last = now
        }
        const ends = performance.getEntriesByName('wrs-paginate').map(entry => entry.startTime + entry.duration)
        return Math.max(...ends) - start
      }, elapsed.start),
    )
    if (run < OPEN_RUNS - 1) await page.close()
  }

  interface Typing {
    /** keydown timeStamp → end of the rendering update of the first frame after the DOM change (ms). */
    toPaint: number[]
    /** keydown timeStamp → the editor's handling of the input event done (DOM read, transaction, view update). */
    handled: number[]
    /** handled → start of the first frame's rAF callbacks (waiting for the frame clock). */
    frameWait: number[]
    /** rAF callbacks → rendering update done (style, layout, pre-paint, paint, commit on the main thread). */
    frameWork: number[]
    /** Event Timing: per keystroke, the longest entry of its interaction (keydown/keypress/keyup), input → next paint presented; null = under the 16 ms reporting threshold. */
    eventTiming: (number | null)[]
    typed: boolean
  }

  const measureTyping = async (target: typeof page): Promise<Typing> => {
    // The caret goes to the end of a paragraph in the middle of the report.
    await target.evaluate(() => {
      const body = document.querySelector('.report-body')!
      const paragraphs = body.querySelectorAll(':scope > p')
      const paragraph = paragraphs[Math.floor(paragraphs.length / 2)]!
      paragraph.scrollIntoView({ block: 'center' })
      const range = document.createRange()
      range.selectNodeContents(paragraph)
      range.collapse(false)
      const selection = window.getSelection()!
      selection.removeAllRanges()
      selection.addRange(range)
      ;(body as HTMLElement).focus()
      interface Key {
        down: number
        handled?: number
        frame?: number
        painted?: number
      }
      const keys: Key[] = []
      const entries: { name: string; startTime: number; duration: number; interactionId: number }[] = []
      const longTasks: number[] = []
      Object.assign(window, { benchKeys: keys, benchEntries: entries, longTasks })
      new PerformanceObserver(list => list.getEntries().forEach(entry => longTasks.push(entry.duration))).observe({
        type: 'longtask',
      })
      new PerformanceObserver(list =>
        list.getEntries().forEach(entry => {
          const timing = entry as PerformanceEventTiming & { interactionId: number }
          entries.push({
            name: timing.name,
            startTime: timing.startTime,
            duration: timing.duration,
            interactionId: timing.interactionId,
          })
        }),
      ).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit)
      document.addEventListener('keydown', event => keys.push({ down: event.timeStamp }), true)
      // A capture listener gives a microtask checkpoint before the editor's own listeners: ProseMirror's
      // MutationObserver reads the change there. The bubble listener on window runs after all of it.
      document.addEventListener('input', () => undefined, true)
      window.addEventListener('input', () => {
        const key = keys.at(-1)
        if (!key || key.handled !== undefined) return
        key.handled = performance.now()
        requestAnimationFrame(() => {
          key.frame = performance.now()
          // A message posted from a rAF callback is delivered after that frame's rendering update.
          const channel = new MessageChannel()
          channel.port1.onmessage = () => {
            key.painted = performance.now()
            channel.port1.close()
          }
          channel.port2.postMessage(null)
        })
      })
    })
    await target.waitForTimeout(500)
    // Real key events through Chromium's input pipeline (keydown → keypress → beforeinput → input → keyup, as a
    // direct-input keyboard gives), one at a time: each waits until the page has handled the previous one
    // and its frame is out, plus a typist's pause, so no keystroke queues behind another.
    const cdp = await target.context().newCDPSession(target)
    const text = '常委会依法履职审议报告听取意见开展视察推动落实'
    for (let burst = 0; burst < BURSTS; burst++) {
      for (const character of text.slice(0, KEYS_PER_BURST)) {
        await cdp.send('Input.dispatchKeyEvent', {
          type: 'keyDown',
          key: character,
          text: character,
          unmodifiedText: character,
        })
        await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: character })
        await target.waitForTimeout(KEY_GAP_MS)
      }
      await target.waitForTimeout(BURST_PAUSE_MS)
    }
    await cdp.detach()
    await target.waitForTimeout(300)
    const result = await target.evaluate(
      expected => {
        const state = window as unknown as {
          benchKeys: { down: number; handled?: number; frame?: number; painted?: number }[]
          benchEntries: { name: string; startTime: number; duration: number; interactionId: number }[]
          longTasks: number[]
        }
        const done = state.benchKeys.filter(key => key.painted !== undefined)
        const byStart = new Map<number, number>()
        const byInteraction = new Map<number, number>()
        for (const entry of state.benchEntries) {
          if (entry.interactionId)
            byInteraction.set(
              entry.interactionId,
              Math.max(byInteraction.get(entry.interactionId) ?? 0, entry.duration),
            )
        }
        for (const entry of state.benchEntries) {
          if (entry.name === 'keydown' && entry.interactionId)
            byStart.set(Math.round(entry.startTime * 10), byInteraction.get(entry.interactionId)!)
        }
        return {
          toPaint: done.map(key => key.painted! - key.down),
          handled: done.map(key => key.handled! - key.down),
          frameWait: done.map(key => key.frame! - key.handled!),
          frameWork: done.map(key => key.painted! - key.frame!),
          eventTiming: state.benchKeys.map(key => byStart.get(Math.round(key.down * 10)) ?? null),
          keys: state.benchKeys.length,
          long: state.longTasks,
          recovery: performance.getEntriesByName('wrs-recovery').map(entry => entry.duration),
          analysis: performance.getEntriesByName('wrs-analysis').map(entry => entry.duration),
          paginate: performance.getEntriesByName('wrs-paginate').map(entry => entry.duration),
          typed: document.querySelector('.report-body')!.textContent!.includes(expected),
        }
      },
      text.slice(0, KEYS_PER_BURST),
    )
    if (result.toPaint.length !== result.keys)
      console.log(
        `    (${result.keys - result.toPaint.length} of ${result.keys} keystrokes changed no DOM and are left out)`,
      )
    const paginate = [...result.paginate].sort((a, b) => a - b)
    console.log(
      `    (page view: ${paginate.length} paginations since the report opened — the first ones lay out every page: ${paginate
        .slice(-3)
        .map(value => value.toFixed(0))
        .join(
          ', ',
        )} ms largest; median ${(paginate[Math.floor(paginate.length / 2)] ?? 0).toFixed(1)} ms, p95 ${(paginate[Math.floor(paginate.length * 0.95)] ?? 0).toFixed(1)} ms)`,
    )
    console.log(
      `    (long tasks while typing: ${result.long.length} [${result.long.map(value => value.toFixed(0)).join(', ')}] ms; recovery snapshot serialisation ${result.recovery.map(value => value.toFixed(0)).join(', ')} ms; checks ${result.analysis.map(value => value.toFixed(0)).join(', ')} ms)`,
    )
    return result
  }
  const percentile = (values: number[], fraction: number) => {
    const sorted = [...values].sort((a, b) => a - b)
    return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? NaN
  }
  const spread = (values: number[]) =>
    `median ${percentile(values, 0.5).toFixed(1)} ms, p95 ${percentile(values, 0.95).toFixed(1)} ms`
  // Event Timing reports an interaction only from 16 ms (durations rounded to 8 ms): one not reported took under 12 ms.
  const eventTimingP95 = (values: (number | null)[]) =>
    percentile(
      values.map(value => value ?? 8),
      0.95,
    )
  const describeEventTiming = (values: (number | null)[]) => {
    const reported = values.filter((value): value is number => value !== null)
    const over = reported.filter(value => value > KEY_BUDGET_MS).length
    return `p95 ${eventTimingP95(values) <= 8 ? '< 12' : eventTimingP95(values).toFixed(0)} ms; ${values.length - reported.length} of ${values.length} keystrokes under the 16 ms reporting threshold, ${over} reported over 16 ms`
  }

  const typing = await measureTyping(page)
  const analysis = await page.evaluate(() => {
    const entries = performance.getEntriesByName('wrs-analysis').map(entry => entry.duration)
    return {
      runs: entries.length,
      median: entries.sort((a, b) => a - b)[Math.floor(entries.length / 2)] ?? 0,
      findings: document.querySelectorAll('[data-testid="checks-panel"] .finding').length,
    }
  })
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('HeapProfiler.collectGarbage')
  const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number; totalSize: number }

  // The same typing in a new (two-page) report: what the machine and the frame clock cost without a big document.
  const small = await newPage()
  const smallHost = await startTestHost({
    userDataDir: path.join(folder, 'user-data-small'),
    ...(rendererDir ? { rendererDir } : {}),
  })
  await small.goto(smallHost.url)
  await small.locator('[data-testid="new-report-form"] button[type="submit"]').click()
  await small.locator('.report-body').waitFor()
  await small
    .locator('.report-body')
    .evaluate(body =>
      body.querySelector('.guidance-replace')?.dispatchEvent(new MouseEvent('click', { bubbles: true })),
    )
  const baseline = await measureTyping(small)
  await smallHost.close()

  opens.sort((a, b) => a - b)
  settles.sort((a, b) => a - b)
  const openMedian = opens[Math.floor(opens.length / 2)]!
  const p95 = percentile(typing.toPaint, 0.95)
  const eventP95 = eventTimingP95(typing.eventTiming)
  const keyWithin = p95 <= KEY_BUDGET_MS && eventP95 <= KEY_BUDGET_MS
  const heapMb = heap.usedSize / 1024 / 1024
  console.log(
    `editor in Chromium, generated ${pages}-page report: ${han} 汉字, ${report.doc.content!.length} blocks, ${draft ? 'draft view (no pages)' : 'page view'}`,
  )
  console.log(
    `  open to editable (Ctrl+O → file read by the host → editor mounted, its text painted): median ${openMedian.toFixed(0)} ms, min ${opens[0]!.toFixed(0)} ms, max ${opens.at(-1)!.toFixed(0)} ms over ${OPEN_RUNS} runs — budget ${OPEN_BUDGET_MS} ms: ${openMedian <= OPEN_BUDGET_MS ? 'within budget' : 'OVER BUDGET'}`,
  )
  console.log(
    `  open to pagination settled (Ctrl+O → the last pagination of every page, fonts loaded): median ${settles[Math.floor(settles.length / 2)]!.toFixed(0)} ms, min ${settles[0]!.toFixed(0)} ms, max ${settles.at(-1)!.toFixed(0)} ms`,
  )
  console.log(
    `  keystroke to paint, ${typing.toPaint.length} keystrokes typed one at a time (real key events; the 16 ms budget is one 60 Hz frame) — budget p95 ${KEY_BUDGET_MS} ms on both measures: ${keyWithin ? 'within budget' : 'OVER BUDGET'}${typing.typed ? '' : ' (TEXT NOT FOUND IN THE EDITOR)'}`,
  )
  console.log(
    `    keydown timeStamp → the first frame after the DOM change has been rendered (rAF + a message posted from it): ${spread(typing.toPaint)}, max ${Math.max(...typing.toPaint).toFixed(1)} ms`,
  )
  console.log(
    `      = input handled (keydown → keypress → input, Chromium's text insertion and the editor's transaction): ${spread(typing.handled)}`,
  )
  console.log(`      + waiting for the frame clock (handled → rAF): ${spread(typing.frameWait)}`)
  console.log(`      + rendering the frame (rAF → style, layout, paint, commit done): ${spread(typing.frameWork)}`)
  console.log(
    `    Event Timing API (keydown/keypress/keyup interaction, input → next paint presented, as the browser reports it): ${describeEventTiming(typing.eventTiming)}`,
  )
  console.log(
    `  same typing in a new 2-page report (baseline: the machine and the frame clock without a big document): to paint ${spread(baseline.toPaint)}; handled ${spread(baseline.handled)}; frame wait ${spread(baseline.frameWait)}; frame ${spread(baseline.frameWork)}; Event Timing ${describeEventTiming(baseline.eventTiming)}`,
  )
  console.log(
    `  JS heap after GC: ${heapMb.toFixed(1)} MB used (${(heap.totalSize / 1024 / 1024).toFixed(1)} MB allocated) — budget ${HEAP_BUDGET_MB} MB: ${heapMb <= HEAP_BUDGET_MB ? 'within budget' : 'OVER BUDGET'}`,
  )
  console.log(
    `  debounced checks + structure + counts (off the keystroke path, ${analysis.runs} runs): median ${analysis.median.toFixed(0)} ms for ${analysis.findings} findings`,
  )
  console.log(`  machine: ${os.cpus().length} cores, load average ${os.loadavg()[0]!.toFixed(1)}`)
} finally {
  await browser.close()
  await host.close()
}
