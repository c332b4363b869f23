import { fork, spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { CollabRoot, partRootName } from '../core/collab/report-roots'
import { serializeReportFile } from '../core/report-file'
import { runWrs } from '../test/helpers/run-wrs'
import { addMember, connect, killAll, share, startServer, waitFor } from '../test/integration/collab/collab-harness'
import { generateReport } from './generate-report'

/**
 * Load on one shared report: N simulated clients (editors of the offices the parts are assigned to, each on its own
 * WebSocket) type into their part at about `rate` characters a second for `seconds`, on loopback. Latency is edit →
 * the same characters arriving at an observing client (through the server's rights check, the SQLite log with its
 * fsync, Hocuspocus' apply and broadcast). The server is its own process (`wrs serve`); its CPU and RSS are read from
 * /proc. Then a short matrix (report size × client count) shows what grows with what.
 *
 *   node --import tsx bench/collab-load.bench.ts [--seconds 60] [--clients 50] [--pages 100] [--rate 4] [--no-matrix]
 */

const BUDGET_P95_MS = 100
const CLIENTS_PER_WORKER = 10
const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(name)
  return index >= 0 ? Number(process.argv[index + 1]) : fallback
}

interface RunResult {
  clients: number
  pages: number
  seconds: number
  sent: number
  delivered: number
  p50: number
  p95: number
  p99: number
  max: number
  cpuPercent: number
  cpuMsPerUpdate: number
  rssStartMb: number
  rssMaxMb: number
  storedKb: number
  converged: boolean
}

const ticksPerSecond = 100 // Linux USER_HZ
function processCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond
}
function processRssMb(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return match ? Number(match[1]) / 1024 : 0
}
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN

/** The XmlText of the body paragraphs of a part, for typing into. */
function paragraphsOf(doc: Y.Doc, partId: string): Y.XmlText[] {
  return doc
    .getXmlFragment(partRootName(partId))
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'paragraph')
    .map(node => node.get(0))
    .filter((node): node is Y.XmlText => node instanceof Y.XmlText)
}

