import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { commentsRootName, decidedRootName, memberCommentKey, partRootName } from '../../../core/collab/report-roots'
import type { DecidedEntry } from '../../../core/collab/shared-comments'
import {
  addSharedComment,
  readThreads,
  replyToThread,
  setThreadResolved,
} from '../../../renderer/collab/shared-comments-ydoc'
import { runWrs } from '../../helpers/run-wrs'
import { tempDirs } from '../../helpers/temp-dirs'
import {
  addMember,
  connect,
  killAll,
  memberOf,
  share,
  startServer,
  waitFor,
  writeSample,
  type Client,
} from './collab-harness'

const folders = tempDirs('wrs-collab-comments-')
afterAll(killAll)

/** Whether `marker` is anywhere in the server's data folder (database, WAL). */
function stored(dataDir: string, marker: string): boolean {
  const needle = Buffer.from(marker, 'utf8')
  return readdirSync(dataDir).some(name => readFileSync(path.join(dataDir, name)).includes(needle))
}

/** The body text of part `index`'s first paragraph, the Y.XmlText the editor binding writes. */
function bodyText(client: Client, index: number): Y.XmlText {
  const fragment = client.doc.getXmlFragment(partRootName(client.partIds()[index]!))
  return (fragment.get(1) as Y.XmlElement).get(0) as Y.XmlText
}

/** An anchor on characters [from, to) of a Y.XmlText, as the editor stores it. */
function anchor(text: Y.XmlText, from: number, to: number) {
  return {
    from: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, from)),
    to: Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, to)),
  }
}

