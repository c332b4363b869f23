import { spawn, type ChildProcess } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import path from 'node:path'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import WebSocket from 'ws'
import * as Y from 'yjs'
import type { Member } from '../../../core/collab/part-workflow'
import { partRootName, CollabRoot } from '../../../core/collab/report-roots'
import { heading, paragraph, type DocNode } from '../../../core/document-model'
import { reportFileSchema, serializeReportFile, type ReportFile } from '../../../core/report-file'
import { runWrs } from '../../helpers/run-wrs'

/** A free TCP port on loopback (asked of the kernel, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}

export async function waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise(resolve => setTimeout(resolve, 20))
  }
}

export interface ServerProcess {
  url: string
  wsUrl: string
  port: number
  child: ChildProcess
  output: () => string
  /** Resolves with the exit code (or signal name) once the process has ended. */
  exited: Promise<number | string>
  kill(signal: NodeJS.Signals): Promise<number | string>
}

const children = new Set<ChildProcess>()
/** Every process a test started is ended (SIGKILL, by its own pid) when the test file is done. */
export function killAll(): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  children.clear()
}

/** `wrs serve` in its own process (run from source with tsx), ready once it prints its address. */
export async function startServer(options: {
  dataDir: string
  port?: number
  redis?: string
  extra?: string[]
  env?: NodeJS.ProcessEnv
  /** Run the built CLI bundle (out/cli/wrs.cjs) instead of the sources through tsx (benchmarks: no loader in RSS). */
  bundle?: boolean
}): Promise<ServerProcess> {
  const port = options.port ?? (await freePort())
  const entry = options.bundle ? ['out/cli/wrs.cjs'] : ['--import', 'tsx', 'main/cli/wrs.ts']
  const args = [...entry, 'serve', '--data', options.dataDir, '--port', String(port)]
  if (options.redis) args.push('--redis', options.redis)
  args.push(...(options.extra ?? []))
  const child = spawn(process.execPath, args, {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  })
  children.add(child)
  let output = ''
  child.stdout!.on('data', chunk => (output += String(chunk)))
  child.stderr!.on('data', chunk => (output += String(chunk)))
  const exited = new Promise<number | string>(resolve =>
    child.once('exit', (code, signal) => {
      children.delete(child)
      resolve(code ?? signal ?? -1)
    }),
  )
  const started = await Promise.race([
    (async () => {
      await waitFor(() => /协作服务器已启动：(\S+?)（/.test(output), 'the server to start', 60_000)
      return true
    })(),
    exited.then(() => false),
  ])
  if (!started) throw new Error(`wrs serve did not start:\n${output}`)
  const url = /协作服务器已启动：(\S+?)（/.exec(output)![1]!
  return {
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    port,
    child,
    output: () => output,
    exited,
    kill: signal => {
      child.kill(signal)
      return exited
    },
  }
}

/** Debian's redis-server on a free loopback port, without persistence. */
export async function startRedis(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort()
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  children.add(child)
  let output = ''
  child.stdout!.on('data', chunk => (output += String(chunk)))
  child.once('exit', () => children.delete(child))
  await waitFor(() => /Ready to accept connections/.test(output), 'redis-server to start')
  return { url: `redis://127.0.0.1:${port}`, child }
}

/** `wrs team add-user`; returns the token (the output's last line). */
export async function addMember(dataDir: string, name: string, office: string, role = 'editor'): Promise<string> {
  const result = await runWrs(
    ['team', 'add-user', '--data', dataDir, '--name', name, '--office', office, '--role', role],
    dataDir,
  )
  if (result.code !== 0) throw new Error(result.err)
  return result.out.trim().split('\n').at(-1)!
}

