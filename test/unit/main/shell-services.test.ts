import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { WindowState } from '../../../core/ipc/shell-api'
import { readElectronClipboard } from '../../../main/electron/read-clipboard'
import { createServices } from '../../../main/services/create-services'
import type { Desktop } from '../../../main/services/desktop'
import { ScriptedDialogs } from '../../e2e/host/scripted-dialogs'

let userData: string
let documents: string
beforeEach(async () => {
  userData = await fs.mkdtemp(path.join(os.tmpdir(), 'wrs-shell-services-'))
  documents = await fs.mkdtemp(path.join(os.tmpdir(), 'wrs-shell-docs-'))
})
afterEach(async () => {
  await fs.rm(userData, { recursive: true, force: true })
  await fs.rm(documents, { recursive: true, force: true })
})

function recordingDesktop(): Desktop & { calls: string[] } {
  const calls: string[] = []
  return {
    calls,
    openPath: async filePath => {
      calls.push(`file ${filePath}`)
      return ''
    },
    showItemInFolder: filePath => void calls.push(`folder ${filePath}`),
    readClipboard: async () => ({ text: '纯文本', html: '<b>纯文本</b>' }),
  }
}

describe('the desktop behind the main services', () => {
  it('opens an exported file or its folder, and refuses any other path in a sentence', async () => {
    const desktop = recordingDesktop()
    const dialogs = new ScriptedDialogs()
    const services = createServices({ userDataDir: userData, dialogs, desktop })
    const created = await services.newReport({
      templateId: 'npc',
      planYear: 2025,
      organisation: '××区',
      meetingName: '',
      date: '',
      speakerOffice: '',
      speakerName: '',
      termEnd: false,
    })
    if (!created.ok) throw new Error(created.message)
    const target = path.join(documents, '征求意见稿.docx')
    const exported = await services.exportReport({
      report: created.value.report,
      format: 'docx',
      draftLabel: '征求意见稿',
      path: target,
    })
    expect(exported.ok && exported.value.kind).toBe('written')

    expect(await services.openExported({ path: target, how: 'file' })).toEqual({ ok: true, value: true })
    expect(await services.openExported({ path: target, how: 'folder' })).toEqual({ ok: true, value: true })
    expect(desktop.calls).toEqual([`file ${target}`, `folder ${target}`])

    const elsewhere = await services.openExported({ path: '/usr/bin/env', how: 'file' })
    expect(elsewhere.ok).toBe(false)
    if (!elsewhere.ok) expect(elsewhere.message).toBe('“env”不是本次导出的文件，未打开。请在文件管理器中打开它。')
    expect(desktop.calls).toHaveLength(2)
  })

  it('passes the window title and language on, and reads the clipboard through the desktop', async () => {
    const states: WindowState[] = []
    const services = createServices({
      userDataDir: userData,
      dialogs: new ScriptedDialogs(),
      desktop: recordingDesktop(),
      onWindowState: state => states.push(state),
    })
    await services.setWindowState({ title: '2025年工作报告.wrs* — 工作报告编写器', language: 'en' })
    expect(states).toEqual([{ title: '2025年工作报告.wrs* — 工作报告编写器', language: 'en' }])
    expect(services.windowState()).toEqual(states[0])
    expect(await services.readClipboard()).toEqual({ text: '纯文本', html: '<b>纯文本</b>' })
  })

  it('reads text and HTML from Electron’s asynchronous clipboard', async () => {
    const item = { types: ['text/plain', 'text/html'], getType: async () => new Blob(['<p>一段</p>']) }
    const fake = { readText: async () => '一段', read: async () => [item] }
    expect(await readElectronClipboard(fake as never)).toEqual({ text: '一段', html: '<p>一段</p>' })
    const plainOnly = { readText: async () => '一段', read: async () => [{ ...item, types: ['text/plain'] }] }
    expect(await readElectronClipboard(plainOnly as never)).toEqual({ text: '一段', html: '' })
  })
})
