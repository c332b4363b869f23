import { describe, expect, it } from 'vitest'
import { windowOptions } from '../../main/electron/window-options'

// “security checklist N”: the items of docs/security-checklist.md.

describe('main window options (security checklist 2, 3, 4, 6, 8, 9, 11)', () => {
  const options = windowOptions({
    preload: '/app/out/preload/index.cjs',
    state: { width: 1280, height: 860, maximized: false },
  })
  const prefs = options.webPreferences!

  it('has every security preference explicit and safe', () => {
    expect(prefs).toMatchInlineSnapshot(`
      {
        "allowRunningInsecureContent": false,
        "contextIsolation": true,
        "disableBlinkFeatures": "Auxclick",
        "experimentalFeatures": false,
        "navigateOnDragDrop": false,
        "nodeIntegration": false,
        "nodeIntegrationInSubFrames": false,
        "nodeIntegrationInWorker": false,
        "preload": "/app/out/preload/index.cjs",
        "safeDialogs": true,
        "sandbox": true,
        "spellcheck": false,
        "webSecurity": true,
        "webviewTag": false,
      }
    `)
  })

  it('never enables blink features or insecure content', () => {
    expect(prefs).not.toHaveProperty('enableBlinkFeatures')
    expect(prefs.allowRunningInsecureContent).toBe(false)
    expect(prefs.experimentalFeatures).toBe(false)
  })

  it('restores a remembered position and size', () => {
    const restored = windowOptions({ preload: 'p', state: { x: 10, y: 20, width: 1000, height: 700, maximized: true } })
    expect([restored.x, restored.y, restored.width, restored.height]).toEqual([10, 20, 1000, 700])
  })
})
