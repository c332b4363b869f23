import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { get as httpsGet } from 'node:https'
import path from 'node:path'
import * as encoding from 'lib0/encoding'
import { afterAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { runWrs } from '../../helpers/run-wrs'
import { tempDirs } from '../../helpers/temp-dirs'
import {
  addMember,
  connect,
  killAll,
  share,
  startServer,
  waitFor,
  writeSample,
  type ServerProcess,
} from './collab-harness'

const folders = tempDirs('wrs-collab-security-')
afterAll(killAll)

/** Nothing of `marker` anywhere in the server's data folder (database, WAL), in any encoding Yjs would store it. */
function storedAnywhere(dataDir: string, marker: string): boolean {
  const needle = Buffer.from(marker, 'utf8')
  return readdirSync(dataDir).some(name => readFileSync(path.join(dataDir, name)).includes(needle))
}

async function setUp(extra: string[] = []) {
  const root = folders()
  const dataDir = path.join(root, 'data')
  const owner = await addMember(dataDir, '张三', '研究室', 'owner')
  const editor = await addMember(dataDir, '李四', '财经工委')
  const reader = await addMember(dataDir, '赵六', '办公室', 'reader')
  const server = await startServer({ dataDir, extra })
  const report = await share(server.url, owner, writeSample(root))
  const assigned = await runWrs(
    ['assign', '--server', server.url, '--token', owner, '--report', report, '--part', '1', '--office', '财经工委'],
    root,
  )
  expect(assigned.code).toBe(0)
  return { root, dataDir, owner, editor, reader, server, report }
}

/** A raw WebSocket speaking Hocuspocus' framing: [document name][message type][…]. */
function frame(report: string, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, report)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

function authFrame(report: string, token: string): Uint8Array {
  return frame(report, encoder => {
    encoding.writeVarUint(encoder, 2) // Auth
    encoding.writeVarUint(encoder, 0) // Token
    encoding.writeVarString(encoder, token)
  })
}

async function rawSocket(server: ServerProcess): Promise<{ socket: WebSocket; closed: Promise<number> }> {
  const socket = new WebSocket(server.wsUrl)
  const closed = new Promise<number>(resolve => socket.once('close', code => resolve(code)))
  await new Promise((resolve, reject) => {
    socket.once('open', resolve)
    socket.once('error', reject)
  })
  return { socket, closed }
}

describe('the server refuses what a token may not do, and stores none of it', () => {
  it('unauthenticated, revoked-token, wrong-office and reader writes are refused and never persisted', async () => {
    const { root, dataDir, owner, editor, reader, server, report } = await setUp()

    // No token, a made-up token: no connection to the report, no API.
    const stranger = await connect({ url: server.wsUrl, token: 'wrs_made-up', report, waitForSync: false })
    await waitFor(() => stranger.authFailures.length > 0, 'the made-up token to be refused')
    expect(stranger.authFailures[0]).toContain('令牌无效')
    stranger.destroy()
    const anonymous = await fetch(`${server.url}/api/reports`)
    expect(anonymous.status).toBe(401)
    expect(((await anonymous.json()) as { error: string }).error).toContain('令牌无效')

    const watcher = await connect({ url: server.wsUrl, token: owner, report })
    const editorClient = await connect({ url: server.wsUrl, token: editor, report })

    // Presence carries the authenticated name, whatever the client claims.
    editorClient.provider.setAwarenessField('user', { name: '张三', offices: ['研究室'], role: 'owner' })
    const seenUser = () =>
      [...watcher.provider.awareness!.getStates().values()].map(state => state.user as { name?: string } | undefined)
    await waitFor(() => seenUser().some(user => user?.name === '李四'), 'the presence of the editor under his own name')
    expect(seenUser().filter(user => user?.name === '张三')).toEqual([])

    // An editor writing into a part assigned to no office of his: refused with the reason, nothing applied.
    editorClient.type(1, 0, '越权改动甲')
    await waitFor(() => editorClient.refusals.length > 0, 'the wrong-office edit to be refused')
    expect(editorClient.refusals[0]).toContain('第二部分“2024年主要任务”还没有分配给任何处室')
    // His own part he may write (on a new connection: the refused one was closed).
    editorClient.destroy()
    const editorAgain = await connect({ url: server.wsUrl, token: editor, report })
    editorAgain.type(0, 0, '本处室改动')
    await waitFor(() => watcher.text(0).startsWith('本处室改动'), 'the allowed edit to arrive')

    // A reader writes nothing.
    const readerClient = await connect({ url: server.wsUrl, token: reader, report })
    readerClient.type(0, 0, '只读改动乙')
    await waitFor(() => readerClient.refusals.length > 0, 'the reader edit to be refused')
    expect(readerClient.refusals[0]).toContain('赵六是只读成员')
    readerClient.destroy()

    // A token revoked while connected stops writing at once.
    const revoked = await runWrs(['team', 'revoke', '--data', dataDir, '--name', '李四'], root)
    expect(revoked.code).toBe(0)
    editorAgain.type(0, 0, '收回后改动丙')
    await waitFor(() => editorAgain.refusals.length > 0, 'the revoked token to be refused')
    expect(editorAgain.refusals[0]).toContain('令牌已被收回')
    editorAgain.destroy()
    const again = await connect({ url: server.wsUrl, token: editor, report, waitForSync: false })
    await waitFor(() => again.authFailures.length > 0, 'the revoked token to be refused at connection')
    again.destroy()

    // The other client saw none of it and keeps working.
    watcher.type(2, 0, '负责人继续')
    await watcher.synced()
    expect(watcher.text(1)).not.toContain('越权改动甲')
    expect(watcher.text(0)).not.toContain('只读改动乙')
    expect(watcher.text(0)).not.toContain('收回后改动丙')
    watcher.destroy()
    expect(await server.kill('SIGTERM')).toBe(0)
    expect(storedAnywhere(dataDir, '本处室改动')).toBe(true)
    for (const marker of ['越权改动甲', '只读改动乙', '收回后改动丙'])
      expect(storedAnywhere(dataDir, marker)).toBe(false)
    expect(server.output()).toContain('拒绝 李四 的修改')
  }, 120_000)

  it('drops oversized and malformed messages, closing only the sender', async () => {
    const { owner, editor, server, report } = await setUp(['--max-message-mb', '1'])
    const watcher = await connect({ url: server.wsUrl, token: owner, report })

    const big = await rawSocket(server)
    big.socket.send(authFrame(report, editor))
    big.socket.send(new Uint8Array(2 * 1024 * 1024))
    expect(await big.closed).toBe(1009)

    const junk = await rawSocket(server)
    junk.socket.send(new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 0x00, 0x13, 0x37]))
    expect(await junk.closed).not.toBe(1000)

    // Framed correctly and authenticated, but the Yjs update inside is garbage.
    const garbage = await rawSocket(server)
    garbage.socket.send(authFrame(report, editor))
    garbage.socket.send(
      frame(report, encoder => {
        encoding.writeVarUint(encoder, 0) // Sync
        encoding.writeVarUint(encoder, 2) // Update
        encoding.writeVarUint8Array(encoder, new Uint8Array([5, 200, 1, 7, 7, 7, 7, 7, 7]))
      }),
    )
    await new Promise(resolve => setTimeout(resolve, 500))
    garbage.socket.close()

    // The server still answers, and the other client edits on as before.
    expect((await fetch(`${server.url}/health`)).status).toBe(200)
    watcher.type(0, 0, '照常')
    const other = await connect({ url: server.wsUrl, token: editor, report })
    await waitFor(() => other.text(0).startsWith('照常'), 'edits to flow after the bad messages')
    other.destroy()
    watcher.destroy()
    await server.kill('SIGTERM')
  }, 120_000)

  it('serves no file at all: traversal paths and report names answer 404, nothing is written outside its folder', async () => {
    const { root, dataDir, owner, server } = await setUp()
    const tries = [
      '/../../../../etc/passwd',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
      '/health/../../../etc/passwd',
      '/api/reports/..%2F..%2F..%2Fetc%2Fpasswd',
      '/api/reports/%2e%2e',
      '/wrs-collab.sqlite',
      '/data/wrs-collab.sqlite',
      '/api/reports/%E0%A4%A',
    ]
    for (const target of tries) {
      const answer = await fetch(`${server.url}${target}`, { headers: { Authorization: `Bearer ${owner}` } })
      const body = await answer.text()
      expect(answer.status, target).toBe(404)
      expect(body).not.toContain('root:')
      expect(body).not.toContain('SQLite format')
    }
    const client = await connect({
      url: server.wsUrl,
      token: owner,
      report: '../../../../etc/passwd',
      waitForSync: false,
    })
    await waitFor(() => client.authFailures.length > 0, 'a path as report name to be refused')
    expect(client.authFailures[0]).toContain('没有编号为')
    client.destroy()
    await server.kill('SIGTERM')
    expect(readdirSync(dataDir).every(name => name.startsWith('wrs-collab.sqlite'))).toBe(true)
    expect(readdirSync(root).sort()).toEqual(['data', 'report.wrs'])
  }, 120_000)

  it('speaks TLS when given a certificate', async () => {
    const root = folders()
    const dataDir = path.join(root, 'data')
    const cert = path.join(root, 'cert.pem')
    const key = path.join(root, 'key.pem')
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: 'ignore' },
    )
    const owner = await addMember(dataDir, '张三', '研究室', 'owner')
    const server = await startServer({ dataDir, extra: ['--cert', cert, '--key', key] })
    expect(server.url).toMatch(/^https:\/\//)
    const ca = readFileSync(cert)
    const health = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      httpsGet(`${server.url}/health`, { ca }, response => {
        let body = ''
        response.on('data', chunk => (body += String(chunk)))
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }))
      }).on('error', reject)
    })
    expect(health.status).toBe(200)
    expect(JSON.parse(health.body)).toMatchObject({ status: 'ok' })
    // The CLI trusts the office's own CA through NODE_EXTRA_CA_CERTS; a share over TLS works end to end.
    const shared = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'main/cli/wrs.ts', 'share', writeSample(root), '--server', server.url, '--token', owner],
      { env: { ...process.env, NODE_EXTRA_CA_CERTS: cert }, encoding: 'utf8' },
    )
    const report = shared.trim().split('\n').at(-1)!
    const client = await connect({ url: server.wsUrl, token: owner, report, wsOptions: { ca } })
    expect(client.text(0)).toBe('一年来，常委会坚持依法履职。')
    client.destroy()
    await expect(fetch(`http://127.0.0.1:${server.port}/health`)).rejects.toThrow()
    await server.kill('SIGTERM')
  }, 120_000)
})