describe('comments and suggestions travel with a shared report, with the rights enforced on the server', () => {
  it('a comment reaches the other client; a reader comments and replies but cannot resolve, accept or suggest', async () => {
    const root = folders()
    const dataDir = path.join(root, 'data')
    const ownerToken = await addMember(dataDir, '张三', '研究室', 'owner')
    const editorToken = await addMember(dataDir, '李四', '财经工委')
    const readerToken = await addMember(dataDir, '赵六', '办公室', 'reader')
    const server = await startServer({ dataDir })
    const [ownerMember, liMember, reader] = await Promise.all(
      [ownerToken, editorToken, readerToken].map(token => memberOf(server.url, token)),
    )
    const report = await share(server.url, ownerToken, writeSample(root))
    const assigned = await runWrs(
      [
        'assign',
        '--server',
        server.url,
        '--token',
        ownerToken,
        '--report',
        report,
        '--part',
        '1',
        '--office',
        '财经工委',
      ],
      root,
    )
    expect(assigned.code, assigned.err).toBe(0)
    const owner = await connect({ url: server.wsUrl, token: ownerToken, report })
    const li = await connect({ url: server.wsUrl, token: editorToken, report })
    const zhao = await connect({ url: server.wsUrl, token: readerToken, report })
    const part1 = partRootName(li.partIds()[0]!)
    const part2 = partRootName(li.partIds()[1]!)

    // 李四 comments on part 1 (“依法履职”): the owner sees the thread, anchored on the same words.
    const text = bodyText(li, 0)
    const thread = addSharedComment(li.doc, part1, liMember!, {
      text: '请补充具体数字。',
      quote: '依法履职',
      anchor: anchor(text, 9, 13),
    })
    await li.synced()
    await waitFor(() => readThreads(owner.doc, part1).length === 1, 'the comment to reach the owner')
    const seen = readThreads(owner.doc, part1)[0]!
    expect(seen).toMatchObject({ id: thread, author: '李四', text: '请补充具体数字。', quote: '依法履职' })
    const from = Y.createAbsolutePositionFromRelativePosition(
      Y.createRelativePositionFromJSON(seen.anchor!.from),
      owner.doc,
    )
    expect(from?.index).toBe(9)

    // 赵六 (reader) comments on part 2 and replies to 李四: both stored and seen by the others.
    addSharedComment(zhao.doc, part2, reader!, { text: '读者意见甲：建议调整顺序。', quote: '', anchor: null })
    replyToThread(zhao.doc, part1, reader!, thread, '读者回复乙。')
    await zhao.synced()
    await waitFor(() => readThreads(li.doc, part2).length === 1, 'the reader comment to reach 李四')
    await waitFor(() => readThreads(owner.doc, part1)[0]!.replies.length === 1, 'the reply to reach the owner')
    expect(readThreads(owner.doc, part1)[0]!.replies[0]).toMatchObject({ author: '赵六', text: '读者回复乙。' })
    expect(zhao.refusals).toEqual([])
    expect(stored(dataDir, '读者意见甲')).toBe(true)

    // 赵六 may not resolve 李四's thread: the client does not try, a forged record is refused and not stored.
    const liThread = readThreads(zhao.doc, part1)[0]!
    expect(setThreadResolved(zhao.doc, part1, reader!, liThread, true, false)).toBe(false)
    const forged: DecidedEntry = { kind: 'resolve', thread, resolved: true, by: '赵六-伪造', date: '2099-01-01' }
    zhao.doc.getArray(decidedRootName(part1)).push([forged])
    await waitFor(() => zhao.refusals.length === 1, 'the forged resolution to be refused')
    expect(zhao.refusals[0]).toBe('赵六是只读成员，不能修改报告。')
    zhao.destroy()
    expect(stored(dataDir, '赵六-伪造')).toBe(false)

    // Nor may anyone write in another member's comments (here 赵六 in 李四's map).
    const zhao2 = await connect({ url: server.wsUrl, token: readerToken, report })
    zhao2.doc.getMap(commentsRootName(part1, memberCommentKey(liMember!))).set('c-forged', {
      kind: 'comment',
      text: '冒名批注丙',
      date: '2099-01-01',
    })
    await waitFor(() => zhao2.refusals.length === 1, 'the comment in another name to be refused')
    expect(zhao2.refusals[0]).toBe('批注只能由写批注的人自己修改，赵六不能修改李四的批注。')
    zhao2.destroy()
    expect(stored(dataDir, '冒名批注丙')).toBe(false)

    // Comments on text the report does not hold are refused (no roots made up at will).
    const zhao5 = await connect({ url: server.wsUrl, token: readerToken, report })
    addSharedComment(zhao5.doc, partRootName('pnothere'), reader!, { text: '无处安放庚', quote: '', anchor: null })
    await waitFor(() => zhao5.refusals.length === 1, 'the comment on missing text to be refused')
    expect(zhao5.refusals[0]).toContain('指向报告中没有的内容')
    zhao5.destroy()
    expect(stored(dataDir, '无处安放庚')).toBe(false)

    // 李四 (writer of part 1) suggests an insertion: a mark in the part's text, seen by the owner.
    bodyText(li, 0).insert(13, '建议插入丁', {
      insertion: { id: 's1', author: '李四', date: '2024-12-01', source: null },
    })
    await li.synced()
    await waitFor(() => bodyText(owner, 0).toString().includes('建议插入丁'), 'the suggestion to reach the owner')
    const insertion = bodyText(owner, 0)
      .toDelta()
      .find((op: { insert: string }) => op.insert === '建议插入丁') as { attributes?: Record<string, unknown> }
    expect(insertion.attributes?.insertion).toMatchObject({ id: 's1', author: '李四' })

    // A reader's accept (the mark taken off, the decision recorded) is refused as a whole; nothing of it is stored.
    const zhao3 = await connect({ url: server.wsUrl, token: readerToken, report })
    const accept = (client: Client, by: string) => {
      const body = bodyText(client, 0)
      // toString() would write the marks as tags: the offset is counted in the plain text.
      const plain = body
        .toDelta()
        .map((op: { insert: string }) => op.insert)
        .join('')
      const at = plain.indexOf('建议插入丁')
      client.doc.transact(() => {
        body.format(at, 5, { insertion: null })
        const record: DecidedEntry = {
          kind: 'suggestion',
          id: 's1',
          type: 'insertion',
          author: '李四',
          date: '2024-12-01',
          text: '建议插入丁',
          status: 'accepted',
          by,
          decidedAt: '2024-12-02',
        }
        client.doc.getArray(decidedRootName(part1)).push([record])
      })
    }
    accept(zhao3, '读者采纳戊')
    await waitFor(() => zhao3.refusals.length === 1, "the reader's accept to be refused")
    expect(zhao3.refusals[0]).toBe('赵六是只读成员，不能修改报告。')
    zhao3.destroy()
    expect(stored(dataDir, '读者采纳戊')).toBe(false)
    // Nor may a reader suggest (a suggestion is text in the part).
    const zhao4 = await connect({ url: server.wsUrl, token: readerToken, report })
    bodyText(zhao4, 0).insert(0, '读者建议己', { insertion: { id: 's2', author: '赵六', date: '2024-12-01' } })
    await waitFor(() => zhao4.refusals.length === 1, "the reader's suggestion to be refused")
    zhao4.destroy()
    expect(stored(dataDir, '读者建议己')).toBe(false)

    // 李四 accepts: the mark goes on every client and the record is kept; the owner resolves 李四's thread.
    accept(li, '李四')
    await li.synced()
    await waitFor(() => owner.doc.getArray(decidedRootName(part1)).length === 1, 'the decision to reach the owner')
    const accepted = bodyText(owner, 0)
      .toDelta()
      .find((op: { insert: string }) => op.insert.includes('建议插入丁')) as { attributes?: Record<string, unknown> }
    expect(accepted.attributes?.insertion).toBeUndefined()
    expect(setThreadResolved(owner.doc, part1, ownerMember!, readThreads(owner.doc, part1)[0]!, true, true)).toBe(true)
    await owner.synced()
    await waitFor(() => readThreads(li.doc, part1)[0]!.resolved, 'the resolution to reach 李四')
    expect(readThreads(li.doc, part1)[0]!.resolvedBy).toBe('张三')
    expect(li.refusals).toEqual([])
    expect(owner.refusals).toEqual([])
    owner.destroy()
    li.destroy()
    await server.kill('SIGTERM')
  }, 120_000)
  it('a member revoked and added again under the same name does not own the earlier member’s comments', async () => {
    const root = folders()
    const dataDir = path.join(root, 'data')
    const ownerToken = await addMember(dataDir, '张三', '研究室', 'owner')
    const oldToken = await addMember(dataDir, '孙七', '办公室', 'reader')
    const server = await startServer({ dataDir })
    const report = await share(server.url, ownerToken, writeSample(root))
    const before = await memberOf(server.url, oldToken)
    const sun = await connect({ url: server.wsUrl, token: oldToken, report })
    const part1 = partRootName(sun.partIds()[0]!)
    const thread = addSharedComment(sun.doc, part1, before, { text: '原来的批注甲', quote: '', anchor: null })
    await sun.synced()
    sun.destroy()

    expect((await runWrs(['team', 'revoke', '--data', dataDir, '--name', '孙七'], root)).code).toBe(0)
    const newToken = await addMember(dataDir, '孙七', '办公室', 'reader')
    const after = await memberOf(server.url, newToken)
    expect(after.id).not.toBe(before.id)

    // The new 孙七 sees the thread under the name, but cannot rewrite, delete or resolve it.
    const again = await connect({ url: server.wsUrl, token: newToken, report })
    const [old] = readThreads(again.doc, part1)
    expect(old).toMatchObject({ id: thread, author: '孙七', text: '原来的批注甲' })
    expect(setThreadResolved(again.doc, part1, after, old!, true, false)).toBe(false)
    again.doc.getMap(commentsRootName(part1, memberCommentKey(before))).set(thread, {
      kind: 'comment',
      text: '接管后改写乙',
      date: '2099-01-01',
      quote: '',
      anchor: null,
    })
    await waitFor(() => again.refusals.length === 1, 'the takeover to be refused')
    expect(again.refusals[0]).toBe(
      '这些批注是以前的成员“孙七”写的（他的令牌已收回）；重新添加的孙七不能修改它们，只能回复。',
    )
    again.destroy()
    expect(stored(dataDir, '接管后改写乙')).toBe(false)

    // He comments and replies in his own (new) name as any member does.
    const third = await connect({ url: server.wsUrl, token: newToken, report })
    replyToThread(third.doc, part1, after, thread, '新的回复丙')
    await third.synced()
    const owner = await connect({ url: server.wsUrl, token: ownerToken, report })
    await waitFor(() => readThreads(owner.doc, part1)[0]?.replies.length === 1, 'the reply to reach the owner')
    expect(readThreads(owner.doc, part1)[0]).toMatchObject({ text: '原来的批注甲', resolved: false })
    expect(third.refusals).toEqual([])
    third.destroy()
    owner.destroy()
    await server.kill('SIGTERM')
  }, 120_000)
})
