import { describe, expect, it } from 'vitest'
import { commandLabels } from '../../../../core/commands/command-labels'
import { commandIds, commandTable } from '../../../../core/commands/command-table'
import { headingLevelName, headingMarkerExample } from '../../../../core/commands/heading-level-name'
import { editorKeymapKey, matchesShortcut, shortcutText } from '../../../../core/commands/shortcut'

const press = (key: string, extra: Partial<{ ctrl: boolean; shift: boolean; alt: boolean; code: string }> = {}) => ({
  key,
  ctrlKey: extra.ctrl ?? true,
  metaKey: false,
  shiftKey: extra.shift ?? false,
  altKey: extra.alt ?? false,
  code: extra.code,
})

describe('the command table', () => {
  it('lists every command once', () => {
    expect(commandTable.map(command => command.id)).toEqual([...commandIds])
  })

  it('gives no two commands the same shortcut', () => {
    const shortcuts = commandTable.flatMap(command => (command.shortcut ? [command.shortcut] : []))
    expect(new Set(shortcuts).size).toBe(shortcuts.length)
  })

  it('has a zh-CN and an English label for every command and menu word, and no other', () => {
    expect(Object.keys(commandLabels.en).sort()).toEqual(Object.keys(commandLabels['zh-CN']).sort())
    for (const id of commandIds) {
      expect(commandLabels['zh-CN'][id], id).toMatch(/\S/)
      expect(commandLabels.en[id], id).toMatch(/\S/)
    }
    const english = Object.entries(commandLabels.en).filter(([key]) => key !== 'language')
    expect(english.filter(([, label]) => /[\u4e00-\u9fff]/.test(label))).toEqual([])
  })
})

describe('shortcuts', () => {
  it('match the key press they name, and only that one', () => {
    expect(matchesShortcut('CmdOrCtrl+S', press('s'))).toBe(true)
    expect(matchesShortcut('CmdOrCtrl+S', press('S', { shift: true }))).toBe(false)
    expect(matchesShortcut('CmdOrCtrl+Shift+S', press('S', { shift: true }))).toBe(true)
    expect(matchesShortcut('CmdOrCtrl+S', press('s', { ctrl: false }))).toBe(false)
    expect(matchesShortcut('CmdOrCtrl+F', press('f', { alt: true }))).toBe(false)
    // macOS Option+1 types ¡: the physical key still counts
    expect(matchesShortcut('CmdOrCtrl+Alt+1', press('¡', { alt: true, code: 'Digit1' }))).toBe(true)
  })

  it('read as Ctrl+… in tooltips and as Mod-… in the editor keymap', () => {
    expect(shortcutText('CmdOrCtrl+Shift+S')).toBe('Ctrl+Shift+S')
    expect(editorKeymapKey('CmdOrCtrl+Alt+R')).toBe('Mod-Alt-r')
    expect(editorKeymapKey('CmdOrCtrl+Alt+1')).toBe('Mod-Alt-1')
  })
})

describe('heading level names', () => {
  it('follow the printed marker: in year-parts reports the heading printed 一、 is the first level', () => {
    expect(headingLevelName('yearParts', 1)).toBe('part')
    expect(headingLevelName('yearParts', 2)).toBe('depth1')
    expect(headingMarkerExample('yearParts', 2)).toBe('一、')
    expect(headingLevelName('numbered', 1)).toBe('depth1')
    expect(headingMarkerExample('numbered', 2)).toBe('（一）')
  })
})
