import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ReportFile } from '../../../core/report-file'
import { createCloseGuard, runCloseFlow } from '../../../main/services/close-flow'
import type { Services } from '../../../main/services/create-services'
import { createServices } from '../../../main/services/create-services'
import { ScriptedDialogs } from '../../e2e/host/scripted-dialogs'
import { npcNewReportOptions as options } from '../../helpers/npc-new-report-options'

// The close flow against the real services: the "renderer" is the requestSave callback, which saves the
// way the editor does on the menu 'save' event (or never answers, or throws).

let userData: string
let documents: string
let dialogs: ScriptedDialogs
let services: Services
let docId: string
let report: ReportFile

beforeEach(async () => {
  userData = await fs.mkdtemp(path.join(os.tmpdir(), 'wrs-close-'))
  documents = await fs.mkdtemp(path.join(os.tmpdir(), 'wrs-close-docs-'))
  dialogs = new ScriptedDialogs()
  services = createServices({ userDataDir: userData, dialogs })
  const created = await services.newReport(options)
  if (!created.ok) throw new Error(created.message)
  docId = created.value.docId
  report = created.value.report
  await services.setDocumentState({ docId, dirty: true, title: '2024年工作报告' })
  await services.writeRecovery({ docId, path: null, report })
})
afterEach(async () => {
  await fs.rm(userData, { recursive: true, force: true })
  await fs.rm(documents, { recursive: true, force: true })
})

const snapshots = async (): Promise<string[]> => (await services.pendingRecoveries()).map(snapshot => snapshot.docId)
const shownKinds = (): string[] => dialogs.shown.map(dialog => dialog.kind)
/** The editor's answer to the close-time save request: saves the report it holds to `target` (null = Save As). */
const editorSaves = (target: string | null) => () =>
  void services.saveReport({ docId, path: target, report, saveAs: false })

