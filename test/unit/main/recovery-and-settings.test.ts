import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getBuiltinTemplate } from '../../../core/templates/builtin-templates'
import { createReport } from '../../../core/templates/create-report'
import { createRecoveryStore } from '../../../main/services/recovery-store'
import { createSettingsStore, defaultSettings } from '../../../main/services/settings-store'

let userData: string
const report = createReport(getBuiltinTemplate('cppcc')!, {
  planYear: 2025,
  organisation: '××市',
  meetingName: '',
  date: '',
  speakerOffice: '',
  speakerName: '',
  termEnd: false,
})

beforeEach(async () => {
  userData = await fs.mkdtemp(path.join(os.tmpdir(), 'wrs-userdata-'))
})
afterEach(async () => {
  await fs.rm(userData, { recursive: true, force: true })
})

describe('recovery store', () => {
  it('keeps the latest snapshot per document and lists it with a title', async () => {
    const store = createRecoveryStore(userData)
    await store.write({ docId: 'doc-1', path: null, report })
    const edited = { ...report, meta: { ...report.meta, title: '第二次快照' } }
    await store.write({ docId: 'doc-1', path: '/tmp/a.wrs', report: edited })
    const listed = await store.list()
    expect(listed).toHaveLength(1)
    expect(listed[0]).toMatchObject({ docId: 'doc-1', path: '/tmp/a.wrs', title: '第二次快照', report: edited })
    expect(await fs.readdir(path.join(userData, 'recovery'))).toEqual(['doc-1.json'])
  })

  it('discards a snapshot after save, even when a write was still queued', async () => {
    const store = createRecoveryStore(userData)
    const writing = store.write({ docId: 'doc-2', path: null, report })
    await store.discard('doc-2')
    await writing
    expect(await store.list()).toEqual([])
  })

  it('skips unreadable snapshots instead of offering them half-restored', async () => {
    const store = createRecoveryStore(userData)
    await store.write({ docId: 'good', path: null, report })
    await fs.writeFile(path.join(userData, 'recovery', 'torn.json'), '{"docId":"torn","report":{')
    expect((await store.list()).map(snapshot => snapshot.docId)).toEqual(['good'])
  })

  it('refuses document ids that could leave the recovery folder', async () => {
    const store = createRecoveryStore(userData)
    await expect(store.write({ docId: '../../evil', path: null, report })).rejects.toThrow(/unsafe docId/)
    await expect(store.discard('..\\x')).rejects.toThrow(/unsafe docId/)
  })
})

describe('settings store', () => {
  it('gives defaults on first start and persists updates atomically', async () => {
    const store = createSettingsStore(userData)
    expect(await store.load()).toEqual(defaultSettings())
    await store.update(current => ({ ...current, window: { x: 5, y: 6, width: 1000, height: 700, maximized: true } }))
    const reread = await createSettingsStore(userData).load()
    expect(reread.window).toEqual({ x: 5, y: 6, width: 1000, height: 700, maximized: true })
  })

  it('starts with defaults from a corrupted settings file and keeps the broken copy aside', async () => {
    await fs.writeFile(path.join(userData, 'settings.json'), '{"window": {"width": 12')
    const store = createSettingsStore(userData)
    expect(await store.load()).toEqual(defaultSettings())
    const names = await fs.readdir(userData)
    const aside = names.find(name => name.startsWith('settings.json.broken-'))
    expect(aside).toBeDefined()
    expect(await fs.readFile(path.join(userData, aside!), 'utf8')).toBe('{"window": {"width": 12')
    await store.update(current => ({ ...current, language: 'en' }))
    expect((await createSettingsStore(userData).load()).language).toBe('en')
  })

  it('treats valid JSON of the wrong shape as corrupted too', async () => {
    await fs.writeFile(path.join(userData, 'settings.json'), JSON.stringify({ window: { width: 'wide' } }))
    expect(await createSettingsStore(userData).load()).toEqual(defaultSettings())
  })
})
