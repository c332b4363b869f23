import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { electronMock } from './electron-mock'

vi.mock('electron', () => electronMock())

const electron = await import('electron')
const { handle, isTrustedSender, registerApiHandlers } = await import('../../main/electron/ipc-handle')
const { invokeMethods } = await import('../../core/ipc/api')
const { channelOf } = await import('../../core/ipc/channel')

// “security checklist N”: the items of docs/security-checklist.md.

type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>

function register<T extends unknown[]>(schema: z.ZodType<T>, fn: (...args: T) => Promise<unknown>): Listener {
  const handleMock = vi.mocked(electron.ipcMain.handle)
  handleMock.mockClear()
  handle('wrs:test', schema, fn)
  return handleMock.mock.calls[0]![1] as Listener
}

const mainFrame = { url: 'app://bundle/index.html', parent: null }

describe('handle(): sender check (security checklist 17) and argument validation', () => {
  it('runs the handler for our main frame with valid arguments', async () => {
    const fn = vi.fn(async (name: string) => ({ ok: true, value: name }))
    const listener = register(z.tuple([z.string()]), fn)
    expect(await listener({ senderFrame: mainFrame }, '报告')).toEqual({ ok: true, value: '报告' })
    expect(fn).toHaveBeenCalledWith('报告')
  })

  it.each([
    ['https://evil.example', { senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['a look-alike host', { senderFrame: { url: 'app://bundle.evil/index.html', parent: null } }],
    ['file://', { senderFrame: { url: 'file:///index.html', parent: null } }],
    ['a subframe of our page', { senderFrame: { url: 'app://bundle/index.html', parent: mainFrame } }],
    ['a destroyed frame', { senderFrame: null }],
  ])('refuses a sender from %s without running the handler', async (_label, event) => {
    const fn = vi.fn(async () => 'ran')
    const listener = register(z.tuple([]), fn)
    expect(isTrustedSender(event as never)).toBe(false)
    expect(await listener(event)).toMatchObject({ ok: false, code: 'forbidden' })
    expect(fn).not.toHaveBeenCalled()
  })

  it('refuses bad arguments with a zh-CN message', async () => {
    const fn = vi.fn(async (_text: string) => 'ran')
    const listener = register(z.tuple([z.string().max(5)]), fn)
    for (const args of [[42], ['太长的字符串啊啊'], [], ['a', 'extra']]) {
      const result = (await listener({ senderFrame: mainFrame }, ...args)) as {
        ok: boolean
        code: string
        message: string
      }
      expect(result).toMatchObject({ ok: false, code: 'invalid-arguments' })
      expect(result.message).toMatch(/请求参数无效/)
    }
    expect(fn).not.toHaveBeenCalled()
  })

  it('turns a thrown error into a result instead of losing it across IPC', async () => {
    const listener = register(z.tuple([]), async () => {
      throw new Error('磁盘故障')
    })
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    expect(await listener({ senderFrame: mainFrame })).toMatchObject({ ok: false, code: 'internal' })
  })

  it('registers one checked handler per Api invoke method and validates openReport arguments', async () => {
    const handleMock = vi.mocked(electron.ipcMain.handle)
    handleMock.mockClear()
    const services = Object.fromEntries(invokeMethods.map(method => [method, vi.fn(async () => method)]))
    registerApiHandlers(services as never)
    expect(handleMock.mock.calls.map(call => call[0]).sort()).toEqual(invokeMethods.map(channelOf).sort())
    const openReport = handleMock.mock.calls.find(call => call[0] === channelOf('openReport'))![1] as Listener
    expect(await openReport({ senderFrame: mainFrame }, '/tmp/a.wrs')).toBe('openReport')
    expect(await openReport({ senderFrame: mainFrame }, { path: '/etc/passwd' })).toMatchObject({
      ok: false,
      code: 'invalid-arguments',
    })
    expect(
      await openReport({ senderFrame: { url: 'https://evil.example/', parent: null } }, '/tmp/a.wrs'),
    ).toMatchObject({ ok: false, code: 'forbidden' })
  })
})