/** A small report: front matter, three parts with text, the closing appeal. */
export function sampleReport(): ReportFile {
  const doc: DocNode = {
    type: 'doc',
    content: [
      { type: 'reportTitle', content: [{ type: 'text', text: '二七区人民代表大会常务委员会工作报告' }] },
      { type: 'salutation', content: [{ type: 'text', text: '各位代表：' }] },
      paragraph('现在，我代表区人大常委会向大会报告工作，请予审议。'),
      heading(1, '2023年主要工作', { role: 'review' }),
      paragraph('一年来，常委会坚持依法履职。'),
      paragraph('财经监督取得新进展。'),
      heading(1, '2024年主要任务', { role: 'tasks' }),
      paragraph('今年常委会将继续加强监督。'),
      heading(1, '加强自身建设', { role: 'selfBuilding' }),
      paragraph('常委会将加强学习。'),
      paragraph('各位代表！让我们在区委坚强领导下，团结奋斗，再创佳绩！'),
    ],
  }
  return reportFileSchema.parse({
    format: 'work-report-studio',
    version: 1,
    meta: {
      templateId: 'npc',
      kind: 'npc',
      planYear: 2024,
      organisation: '二七区',
      title: '二七区人民代表大会常务委员会工作报告',
    },
    doc,
  })
}

/** Puts a comment mark with `id` on `words` in the paragraph holding them. */
function markWords(report: ReportFile, words: string, id: string): void {
  const block = report.doc.content!.find(node => node.content?.some(child => child.text?.includes(words)))!
  const text = block.content![0]!.text!
  const at = text.indexOf(words)
  const piece = (value: string, marks?: DocNode['marks']): DocNode => ({
    type: 'text',
    text: value,
    ...(marks ? { marks } : {}),
  })
  block.content = [
    piece(text.slice(0, at)),
    piece(words, [{ type: 'comment', attrs: { id } }]),
    piece(text.slice(at + words.length)),
  ].filter(node => node.text)
}

/**
 * The sample as reviewed in the file editor: 王五 (no member of a test server) commented on “依法履职” and 李四
 * replied; 张三's own comment on “继续加强监督” (part 2) is resolved; one suggestion of 李四 was accepted.
 */
export function reviewedSample(): ReportFile {
  const file = sampleReport()
  markWords(file, '依法履职', 'c-wangwu')
  markWords(file, '继续加强监督', 'c-zhang')
  file.review.comments.push(
    {
      id: 'c-wangwu',
      author: '王五',
      date: '2024-11-02T08:00:00.000Z',
      text: '请补充具体数字。',
      replies: [{ id: 'r-li', author: '李四', date: '2024-11-03T08:00:00.000Z', text: '已补充。' }],
      resolved: false,
      source: null,
      quote: '依法履职',
    },
    {
      id: 'c-zhang',
      author: '张三',
      date: '2024-11-04T08:00:00.000Z',
      text: '这一句已经改好。',
      replies: [],
      resolved: true,
      source: null,
      quote: '继续加强监督',
    },
  )
  file.review.decided.push({
    id: 's-1',
    kind: 'insertion',
    author: '李四',
    date: '2024-11-01T08:00:00.000Z',
    source: null,
    text: '财经',
    quote: '',
    part: '2023年主要工作',
    status: 'accepted',
    decidedAt: '2024-11-05T08:00:00.000Z',
  })
  return file
}

export function writeSample(folder: string, name = 'report.wrs', report = sampleReport()): string {
  const file = path.join(folder, name)
  writeFileSync(file, serializeReportFile(report))
  return file
}

/** Who a token belongs to, as the server says (`GET /api/me`): the member the editor signs comments as. */
export async function memberOf(server: string, token: string): Promise<Member> {
  const response = await fetch(`${server}/api/me`, { headers: { authorization: `Bearer ${token}` } })
  if (!response.ok) throw new Error(`${response.status} ${await response.text()}`)
  return (await response.json()) as Member
}

/** `wrs share` as the owner; returns the report id (the output's last line). */
export async function share(server: string, token: string, file: string): Promise<string> {
  const result = await runWrs(['share', file, '--server', server, '--token', token], path.dirname(file))
  if (result.code !== 0) throw new Error(result.err)
  return result.out.trim().split('\n').at(-1)!
}

export interface TeamReport {
  dataDir: string
  server: ServerProcess
  reportId: string
  tokens: { owner: string; editor: string; reader: string }
}

/**
 * The team the shared-report browser tests work with: 王主任 (owner, 研究室), 李四 (editor, 财经工委) and, unless left
 * out, 赵六 (reader, 办公厅); a server on `<root>/data`, the report shared by the owner and its parts assigned.
 */
