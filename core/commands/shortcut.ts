/** Shortcuts are written once, in Electron's accelerator syntax (`CmdOrCtrl+Shift+S`); these read them. */

export interface KeyPress {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

interface Parsed {
  mod: boolean
  shift: boolean
  alt: boolean
  key: string
}

function parse(accelerator: string): Parsed {
  const parts = accelerator.split('+')
  const key = parts.pop()!.toLowerCase()
  return { mod: parts.includes('CmdOrCtrl'), shift: parts.includes('Shift'), alt: parts.includes('Alt'), key }
}

/**
 * Whether a key press is this shortcut. With Alt the layout may change `event.key` (macOS Option), so the digit or
 * letter is also read from `code` when given.
 */
export function matchesShortcut(accelerator: string, press: KeyPress & { code?: string }): boolean {
  const wanted = parse(accelerator)
  if (wanted.mod !== (press.ctrlKey || press.metaKey)) return false
  if (wanted.shift !== press.shiftKey || wanted.alt !== press.altKey) return false
  const fromCode = press.code?.replace(/^(Key|Digit)/, '').toLowerCase()
  return press.key.toLowerCase() === wanted.key || fromCode === wanted.key
}

/** `CmdOrCtrl+Shift+S` → `Ctrl+Shift+S` (as shown in tooltips and menus on Windows and Linux). */
export function shortcutText(accelerator: string, mac = false): string {
  return accelerator.replace('CmdOrCtrl', mac ? 'Cmd' : 'Ctrl')
}

/** `CmdOrCtrl+Alt+R` → `Mod-Alt-r`, the keymap syntax of ProseMirror/TipTap. */
export function editorKeymapKey(accelerator: string): string {
  const { mod, shift, alt, key } = parse(accelerator)
  return [mod && 'Mod', alt && 'Alt', shift && 'Shift', key].filter(Boolean).join('-')
}
