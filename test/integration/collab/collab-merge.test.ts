import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import type * as Y from 'yjs'
import { runWrs } from '../../helpers/run-wrs'
import { tempDirs } from '../../helpers/temp-dirs'
import { addMember, connect, killAll, share, startServer, waitFor, writeSample, type Client } from './collab-harness'

const folders = tempDirs('wrs-collab-merge-')
afterAll(killAll)
afterEach(() => vi.useRealTimers())

async function setUp() {
  const dataDir = folders()
  const owner = await addMember(dataDir, '张三', '研究室', 'owner')
  const editor = await addMember(dataDir, '李四', '财经工委')
  const colleague = await addMember(dataDir, '王五', '财经工委')
  const server = await startServer({ dataDir })
  const report = await share(server.url, owner, writeSample(dataDir))
  const assigned = await runWrs(
    ['assign', '--server', server.url, '--token', owner, '--report', report, '--part', '1', '--office', '财经工委'],
    dataDir,
  )
  expect(assigned.code).toBe(0)
  return { dataDir, owner, editor, colleague, server, report }
}

/** Cuts the client off and waits until its socket is closed (a connect() before that would be ignored). */
async function offline(client: Client): Promise<void> {
  client.socket.disconnect()
  await waitFor(() => String(client.socket.status) === 'disconnected', 'the client to go offline')
}
const online = (client: Client) => void client.socket.connect()

describe('offline edits and concurrent edits', () => {
  it('a client offline for 10 minutes of edits merges on reconnect, nothing lost on either side', async () => {
    const { owner, editor, colleague, server, report } = await setUp()
    const away = await connect({ url: server.wsUrl, token: editor, report })
    const stay = await connect({ url: server.wsUrl, token: colleague, report })
    const start = away.text(0)
    await offline(away)

    // Ten minutes of the clock, one edit a second: Date is simulated (the awareness and the provider's liveness checks
    // read it); the sockets and the server run in real time.
    vi.useFakeTimers({ toFake: ['Date'] })
    const begin = Date.now()
    let awayTyped = ''
    for (let second = 0; second < 600; second++) {
      vi.setSystemTime(begin + second * 1000)
      const char = String.fromCharCode(0x4e00 + (second % 300))
      away.type(0, away.text(0).length, char)
      awayTyped += char
      if (second % 60 === 0) stay.type(0, 0, '甲')
      if (second % 100 === 0) await new Promise(resolve => setTimeout(resolve, 10))
    }
    vi.setSystemTime(begin + 600_000)
    await stay.synced()
    // Meanwhile everyone else left: the server stored the document and unloaded it.
    stay.destroy()
    await new Promise(resolve => setTimeout(resolve, 300))

    online(away)
    const merged = '甲'.repeat(10) + start + awayTyped
    await waitFor(() => away.text(0) === merged, 'the returning client to receive the others’ edits')
    // A fresh client reads what the server holds: everything typed on both sides, once.
    const check = await connect({ url: server.wsUrl, token: owner, report })
    await waitFor(() => check.text(0) === merged, 'the server to hold every offline edit', 60_000)
    expect(away.refusals).toEqual([])
    away.destroy()
    check.destroy()
    await server.kill('SIGTERM')
  }, 120_000)

  it('two clients editing the same sentence at the same time converge to the same text with both edits', async () => {
    const { owner, editor, colleague, server, report } = await setUp()
    const a = await connect({ url: server.wsUrl, token: editor, report })
    const b = await connect({ url: server.wsUrl, token: colleague, report })
    const sentence = a.text(0)
    // Both cut off, both edit the same place of the same sentence, both come back.
    await offline(a)
    await offline(b)
    a.type(0, 3, '甲方')
    b.type(0, 3, '乙方')
    const paragraphA = (a.doc.getXmlFragment(`part:${a.partIds()[0]}`).get(1) as Y.XmlElement).get(0) as Y.XmlText
    paragraphA.delete(0, 2)
    online(a)
    online(b)
    await waitFor(
      () => a.text(0) === b.text(0) && a.text(0).includes('甲方') && a.text(0).includes('乙方'),
      'the two clients to converge',
    )
    const text = a.text(0)
    expect(text).toContain('甲方')
    expect(text).toContain('乙方')
    expect(text).toContain(sentence.slice(3))
    expect(text.length).toBe(sentence.length + 4 - 2)
    const check = await connect({ url: server.wsUrl, token: owner, report })
    await waitFor(() => check.text(0) === text, 'the server to hold the converged sentence')
    for (const client of [a, b, check]) client.destroy()
    await server.kill('SIGTERM')
  }, 120_000)
})