describe('close flow', () => {
  it('closes a window without unsaved changes without asking', async () => {
    await services.setDocumentState({ docId, dirty: false, title: '2024年工作报告' })
    expect(await runCloseFlow(services, dialogs, () => undefined)).toEqual({ decision: 'close', close: true })
    expect(dialogs.shown).toEqual([])
  })

  it('取消 keeps the window, the changes and the snapshot', async () => {
    dialogs.enqueue({ confirmClose: ['cancel'] })
    expect(await runCloseFlow(services, dialogs, editorSaves(null))).toEqual({ decision: 'cancel', close: false })
    expect(services.documentStates()[0]!.dirty).toBe(true)
    expect(await snapshots()).toEqual([docId])
    expect(dialogs.shown[0]!.options).toEqual({ title: '2024年工作报告' })
  })

  it('不保存 closes and drops the snapshot', async () => {
    dialogs.enqueue({ confirmClose: ['discard'] })
    expect(await runCloseFlow(services, dialogs, editorSaves(null))).toEqual({ decision: 'close', close: true })
    expect(await snapshots()).toEqual([])
  })

  it('保存 closes once the save succeeded, with the file written', async () => {
    const target = path.join(documents, '报告.wrs')
    dialogs.enqueue({ confirmClose: ['save'], save: [target] })
    expect(await runCloseFlow(services, dialogs, editorSaves(null))).toEqual({
      decision: 'save-then-close',
      close: true,
    })
    expect(JSON.parse(await fs.readFile(target, 'utf8')).meta.organisation).toBe('××区')
    expect(await snapshots()).toEqual([])
  })

  it('保存 closes when the file was written even if the recent-files list cannot be (settings unwritable)', async () => {
    await fs.mkdir(path.join(userData, 'settings.json'))
    const target = path.join(documents, '报告.wrs')
    dialogs.enqueue({ confirmClose: ['save'] })
    expect(await runCloseFlow(services, dialogs, editorSaves(target))).toEqual({
      decision: 'save-then-close',
      close: true,
    })
    expect((await fs.stat(target)).isFile()).toBe(true)
  })

  it('保存 then a cancelled Save-As dialog keeps the window, the changes and the snapshot', async () => {
    dialogs.enqueue({ confirmClose: ['save'], save: [null] })
    expect(await runCloseFlow(services, dialogs, editorSaves(null))).toEqual({
      decision: 'save-then-close',
      close: false,
    })
    expect(shownKinds()).toEqual(['confirmClose', 'save'])
    expect(await fs.readdir(documents)).toEqual([])
    expect(services.documentStates()[0]!.dirty).toBe(true)
    expect(await snapshots()).toEqual([docId])
  })

  it('保存 with a save that fails (folder gone) keeps the window, the changes and the snapshot', async () => {
    dialogs.enqueue({ confirmClose: ['save'] })
    const target = path.join(documents, '已删除的文件夹', '报告.wrs')
    expect(await runCloseFlow(services, dialogs, editorSaves(target))).toEqual({
      decision: 'save-then-close',
      close: false,
    })
    expect(services.documentStates()[0]!.dirty).toBe(true)
    expect(await snapshots()).toEqual([docId])
  })

  it('保存 with a save that throws counts as failed: the window stays', async () => {
    dialogs.enqueue({ confirmClose: ['save'] })
    const broken = () =>
      void services.saveReport({ docId, path: null, report: {} as ReportFile, saveAs: false }).catch(() => undefined)
    expect(await runCloseFlow(services, dialogs, broken)).toEqual({ decision: 'save-then-close', close: false })
    expect(await snapshots()).toEqual([docId])
  })

  it('a save that leaves another report unsaved does not close', async () => {
    await services.setDocumentState({ docId: 'other-doc', dirty: true, title: '另一份' })
    dialogs.enqueue({ confirmClose: ['save'] })
    expect(await runCloseFlow(services, dialogs, editorSaves(path.join(documents, '报告.wrs')))).toMatchObject({
      close: false,
    })
    expect(dialogs.shown[0]!.options).toEqual({ title: '2024年工作报告、另一份' })
  })

  it('an editor that never answers: after the timeout the user may close keeping the snapshot', async () => {
    dialogs.enqueue({ confirmClose: ['save'], closeWithoutSaving: ['close'] })
    const started = Date.now()
    expect(await runCloseFlow(services, dialogs, () => undefined, { answerTimeoutMs: 50 })).toEqual({
      decision: 'save-then-close',
      close: true,
    })
    expect(Date.now() - started).toBeGreaterThanOrEqual(45)
    expect(shownKinds()).toEqual(['confirmClose', 'closeWithoutSaving'])
    expect(dialogs.shown[1]!.options).toEqual({ title: '2024年工作报告' })
    expect(await snapshots()).toEqual([docId])
  })

  it('an editor that never answers: 取消 keeps the window', async () => {
    dialogs.enqueue({ confirmClose: ['save'], closeWithoutSaving: ['cancel'] })
    expect(await runCloseFlow(services, dialogs, () => undefined, { answerTimeoutMs: 20 })).toMatchObject({
      close: false,
    })
    expect(await snapshots()).toEqual([docId])
  })

  it('an editor whose window is gone (send throws) is treated as not answering', async () => {
    dialogs.enqueue({ confirmClose: ['save'], closeWithoutSaving: ['close'] })
    const throws = () => {
      throw new Error('Object has been destroyed')
    }
    expect(await runCloseFlow(services, dialogs, throws, { answerTimeoutMs: 60_000 })).toMatchObject({ close: true })
  })

  it('a Save-As dialog left open past the timeout is not interrupted: the save decides', async () => {
    const target = path.join(documents, '慢慢选的.wrs')
    const slow = new ScriptedDialogs()
    slow.enqueue({ confirmClose: ['save'] })
    const slowServices = createServices({
      userDataDir: userData,
      dialogs: {
        ...slow,
        confirmClose: options => slow.confirmClose(options),
        closeWithoutSaving: options => slow.closeWithoutSaving(options),
        message: options => slow.message(options),
        openFile: options => slow.openFile(options),
        saveFile: () => new Promise(resolve => setTimeout(() => resolve(target), 120)),
      },
    })
    await slowServices.setDocumentState({ docId, dirty: true, title: '2024年工作报告' })
    const save = () => void slowServices.saveReport({ docId, path: null, report, saveAs: false })
    expect(await runCloseFlow(slowServices, slow, save, { answerTimeoutMs: 20 })).toEqual({
      decision: 'save-then-close',
      close: true,
    })
    expect(slow.shown.map(dialog => dialog.kind)).toEqual(['confirmClose'])
    expect((await fs.stat(target)).isFile()).toBe(true)
  })

  it('a save that finished as the prompt was due closes without asking', async () => {
    dialogs.enqueue({ confirmClose: ['save'] })
    // The editor saves through another path (not seen by this flow's listeners) just before the timeout.
    const lateSave = () =>
      void setTimeout(() => void services.setDocumentState({ docId, dirty: false, title: '2024年工作报告' }), 5)
    expect(await runCloseFlow(services, dialogs, lateSave, { answerTimeoutMs: 40 })).toMatchObject({ close: true })
    expect(shownKinds()).toEqual(['confirmClose'])
  })
})

