import { describe, expect, it, vi } from 'vitest'
import { electronMock } from '../../security/electron-mock'

vi.mock('electron', () => electronMock())

const { visibleWindowState } = await import('../../../main/electron/window-state')

describe('remembered window position', () => {
  it('keeps a position that is on a display (1920×1080 here)', () => {
    expect(visibleWindowState({ x: 100, y: 50, width: 1200, height: 800, maximized: false })).toEqual({
      x: 100,
      y: 50,
      width: 1200,
      height: 800,
      maximized: false,
    })
  })

  it('drops a position left on a display that is gone, keeping the size', () => {
    expect(visibleWindowState({ x: 2500, y: 50, width: 1200, height: 800, maximized: true })).toEqual({
      width: 1200,
      height: 800,
      maximized: true,
    })
    expect(visibleWindowState({ x: 100, y: -900, width: 1200, height: 800, maximized: false })).toEqual({
      width: 1200,
      height: 800,
      maximized: false,
    })
  })
})
