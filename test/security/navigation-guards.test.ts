import { beforeEach, describe, expect, it, vi } from 'vitest'
import { electronMock } from './electron-mock'

// “security checklist N”: the items of docs/security-checklist.md.

vi.mock('electron', () => electronMock())

const electron = await import('electron')
const security = await import('../../main/electron/security')

function fakeEvent() {
  return { preventDefault: vi.fn() }
}

beforeEach(() => vi.mocked(electron.shell.openExternal).mockClear())

describe('navigation guard (security checklist 13)', () => {
  it.each([
    'https://x',
    'https://example.com/',
    'http://127.0.0.1/',
    'app://bundle.evil/index.html',
    'app://evil/index.html',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,hi',
    'not a url',
  ])('refuses %s', url => {
    expect(security.isAllowedNavigation(url)).toBe(false)
    const event = fakeEvent()
    security.guardNavigation(event, url)
    expect(event.preventDefault).toHaveBeenCalledOnce()
  })

  it('allows a reload of the bundle', () => {
    expect(security.isAllowedNavigation('app://bundle/index.html')).toBe(true)
    const event = fakeEvent()
    security.guardNavigation(event, 'app://bundle/index.html')
    expect(event.preventDefault).not.toHaveBeenCalled()
  })
})

describe('new windows (security checklist 14) and webviews (security checklist 11, 12)', () => {
  it('denies window.open and hands only https/mailto to the system', async () => {
    expect(security.denyWindowOpen({ url: 'https://www.npc.gov.cn/' })).toEqual({ action: 'deny' })
    expect(security.denyWindowOpen({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(security.denyWindowOpen({ url: 'app://bundle/index.html' })).toEqual({ action: 'deny' })
    await Promise.resolve()
    expect(vi.mocked(electron.shell.openExternal).mock.calls).toEqual([['https://www.npc.gov.cn/']])
  })

  it('prevents every webview from attaching', () => {
    const event = fakeEvent()
    security.preventWebview(event)
    expect(event.preventDefault).toHaveBeenCalledOnce()
  })

  it('installs the guards on every web contents', () => {
    const handlers = new Map<string, (...args: unknown[]) => void>()
    const contents = {
      setWindowOpenHandler: vi.fn(),
      on: vi.fn((name: string, handler: (...args: unknown[]) => void) => handlers.set(name, handler)),
    }
    const app = { on: vi.fn() }
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    }
    security.installSecurityGuards(app as never, session as never)
    const [eventName, onCreated] = app.on.mock.calls[0]!
    expect(eventName).toBe('web-contents-created')
    onCreated({}, contents)
    expect(contents.setWindowOpenHandler).toHaveBeenCalledWith(security.denyWindowOpen)
    expect([...handlers.keys()].sort()).toEqual([
      'will-attach-webview',
      'will-frame-navigate',
      'will-navigate',
      'will-redirect',
    ])
    const frameNavigation = { ...fakeEvent(), url: 'https://evil.example/' }
    handlers.get('will-frame-navigate')!(frameNavigation)
    expect(frameNavigation.preventDefault).toHaveBeenCalled()
    const event = fakeEvent()
    handlers.get('will-redirect')!(event, 'https://evil.example/')
    expect(event.preventDefault).toHaveBeenCalled()
    expect(session.setPermissionRequestHandler).toHaveBeenCalledWith(security.denyPermissionRequest)
    expect(session.setPermissionCheckHandler).toHaveBeenCalledWith(security.denyPermissionCheck)
  })
})

describe('permissions (security checklist 5)', () => {
  it.each(['notifications', 'media', 'geolocation', 'clipboard-read', 'openExternal'])('denies %s', permission => {
    const callback = vi.fn()
    security.denyPermissionRequest(null, permission, callback)
    expect(callback).toHaveBeenCalledWith(false)
    expect(security.denyPermissionCheck()).toBe(false)
  })
})
