import { describe, expect, it, vi } from 'vitest'
import { electronMock } from './electron-mock'

vi.mock('electron', () => electronMock())

const electron = await import('electron')
const { isSafeExternalUrl, openExternalSafe } = await import('../../main/electron/open-external-safe')

// “security checklist N”: the items of docs/security-checklist.md.

describe('openExternalSafe (security checklist 15)', () => {
  it.each(['https://www.gov.cn/', 'https://example.com/path?q=1#x', 'mailto:office@example.gov.cn'])(
    'accepts %s',
    async url => {
      expect(isSafeExternalUrl(url)).toBe(true)
    },
  )

  it.each([
    'file:///C:/Windows/System32/calc.exe',
    'file:///etc/passwd',
    'smb://attacker/share',
    'javascript:alert(1)',
    'ms-msdt:/id PCWDiagnostic',
    'http://example.com/',
    'vbscript:msgbox',
    'app://bundle/index.html',
    'https://user:pass@example.com/',
    'not a url',
    '',
    '//example.com',
  ])('rejects %s without calling the shell', async url => {
    const openExternal = vi.mocked(electron.shell.openExternal)
    openExternal.mockClear()
    expect(isSafeExternalUrl(url)).toBe(false)
    expect(await openExternalSafe(url)).toBe(false)
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('passes an allowed URL to shell.openExternal unchanged', async () => {
    const openExternal = vi.mocked(electron.shell.openExternal)
    openExternal.mockClear()
    expect(await openExternalSafe('https://www.npc.gov.cn/')).toBe(true)
    expect(openExternal).toHaveBeenCalledWith('https://www.npc.gov.cn/')
  })
})
