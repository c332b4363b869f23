import type { BrowserWindow } from 'electron'
import { screen } from 'electron'
import type { SettingsStore, WindowState } from '../services/settings-store'

/** The saved bounds, dropping a position that is no longer on any display. */
export function visibleWindowState(state: WindowState): WindowState {
  if (state.x === undefined || state.y === undefined) return state
  const { x, y } = state
  const onScreen = screen.getAllDisplays().some(display => {
    const area = display.workArea
    return x + 100 > area.x && x < area.x + area.width - 100 && y >= area.y - 10 && y < area.y + area.height - 100
  })
  return onScreen ? state : { width: state.width, height: state.height, maximized: state.maximized }
}

/** Remembers size, position and maximised state (debounced while moving, final on close). */
export function trackWindowState(window: BrowserWindow, settings: SettingsStore): void {
  let timer: NodeJS.Timeout | undefined
  const save = (): void => {
    if (window.isDestroyed() || window.isMinimized()) return
    const maximized = window.isMaximized()
    const bounds = maximized ? window.getNormalBounds() : window.getBounds()
    void settings
      .update(current => ({
        ...current,
        window: {
          x: bounds.x,
          y: bounds.y,
          width: Math.max(bounds.width, 400),
          height: Math.max(bounds.height, 300),
          maximized,
        },
      }))
      .catch(() => undefined)
  }
  const later = (): void => {
    clearTimeout(timer)
    timer = setTimeout(save, 500)
  }
  window.on('resize', later)
  window.on('move', later)
  window.on('close', () => {
    clearTimeout(timer)
    save()
  })
}
