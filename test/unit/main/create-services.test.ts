import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { invokeMethods } from '../../../core/ipc/api'
import { decideClose } from '../../../main/services/close-flow'
import { createServices } from '../../../main/services/create-services'
import type { SaveOutcome } from '../../../main/services/create-services'
import { ScriptedDialogs } from '../../e2e/host/scripted-dialogs'
import { npcNewReportOptions as options } from '../../helpers/npc-new-report-options'

let userData: string
let documents: string
let dialogs: ScriptedDialogs

beforeEach(async () => {
  userData = await fs.mkdtemp(path.join(os.tmpdir(), 'wrs-services-'))
  documents = await fs.mkdtemp(path.join(os.tmpdir(), 'wrs-docs-'))
  dialogs = new ScriptedDialogs()
})
afterEach(async () => {
  await fs.rm(userData, { recursive: true, force: true })
  await fs.rm(documents, { recursive: true, force: true })
})

describe('createServices', () => {
  it('implements every invoke method of the Api', () => {
    const services = createServices({ userDataDir: userData, dialogs })
    for (const method of invokeMethods) expect(typeof services[method], method).toBe('function')
  })

  it('creates, saves through the save dialog, lists as recent and reopens a report', async () => {
    const services = createServices({ userDataDir: userData, dialogs })
    expect((await services.listTemplates()).map(template => template.id)).toEqual(
      expect.arrayContaining(['npc', 'cppcc', 'gov', 'summary']),
    )
    const created = await services.newReport(options)
    if (!created.ok) throw new Error(created.message)
    expect(created.value.path).toBeNull()
    expect(created.value.report.meta.organisation).toBe('××区')

    const outcomes: SaveOutcome[] = []
    services.saveListeners.add(outcome => outcomes.push(outcome))
    dialogs.enqueue({ save: [path.join(documents, '人大报告')] })
    const saved = await services.saveReport({
      docId: created.value.docId,
      path: null,
      report: created.value.report,
      saveAs: false,
    })
    expect(saved).toMatchObject({ ok: true, value: { path: path.join(documents, '人大报告.wrs') } })
    expect(dialogs.shown.map(dialog => dialog.kind)).toEqual(['save'])

    await services.saveReport({
      docId: created.value.docId,
      path: path.join(documents, '人大报告.wrs'),
      report: created.value.report,
      saveAs: false,
    })
    expect(dialogs.shown).toHaveLength(1)
    expect(outcomes).toEqual(['saved', 'saved'])

    const recent = await services.recentFiles()
    expect(recent.map(file => file.path)).toEqual([path.join(documents, '人大报告.wrs')])

    const reopened = await services.openReport(path.join(documents, '人大报告.wrs'))
    expect(reopened.ok && reopened.value?.report).toEqual(created.value.report)
  })

  it('a cancelled save dialog writes nothing and says so', async () => {
    const services = createServices({ userDataDir: userData, dialogs })
    const created = await services.newReport(options)
    if (!created.ok) throw new Error(created.message)
    const outcomes: SaveOutcome[] = []
    services.saveListeners.add(outcome => outcomes.push(outcome))
    expect(
      await services.saveReport({
        docId: created.value.docId,
        path: null,
        report: created.value.report,
        saveAs: false,
      }),
    ).toEqual({ ok: true, value: null })
    expect(outcomes).toEqual(['cancelled'])
    expect(await fs.readdir(documents)).toEqual([])
  })

  it('opening a broken file returns its zh-CN message and keeps the recent list and the file as they were', async () => {
    const services = createServices({ userDataDir: userData, dialogs })
    const broken = path.join(documents, '坏文件.wrs')
    await fs.writeFile(broken, '{ not json')
    dialogs.enqueue({ open: [broken] })
    const result = await services.openReport(null)
    expect(result).toMatchObject({ ok: false, code: 'invalid-json' })
    expect(await services.recentFiles()).toEqual([])
    expect(await fs.readFile(broken, 'utf8')).toBe('{ not json')
  })

  it('recovery: snapshots of unsaved work survive a restart and vanish after save', async () => {
    const first = createServices({ userDataDir: userData, dialogs })
    const created = await first.newReport(options)
    if (!created.ok) throw new Error(created.message)
    await first.setDocumentState({ docId: created.value.docId, dirty: true, title: '未命名报告' })
    expect(await first.writeRecovery({ docId: created.value.docId, path: null, report: created.value.report })).toEqual(
      { ok: true, value: true },
    )

    const second = createServices({ userDataDir: userData, dialogs })
    const pending = await second.pendingRecoveries()
    expect(pending.map(snapshot => snapshot.docId)).toEqual([created.value.docId])
    expect(pending[0]!.report).toEqual(created.value.report)

    dialogs.enqueue({ save: [path.join(documents, 'a.wrs')] })
    await second.saveReport({ docId: created.value.docId, path: null, report: pending[0]!.report, saveAs: false })
    expect(await second.pendingRecoveries()).toEqual([])
  })

  it('refuses recovery ids that could escape the recovery folder', async () => {
    const services = createServices({ userDataDir: userData, dialogs })
    const created = await services.newReport(options)
    if (!created.ok) throw new Error(created.message)
    expect(
      await services.writeRecovery({ docId: '../../settings', path: null, report: created.value.report }),
    ).toMatchObject({ ok: false, code: 'bad-doc-id' })
    expect(await services.discardRecovery('../x')).toMatchObject({ ok: false, code: 'bad-doc-id' })
  })

  it('saves a report as a user template that is then listed and usable', async () => {
    const services = createServices({ userDataDir: userData, dialogs })
    const created = await services.newReport(options)
    if (!created.ok) throw new Error(created.message)
    const saved = await services.saveAsTemplate({ report: created.value.report, name: '我区人大报告模板' })
    if (!saved.ok) throw new Error(saved.message)
    expect((await services.listTemplates()).find(template => template.id === saved.value.id)).toMatchObject({
      name: '我区人大报告模板',
      builtin: false,
    })
    expect((await services.newReport({ ...options, templateId: saved.value.id })).ok).toBe(true)
  })

  it("asks before closing with unsaved changes (save / don't save / cancel)", async () => {
    expect(await decideClose([{ docId: 'a', dirty: false, title: '甲' }], dialogs)).toBe('close')
    expect(dialogs.shown).toEqual([])
    dialogs.enqueue({ confirmClose: ['save', 'discard', 'cancel'] })
    const dirty = [{ docId: 'a', dirty: true, title: '2024年工作报告' }]
    expect(await decideClose(dirty, dialogs)).toBe('save-then-close')
    expect(await decideClose(dirty, dialogs)).toBe('close')
    expect(await decideClose(dirty, dialogs)).toBe('cancel')
    expect(dialogs.shown[0]!.options).toEqual({ title: '2024年工作报告' })
  })
})
