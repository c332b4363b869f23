import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { electronMock } from '../../security/electron-mock'

vi.mock('electron', () => electronMock())

const { menuTemplate } = await import('../../../main/electron/menu')
const { commandSpec, isCommandId } = await import('../../../core/commands/command-table')
const { commandLabels } = await import('../../../core/commands/command-labels')

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap(item => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])])
}

describe('application menu', () => {
  const send = vi.fn()
  const template = menuTemplate(
    [{ path: '/docs/2024年工作报告.wrs', title: '2024年工作报告', openedAt: '2024-01-01T00:00:00Z' }],
    { send, clearRecent: vi.fn(), isDev: false },
  )
  const items = flatten(template)

  it('has the zh-CN top-level menus 文件 编辑 视图 帮助', () => {
    expect(template.map(menu => menu.label)).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)'])
  })

  it.each([
    ['CmdOrCtrl+N', 'new'],
    ['CmdOrCtrl+O', 'open'],
    ['CmdOrCtrl+S', 'save'],
    ['CmdOrCtrl+Shift+S', 'saveAs'],
    ['CmdOrCtrl+P', 'print'],
    ['CmdOrCtrl+F', 'find'],
    ['CmdOrCtrl+H', 'replace'],
  ])('%s sends the %s menu command to the renderer', (accelerator, command) => {
    const item = items.find(candidate => candidate.accelerator === accelerator)
    expect(item, accelerator).toBeDefined()
    send.mockClear()
    item!.click!({} as never, undefined, {} as never)
    expect(send).toHaveBeenCalledWith({ type: 'menu', command })
  })

  it('undo and redo are Ctrl+Z and Ctrl+Y editing roles', () => {
    expect(items.find(item => item.role === 'undo')?.accelerator).toBe('CmdOrCtrl+Z')
    expect(items.find(item => item.role === 'redo')?.accelerator).toBe('CmdOrCtrl+Y')
  })

  it('lists recent files and opens one through an open-file event', () => {
    const recent = items.find(item => item.label === '1. 2024年工作报告')
    expect(recent?.toolTip).toBe('/docs/2024年工作报告.wrs')
    send.mockClear()
    recent!.click!({} as never, undefined, {} as never)
    expect(send).toHaveBeenCalledWith({ type: 'open-file', path: '/docs/2024年工作报告.wrs' })
  })

  it('offers no developer tools in a packaged app', () => {
    expect(items.some(item => item.role === 'toggleDevTools')).toBe(false)
  })

  it('takes every command label and shortcut from the command table', () => {
    const sent = items.filter(item => item.click && !item.toolTip && item.label !== '清除最近打开的文件')
    expect(sent.length).toBeGreaterThan(10)
    for (const item of sent) {
      send.mockClear()
      item.click!({} as never, undefined, {} as never)
      const command = (send.mock.calls[0]![0] as { command: string }).command
      expect(isCommandId(command), command).toBe(true)
      if (!isCommandId(command)) continue
      expect(item.label).toBe(commandLabels['zh-CN'][command])
      expect(item.accelerator).toBe(commandSpec(command).shortcut)
    }
    expect(items.find(item => item.role === 'pasteAndMatchStyle')?.label).toBe('粘贴为纯文本')
  })

  it('speaks English when the renderer does', () => {
    const english = flatten(menuTemplate([], { send, clearRecent: vi.fn(), isDev: false, language: 'en' }))
    expect(english.filter(item => item.label && /[\u4e00-\u9fff]/.test(item.label))).toEqual([])
    expect(english.find(item => item.accelerator === 'CmdOrCtrl+S')?.label).toBe('Save')
  })
})