async function run(clientCount: number, pages: number, seconds: number, rate: number): Promise<RunResult> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'wrs-collab-bench-'))
  try {
    const owner = await addMember(dataDir, '张三', '研究室', 'owner')
    const server = await startServer({ dataDir, bundle: true })
    const pid = server.child.pid!
    const reportFile = path.join(dataDir, 'report.wrs')
    writeFileSync(reportFile, serializeReportFile(generateReport(pages)))
    const report = await share(server.url, owner, reportFile)

    const observer = await connect({ url: server.wsUrl, token: owner, report })
    const partIds = observer.doc.getArray<string>(CollabRoot.parts).toArray()
    for (let part = 0; part < partIds.length; part++) {
      const assigned = await runWrs(
        [
          'assign',
          '--server',
          server.url,
          '--token',
          owner,
          '--report',
          report,
          '--part',
          String(part + 1),
          '--office',
          `处室${part + 1}`,
        ],
        dataDir,
      )
      if (assigned.code !== 0) throw new Error(assigned.err)
    }
    // Clients run in worker processes (10 each), as they would on their own machines; the observer stays here.
    const tokens: Array<{ token: string; part: string; paragraph: number }> = []
    for (let k = 0; k < clientCount; k++) {
      const part = k % partIds.length
      tokens.push({
        token: await addMember(dataDir, `编辑${k + 1}`, `处室${part + 1}`),
        part: partIds[part]!,
        paragraph: Math.floor(k / partIds.length),
      })
    }
    const sentAt = new Map<string, number>()
    const latencies: number[] = []
    const arrivedAt = new Map<string, number>()
    const record = (key: string, at: number) => {
      const arrived = arrivedAt.get(key)
      if (arrived !== undefined) {
        latencies.push(arrived - at)
        arrivedAt.delete(key)
      } else sentAt.set(key, at)
    }
    observer.doc.on('update', (update: Uint8Array) => {
      const now = performance.timeOrigin + performance.now()
      for (const struct of Y.decodeUpdate(update).structs) {
        for (let clock = struct.id.clock; clock < struct.id.clock + struct.length; clock++) {
          const key = `${struct.id.client}:${clock}`
          const at = sentAt.get(key)
          if (at !== undefined) {
            latencies.push(now - at)
            sentAt.delete(key)
          } else arrivedAt.set(key, now)
        }
      }
    })
    const workers = []
    for (let first = 0; first < tokens.length; first += CLIENTS_PER_WORKER) {
      const worker = fork(fileURLToPath(import.meta.url), ['--worker'], {
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      })
      workers.push(worker)
      worker.on('message', (message: { sent?: [string, number][]; ready?: boolean }) => {
        for (const [key, at] of message.sent ?? []) record(key, at)
      })
      worker.send({
        url: server.wsUrl,
        report,
        rate,
        seconds,
        state: Buffer.from(Y.encodeStateAsUpdate(observer.doc)).toString('base64'),
        clients: tokens.slice(first, first + CLIENTS_PER_WORKER),
      })
    }
    await Promise.all(workers.map(worker => new Promise(resolve => worker.once('message', resolve))))

    const cpuStart = processCpuMs(pid)
    const rssStart = processRssMb(pid)
    let rssMax = rssStart
    const sampler = setInterval(() => (rssMax = Math.max(rssMax, processRssMb(pid))), 1000)
    const started = performance.now()
    for (const worker of workers) worker.send({ start: true })
    const sentCounts = await Promise.all(
      workers.map(
        worker =>
          new Promise<number>(resolve =>
            worker.on('message', (message: { done?: number }) => message.done !== undefined && resolve(message.done)),
          ),
      ),
    )
    const sent = sentCounts.reduce((sum, count) => sum + count, 0)
    const wall = performance.now() - started
    await waitFor(() => sentAt.size === 0, 'every edit to arrive', 30_000).catch(() => undefined)
    clearInterval(sampler)
    const cpu = processCpuMs(pid) - cpuStart
    // The observer and a client connecting now hold the same report.
    const fresh = await connect({ url: server.wsUrl, token: owner, report })
    const converged = partIds.every(
      id =>
        JSON.stringify(fresh.doc.getXmlFragment(partRootName(id)).toJSON()) ===
        JSON.stringify(observer.doc.getXmlFragment(partRootName(id)).toJSON()),
    )
    fresh.destroy()
    for (const worker of workers) worker.kill()

    observer.destroy()
    await server.kill('SIGTERM')
    const storedKb =
      readdirSync(dataDir)
        .filter(name => name.startsWith('wrs-collab.sqlite'))
        .reduce((sum, name) => sum + statSync(path.join(dataDir, name)).size, 0) / 1024
    latencies.sort((a, b) => a - b)
    return {
      clients: clientCount,
      pages,
      seconds,
      sent,
      delivered: latencies.length,
      p50: percentile(latencies, 0.5),
      p95: percentile(latencies, 0.95),
      p99: percentile(latencies, 0.99),
      max: latencies.at(-1) ?? NaN,
      cpuPercent: (cpu / wall) * 100,
      cpuMsPerUpdate: cpu / Math.max(1, sent),
      rssStartMb: rssStart,
      rssMaxMb: rssMax,
      storedKb,
      converged,
    }
  } finally {
    killAll()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

function line(result: RunResult): string {
  return (
    `${String(result.clients).padStart(3)} clients, ${String(result.pages).padStart(3)} pages, ${result.seconds} s: ` +
    `${result.sent} edits (${(result.sent / result.seconds).toFixed(0)}/s), ${result.delivered} arrived; ` +
    `latency p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, max ${result.max.toFixed(0)} ms; ` +
    `server CPU ${result.cpuPercent.toFixed(0)} % (${result.cpuMsPerUpdate.toFixed(2)} ms/edit), ` +
    `RSS ${result.rssStartMb.toFixed(0)} → max ${result.rssMaxMb.toFixed(0)} MB, stored ${result.storedKb.toFixed(0)} kB` +
    (result.converged ? '' : '; CLIENTS DID NOT CONVERGE')
  )
}

/** Hocuspocus framing: [document name][message type][…]. */
function frame(report: string, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, report)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/**
 * A worker process with its share of the typing clients. They are thin: a WebSocket that authenticates and sends the
 * Yjs updates of its own document, and drops what the server broadcasts — the server does all its work (rights check,
 * log, apply, broadcast to every socket), but 50 editors' worth of applying each other's edits does not run on this
 * machine's two cores. The observer in the parent is a full client.
 */
async function worker(): Promise<void> {
  const config = await new Promise<{
    url: string
    report: string
    rate: number
    seconds: number
    state: string
    clients: Array<{ token: string; part: string; paragraph: number }>
  }>(resolve => process.once('message', resolve as never))
  const initial = Buffer.from(config.state, 'base64')
  const clients = await Promise.all(
    config.clients.map(async entry => {
      const doc = new Y.Doc()
      Y.applyUpdate(doc, initial)
      const socket = new WebSocket(config.url)
      await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject))
      socket.on('message', () => undefined)
      socket.send(
        frame(config.report, encoder => {
          encoding.writeVarUint(encoder, 2) // Auth
          encoding.writeVarUint(encoder, 0) // Token
          encoding.writeVarString(encoder, entry.token)
        }),
      )
      doc.on('update', (update: Uint8Array) =>
        socket.send(
          frame(config.report, encoder => {
            encoding.writeVarUint(encoder, 0) // Sync
            encoding.writeVarUint(encoder, 2) // Update
            encoding.writeVarUint8Array(encoder, update)
          }),
        ),
      )
      return { ...entry, doc, socket }
    }),
  )
  process.send!({ ready: true })
  await new Promise(resolve => process.once('message', resolve))
  let sent = 0
  let typing = true
  const batch: [string, number][] = []
  const flusher = setInterval(() => batch.length && process.send!({ sent: batch.splice(0) }), 50)
  const typists = clients.map(async ({ doc, part, paragraph }, index) => {
    await new Promise(resolve => setTimeout(resolve, (index * 1000) / config.rate / clients.length))
    while (typing) {
      const targets = paragraphsOf(doc, part)
      const target = targets[paragraph % targets.length]!
      const clock = Y.getState(doc.store, doc.clientID)
      batch.push([`${doc.clientID}:${clock}`, performance.timeOrigin + performance.now()])
      target.insert(target.length, String.fromCharCode(0x4e00 + (sent % 2000)))
      sent++
      await new Promise(resolve => setTimeout(resolve, (1000 / config.rate) * (0.5 + Math.random())))
    }
  })
  await new Promise(resolve => setTimeout(resolve, config.seconds * 1000))
  typing = false
  await Promise.all(typists)
  clearInterval(flusher)
  process.send!({ sent: batch.splice(0) })
  process.send!({ done: sent })
  for (const { socket } of clients) socket.close()
}

