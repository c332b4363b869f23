import { afterAll, describe, expect, it } from 'vitest'
import { runWrs } from '../../helpers/run-wrs'
import { tempDirs } from '../../helpers/temp-dirs'
import { addMember, connect, killAll, share, startRedis, startServer, waitFor, writeSample } from './collab-harness'

const folders = tempDirs('wrs-collab-redis-')
afterAll(killAll)

describe('two server processes on one Redis', () => {
  it('keep a client on each in step; when one is killed its clients reconnect to the other and nothing is lost', async () => {
    const dataDir = folders()
    const owner = await addMember(dataDir, '张三', '研究室', 'owner')
    const editor = await addMember(dataDir, '李四', '财经工委')
    const redis = await startRedis()
    const first = await startServer({ dataDir, redis: redis.url })
    const second = await startServer({ dataDir, redis: redis.url })
    expect(await (await fetch(`${first.url}/health`)).json()).toMatchObject({ status: 'ok', redis: true })
    const report = await share(first.url, owner, writeSample(dataDir))
    const assigned = await runWrs(
      ['assign', '--server', second.url, '--token', owner, '--report', report, '--part', '1', '--office', '财经工委'],
      dataDir,
    )
    expect(assigned.code).toBe(0)

    // The editor on the first process (the second one is its fallback), the owner on the second.
    const onFirst = await connect({ url: [first.wsUrl, second.wsUrl], token: editor, report })
    const onSecond = await connect({ url: [second.wsUrl, first.wsUrl], token: owner, report })
    onFirst.type(0, 0, '【一号】')
    await waitFor(() => onSecond.text(0).startsWith('【一号】'), 'the edit on the first process to reach the second')
    onSecond.type(1, 0, '【二号】')
    await waitFor(() => onFirst.text(1).startsWith('【二号】'), 'the edit on the second process to reach the first')

    // The first process dies; its client keeps typing and finds the second one by itself.
    await first.kill('SIGKILL')
    onFirst.type(0, onFirst.text(0).length, '【断线后】')
    await waitFor(
      () => onSecond.text(0).endsWith('【断线后】'),
      'the client of the killed process to reach the second',
      30_000,
    )
    onSecond.type(0, 0, '【负责人】')
    await waitFor(() => onFirst.text(0).startsWith('【负责人】'), 'the moved client to receive edits again')
    expect(onFirst.refusals).toEqual([])

    // Everything acknowledged by either process is in the shared storage.
    const expected = onSecond.text(0)
    onFirst.destroy()
    onSecond.destroy()
    expect(await second.kill('SIGTERM')).toBe(0)
    const alone = await startServer({ dataDir })
    const check = await connect({ url: alone.wsUrl, token: owner, report })
    expect(check.text(0)).toBe(expected)
    expect(check.text(1).startsWith('【二号】')).toBe(true)
    check.destroy()
    await alone.kill('SIGTERM')
  }, 120_000)
})