export async function startTeamReport(
  root: string,
  options: { assign: Array<[part: string, office: string]>; due?: string; report?: ReportFile; reader?: boolean },
): Promise<TeamReport> {
  const dataDir = path.join(root, 'data')
  const tokens = {
    owner: await addMember(dataDir, '王主任', '研究室', 'owner'),
    editor: await addMember(dataDir, '李四', '财经工委'),
    reader: options.reader === false ? '' : await addMember(dataDir, '赵六', '办公厅', 'reader'),
  }
  const server = await startServer({ dataDir })
  const reportId = await share(server.url, tokens.owner, writeSample(root, 'report.wrs', options.report))
  for (const [part, office] of options.assign) {
    const due = options.due ? ['--due', options.due] : []
    const args = ['assign', '--server', server.url, '--token', tokens.owner, '--report', reportId]
    const assigned = await runWrs([...args, '--part', part, '--office', office, ...due], root)
    if (assigned.code !== 0) throw new Error(assigned.err)
  }
  return { dataDir, server, reportId, tokens }
}

/**
 * A WebSocket that moves to the next server address when a connection fails or drops (the failover phase 2's editor
 * does with the office's list of server addresses).
 */
export function failoverWebSocket(urls: string[], options: WebSocket.ClientOptions = {}): typeof WebSocket {
  let current = 0
  return class FailoverWebSocket extends WebSocket {
    constructor() {
      super(urls[current % urls.length]!, options)
      this.once('error', () => current++)
      this.once('close', code => {
        if (code === 1006) current++
      })
    }
  } as unknown as typeof WebSocket
}

export interface Client {
  doc: Y.Doc
  provider: HocuspocusProvider
  socket: HocuspocusProviderWebsocket
  /** Stateless `refused` messages the server sent (zh-CN sentences). */
  refusals: string[]
  closes: Array<{ code: number; reason: string }>
  authFailures: string[]
  partIds(): string[]
  /** The text of the part's body paragraph `index` (1 = the first paragraph after the heading). */
  text(partIndex: number, paragraphIndex?: number): string
  type(partIndex: number, offset: number, text: string, paragraphIndex?: number): void
  synced(): Promise<void>
  destroy(): void
}

/** A Node client editing the shared report the way the editor's binding does (Y.XmlText inside a part fragment). */
export async function connect(options: {
  url: string | string[]
  token: string
  report: string
  wsOptions?: WebSocket.ClientOptions
  waitForSync?: boolean
}): Promise<Client> {
  const urls = Array.isArray(options.url) ? options.url : [options.url]
  const doc = new Y.Doc()
  const socket = new HocuspocusProviderWebsocket({
    url: urls[0]!,
    WebSocketPolyfill: failoverWebSocket(urls, options.wsOptions),
    delay: 100,
    minDelay: 100,
    maxDelay: 400,
    factor: 1.5,
    messageReconnectTimeout: 5_000,
  })
  const client: Client = {
    doc,
    socket,
    provider: undefined as unknown as HocuspocusProvider,
    refusals: [],
    closes: [],
    authFailures: [],
    partIds: () => doc.getArray<string>(CollabRoot.parts).toArray(),
    text(partIndex, paragraphIndex = 1) {
      const fragment = doc.getXmlFragment(partRootName(client.partIds()[partIndex]!))
      const element = fragment.get(paragraphIndex) as Y.XmlElement | undefined
      const text = element?.get(0) as Y.XmlText | undefined
      return text ? text.toString() : ''
    },
    type(partIndex, offset, text, paragraphIndex = 1) {
      const fragment = doc.getXmlFragment(partRootName(client.partIds()[partIndex]!))
      const element = fragment.get(paragraphIndex) as Y.XmlElement
      ;(element.get(0) as Y.XmlText).insert(offset, text)
    },
    synced: () =>
      waitFor(() => client.provider.isSynced && client.provider.unsyncedChanges === 0, 'the client to sync'),
    destroy() {
      client.provider.destroy()
      socket.destroy()
    },
  }
  client.provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: options.report,
    document: doc,
    token: options.token,
    onStateless: ({ payload }) => {
      const message = JSON.parse(payload) as { type: string; message: string }
      if (message.type === 'refused') client.refusals.push(message.message)
    },
    onClose: ({ event }) => void client.closes.push({ code: event.code, reason: event.reason }),
    onAuthenticationFailed: ({ reason }) => void client.authFailures.push(reason),
  })
  client.provider.attach()
  if (options.waitForSync !== false) await waitFor(() => client.provider.isSynced, 'the first sync')
  return client
}