describe('close guard (the window close event)', () => {
  it('lets a clean window close and holds a dirty one until the flow allows it', async () => {
    const closes: number[] = []
    const target = path.join(documents, '报告.wrs')
    dialogs.enqueue({ confirmClose: ['save'] })
    const guard = createCloseGuard({
      services,
      dialogs,
      requestSave: editorSaves(target),
      close: () => closes.push(Date.now()),
    })
    expect(guard.interceptClose()).toBe(true)
    // A second click while the first flow runs neither starts a second flow nor closes.
    expect(guard.interceptClose()).toBe(true)
    await expect.poll(() => closes.length).toBe(1)
    expect(shownKinds()).toEqual(['confirmClose'])
    // The guard's own close() goes through.
    expect(guard.interceptClose()).toBe(false)
  })

  it('does not close when the flow says no, and asks again on the next attempt', async () => {
    let closed = false
    dialogs.enqueue({ confirmClose: ['cancel', 'discard'] })
    const guard = createCloseGuard({
      services,
      dialogs,
      requestSave: () => undefined,
      close: () => {
        closed = true
      },
    })
    expect(guard.interceptClose()).toBe(true)
    await expect.poll(() => shownKinds()).toEqual(['confirmClose'])
    await new Promise(resolve => setTimeout(resolve, 10))
    expect(closed).toBe(false)
    expect(guard.interceptClose()).toBe(true)
    await expect.poll(() => closed).toBe(true)
  })

  it('a save that hangs after it started: closing again offers 关闭并保留恢复快照', async () => {
    let closed = false
    dialogs.enqueue({ confirmClose: ['save'], closeWithoutSaving: ['close'] })
    const hangingServices: Services = {
      ...services,
      saveReport: () => {
        for (const listener of [...services.saveStartListeners]) listener()
        return new Promise(() => undefined)
      },
    }
    const guard = createCloseGuard({
      services: hangingServices,
      dialogs,
      requestSave: () => void hangingServices.saveReport({ docId, path: null, report, saveAs: false }),
      close: () => {
        closed = true
      },
      answerTimeoutMs: 20,
    })
    expect(guard.interceptClose()).toBe(true)
    await new Promise(resolve => setTimeout(resolve, 60))
    // Started, so the timeout does not apply: nothing asked yet.
    expect(shownKinds()).toEqual(['confirmClose'])
    expect(closed).toBe(false)
    expect(guard.interceptClose()).toBe(true)
    await expect.poll(() => closed).toBe(true)
    expect(shownKinds()).toEqual(['confirmClose', 'closeWithoutSaving'])
    expect(await snapshots()).toEqual([docId])
  })
})
