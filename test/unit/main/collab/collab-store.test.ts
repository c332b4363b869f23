import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MEMBER_ID_PATTERN } from '../../../../core/collab/report-roots'
import { CollabStore, DATABASE_FILE, hashToken } from '../../../../main/collab/storage/collab-store'
import { openSqlite } from '../../../../main/collab/storage/open-sqlite'
import { runWrs } from '../../../helpers/run-wrs'
import { tempDirs } from '../../../helpers/temp-dirs'

const folders = tempDirs('wrs-collab-store-')

describe('the collaboration store', () => {
  it('keeps only a hash of each token; a revoked token opens nothing; the name can be added again', async () => {
    const dataDir = path.join(folders(), 'data')
    const store = await CollabStore.open(dataDir)
    const added = store.addMember({ name: '李四', offices: ['财经工委'], role: 'editor' })
    if (!('token' in added)) throw new Error(added.refused)
    expect(added.token).toMatch(/^wrs_[A-Za-z0-9_-]{32}$/)
    expect(store.memberByToken(added.token)).toEqual({
      id: added.id,
      name: '李四',
      offices: ['财经工委'],
      role: 'editor',
    })
    expect(added.id).toMatch(MEMBER_ID_PATTERN)
    expect(store.addMember({ name: '李四', offices: ['法工委'], role: 'editor' })).toMatchObject({
      refused: expect.stringContaining('已有成员“李四”'),
    })
    store.close()
    const bytes = readdirSync(dataDir).map(name => readFileSync(path.join(dataDir, name)))
    expect(bytes.some(content => content.includes(added.token))).toBe(false)
    expect(bytes.some(content => content.includes(hashToken(added.token)))).toBe(true)

    const reopened = await CollabStore.open(dataDir)
    expect(reopened.revokeMember('李四')).toBe(true)
    expect(reopened.revokeMember('李四')).toBe(false)
    expect(reopened.memberByToken(added.token)).toBeUndefined()
    const again = reopened.addMember({ name: '李四', offices: ['法工委'], role: 'reader' })
    if (!('token' in again)) throw new Error(again.refused)
    expect(reopened.memberByToken(again.token)).toMatchObject({ offices: ['法工委'], role: 'reader' })
    // A fresh member id: the re-added 李四 is not the earlier one (his comments stay the earlier one's).
    expect(reopened.memberByToken(again.token)!.id).not.toBe(added.id)
    expect(reopened.listMembers().map(member => [member.name, member.revokedAt])).toEqual([['李四', null]])
    reopened.close()
  })

  it('gives members of a data folder from before member ids an id each when it is opened', async () => {
    const dataDir = folders()
    const old = await openSqlite(path.join(dataDir, DATABASE_FILE))
    old.exec(`CREATE TABLE members (name TEXT PRIMARY KEY, offices TEXT NOT NULL, role TEXT NOT NULL,
      token_hash TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL, revoked_at TEXT)`)
    old
      .prepare('INSERT INTO members VALUES (?, ?, ?, ?, ?, NULL)')
      .run('李四', '["财经工委"]', 'editor', hashToken('wrs_old'), '2024-01-01')
    old.close()
    const store = await CollabStore.open(dataDir)
    const member = store.memberByToken('wrs_old')
    expect(member?.id).toMatch(MEMBER_ID_PATTERN)
    expect(store.listMembers().map(each => each.id)).toEqual([member!.id])
    store.close()
  })

  it('logs updates before they are applied and folds them into the state without losing one', async () => {
    const store = await CollabStore.open(folders())
    const source = new Y.Doc()
    store.createReport(
      { id: 'r-test01', title: '报告', createdBy: '张三', createdAt: '2024-01-01' },
      Y.encodeStateAsUpdate(source),
    )
    const logged: Array<Promise<void>> = []
    source.on('update', (update: Uint8Array) => logged.push(store.appendUpdate('r-test01', update, '李四')))
    for (const word of ['一', '二', '三']) source.getText('t').insert(0, word)
    await Promise.all(logged)
    const stored = store.loadDocument('r-test01')
    expect(stored.updates).toHaveLength(3)
    const loaded = new Y.Doc()
    Y.applyUpdate(loaded, stored.state!)
    for (const update of stored.updates) Y.applyUpdate(loaded, update)
    expect(loaded.getText('t').toString()).toBe('三二一')
    store.compact('r-test01', ({ state, updates }) => Y.mergeUpdates([state!, ...updates]))
    const compacted = store.loadDocument('r-test01')
    expect(compacted.updates).toEqual([])
    const again = new Y.Doc()
    Y.applyUpdate(again, compacted.state!)
    expect(again.getText('t').toString()).toBe('三二一')
    store.close()
  })

  it('wrs team prints the token alone on the last line and lists members without tokens', async () => {
    const dataDir = path.join(folders(), 'data')
    const added = await runWrs(
      [
        'team',
        'add-user',
        '--data',
        dataDir,
        '--name',
        '张三',
        '--office',
        '研究室',
        '--office',
        '办公室',
        '--role',
        'owner',
      ],
      dataDir,
    )
    expect(added.code).toBe(0)
    const token = added.out.trim().split('\n').at(-1)!
    expect(token).toMatch(/^wrs_/)
    expect(added.out).toContain('已添加成员 张三（研究室、办公室，负责人）')
    const listed = await runWrs(['team', 'list', '--data', dataDir], dataDir)
    expect(listed.out).toBe('张三  研究室、办公室  负责人  令牌有效\n')
    expect(listed.out).not.toContain(token)
    expect(
      (
        await runWrs(
          ['team', 'add-user', '--data', dataDir, '--name', '王五', '--office', '研究室', '--role', 'boss'],
          dataDir,
        )
      ).err,
    ).toContain('角色“boss”无效')
    expect((await runWrs(['team', 'revoke', '--data', dataDir, '--name', '无此人'], dataDir)).code).toBe(2)
    expect((await runWrs(['team', 'revoke', '--data', dataDir, '--name', '张三'], dataDir)).out).toContain(
      '已收回 张三 的令牌',
    )
    expect((await runWrs(['team', 'list', '--data', dataDir], dataDir)).out).toMatch(
      /张三 {2}研究室、办公室 {2}负责人 {2}令牌已收回/,
    )
    expect(readdirSync(dataDir).every(name => name.startsWith(DATABASE_FILE))).toBe(true)
  })
})
