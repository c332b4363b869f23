import { afterAll, describe, expect, it } from 'vitest'
import { tempDirs } from '../../helpers/temp-dirs'
import { addMember, connect, killAll, share, startServer, waitFor, writeSample } from './collab-harness'

const folders = tempDirs('wrs-collab-durability-')
afterAll(killAll)

describe('a server killed in the middle of edits', () => {
  it('loses no update it had acknowledged, and the editing client resyncs everything after the restart', async () => {
    const dataDir = folders()
    const owner = await addMember(dataDir, '张三', '研究室', 'owner')
    const editor = await addMember(dataDir, '李四', '财经工委')
    let server = await startServer({ dataDir })
    const report = await share(server.url, owner, writeSample(dataDir))
    const { runWrs } = await import('../../helpers/run-wrs')
    const assigned = await runWrs(
      ['assign', '--server', server.url, '--token', owner, '--report', report, '--part', '1', '--office', '财经工委'],
      dataDir,
    )
    expect(assigned.code).toBe(0)

    const client = await connect({ url: server.wsUrl, token: editor, report })
    const start = client.text(0)
    // Typing: one character every few milliseconds, the text after each update kept, the acknowledged count tracked.
    const texts: string[] = [start]
    let acknowledged = 0
    client.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
      acknowledged = Math.max(acknowledged, texts.length - 1 - number)
    })
    let typing = true
    const typed = (async () => {
      for (let i = 0; typing; i++) {
        client.type(0, client.text(0).length, String.fromCharCode(0x4e00 + (i % 500)))
        texts.push(client.text(0))
        await new Promise(resolve => setTimeout(resolve, 4))
      }
    })()
    await waitFor(() => acknowledged >= 150, '150 acknowledged updates')
    expect(await server.kill('SIGKILL')).toBe('SIGKILL')
    const acknowledgedAtKill = acknowledged
    await new Promise(resolve => setTimeout(resolve, 300))
    typing = false
    await typed
    const everything = client.text(0)

    server = await startServer({ dataDir, port: server.port })
    // What storage held at the restart, before the client is back: every acknowledged update is there.
    const observer = await connect({ url: server.wsUrl, token: owner, report })
    expect(observer.text(0).startsWith(texts[acknowledgedAtKill]!)).toBe(true)
    expect(acknowledgedAtKill).toBeGreaterThanOrEqual(150)
    // The editing client reconnects by itself and sends what the server never acknowledged.
    await waitFor(() => observer.text(0) === everything, 'the observer to see every typed character', 30_000)
    await client.synced()
    expect(client.refusals).toEqual([])
    client.destroy()
    observer.destroy()

    // SIGTERM stores everything and exits 0; a third start still has every character.
    expect(await server.kill('SIGTERM')).toBe(0)
    expect(server.output()).toContain('协作服务器已停止，所有文档都已保存。')
    server = await startServer({ dataDir })
    const after = await connect({ url: server.wsUrl, token: owner, report })
    expect(after.text(0)).toBe(everything)
    after.destroy()
    await server.kill('SIGTERM')
  }, 120_000)
})