if (process.argv.includes('--worker')) {
  await worker()
} else {
  // The server runs from the CLI bundle, as an office runs it (no TypeScript loader in its memory and CPU).
  const build = spawnSync('npm', ['run', '--silent', 'build:cli'], { stdio: 'inherit' })
  if (build.status !== 0) throw new Error('npm run build:cli failed')

  const seconds = argument('--seconds', 60)
  const clients = argument('--clients', 50)
  const pages = argument('--pages', 100)
  const rate = argument('--rate', 4)
  console.log(
    `collaboration load: ${clients} clients typing ${rate} characters/s each into one ${pages}-page report for ${seconds} s ` +
      `(server: its own process from out/cli/wrs.cjs; clients: thin WebSocket clients in worker processes of 10; observer: this process; ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)})`,
  )
  const main = await run(clients, pages, seconds, rate)
  console.log(line(main))
  console.log(`  budget p95 ≤ ${BUDGET_P95_MS} ms: ${main.p95 <= BUDGET_P95_MS ? 'within budget' : 'OVER BUDGET'}`)
  if (!process.argv.includes('--no-matrix')) {
    console.log('what grows with report size and client count (15 s each):')
    for (const [count, size] of [
      [10, 2],
      [10, 100],
      [50, 2],
      [50, 100],
    ] as const) {
      console.log('  ' + line(await run(count, size, 15, rate)))
    }
  }
  console.log(
    `load average at the end: ${os
      .loadavg()
      .map(value => value.toFixed(1))
      .join(' ')}`,
  )
  process.exit(main.converged && main.p95 <= BUDGET_P95_MS ? 0 : 1)
}
