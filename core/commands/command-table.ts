/**
 * The one list of commands: the native menu (main/electron/menu.ts), the keyboard (renderer/app/use-command-keys.ts
 * and the editor's keymaps), the toolbar and the right-click menu all read labels, shortcuts and when a command
 * applies from here. The renderer binds the handlers (renderer/app/command-registry.ts).
 */
export const commandIds = [
  'new',
  'open',
  'save',
  'saveAs',
  'import',
  'export',
  'print',
  'rollForward',
  'library',
  'collabShare',
  'collabOpen',
  'collabAssign',
  'collabSubmit',
  'collabApprove',
  'collabReopen',
  'undo',
  'redo',
  'cut',
  'copy',
  'paste',
  'pastePlain',
  'selectAll',
  'find',
  'replace',
  'paragraph',
  'heading1',
  'heading2',
  'heading3',
  'heading4',
  'runIn',
  'bold',
  'superscript',
  'subscript',
  'bulletList',
  'orderedList',
  'insertTable',
  'insertFootnote',
  'addRow',
  'deleteRow',
  'addColumn',
  'deleteColumn',
  'deleteTable',
  'confirmReview',
  'confirmAllReview',
  'comment',
  'toggleOutline',
  'toggleChecks',
  'toggleMeta',
  'togglePageView',
  'zoomIn',
  'zoomOut',
  'zoomReset',
  'fitWidth',
  'fitPage',
  'language',
  'about',
] as const

export type CommandId = (typeof commandIds)[number]

/**
 * When a command applies: always; with a report open; with text selected; in a heading; in a table;
 * on a figure to confirm; with figures to confirm anywhere in the report.
 */
export type EnabledWhen = 'always' | 'report' | 'selection' | 'heading' | 'table' | 'review' | 'anyReview'

/** Who reacts to the shortcut: the app's key listener, the editor's keymap, or Chromium itself (cut, copy…). */
export type KeyOwner = 'app' | 'editor' | 'native'

export interface CommandSpec {
  id: CommandId
  /** Electron accelerator syntax (`CmdOrCtrl+Shift+S`). */
  shortcut?: string
  when: EnabledWhen
  keys: KeyOwner
  /** The Electron menu role that performs it natively (the native menu uses the role instead of a click). */
  role?: 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'pasteAndMatchStyle' | 'selectAll'
}

const spec = (id: CommandId, when: EnabledWhen, keys: KeyOwner, extra: Partial<CommandSpec> = {}): CommandSpec => ({
  id,
  when,
  keys,
  ...extra,
})

export const commandTable: readonly CommandSpec[] = [
  spec('new', 'always', 'app', { shortcut: 'CmdOrCtrl+N' }),
  spec('open', 'always', 'app', { shortcut: 'CmdOrCtrl+O' }),
  spec('save', 'report', 'app', { shortcut: 'CmdOrCtrl+S' }),
  spec('saveAs', 'report', 'app', { shortcut: 'CmdOrCtrl+Shift+S' }),
  spec('import', 'always', 'app'),
  spec('export', 'report', 'app', { shortcut: 'CmdOrCtrl+E' }),
  spec('print', 'report', 'app', { shortcut: 'CmdOrCtrl+P' }),
  spec('rollForward', 'always', 'app'),
  spec('library', 'always', 'app'),
  // Shared reports (docs/COLLABORATION.md): the four workflow commands act on the part holding the cursor.
  spec('collabShare', 'report', 'app'),
  spec('collabOpen', 'always', 'app'),
  spec('collabAssign', 'always', 'app'),
  spec('collabSubmit', 'always', 'app'),
  spec('collabApprove', 'always', 'app'),
  spec('collabReopen', 'always', 'app'),
  spec('undo', 'report', 'editor', { shortcut: 'CmdOrCtrl+Z', role: 'undo' }),
  spec('redo', 'report', 'editor', { shortcut: 'CmdOrCtrl+Y', role: 'redo' }),
  spec('cut', 'selection', 'native', { shortcut: 'CmdOrCtrl+X', role: 'cut' }),
  spec('copy', 'selection', 'native', { shortcut: 'CmdOrCtrl+C', role: 'copy' }),
  spec('paste', 'report', 'native', { shortcut: 'CmdOrCtrl+V', role: 'paste' }),
  spec('pastePlain', 'report', 'native', { shortcut: 'CmdOrCtrl+Shift+V', role: 'pasteAndMatchStyle' }),
  spec('selectAll', 'report', 'native', { shortcut: 'CmdOrCtrl+A', role: 'selectAll' }),
  spec('find', 'report', 'app', { shortcut: 'CmdOrCtrl+F' }),
  spec('replace', 'report', 'app', { shortcut: 'CmdOrCtrl+H' }),
  spec('paragraph', 'report', 'editor', { shortcut: 'CmdOrCtrl+Alt+0' }),
  spec('heading1', 'report', 'editor', { shortcut: 'CmdOrCtrl+Alt+1' }),
  spec('heading2', 'report', 'editor', { shortcut: 'CmdOrCtrl+Alt+2' }),
  spec('heading3', 'report', 'editor', { shortcut: 'CmdOrCtrl+Alt+3' }),
  spec('heading4', 'report', 'editor', { shortcut: 'CmdOrCtrl+Alt+4' }),
  spec('runIn', 'heading', 'editor', { shortcut: 'CmdOrCtrl+Alt+R' }),
  spec('bold', 'report', 'editor', { shortcut: 'CmdOrCtrl+B' }),
  spec('superscript', 'report', 'editor', { shortcut: 'CmdOrCtrl+.' }),
  spec('subscript', 'report', 'editor', { shortcut: 'CmdOrCtrl+,' }),
  spec('bulletList', 'report', 'editor'),
  spec('orderedList', 'report', 'editor'),
  spec('insertTable', 'report', 'editor'),
  // Opens the note's text dialog (renderer/app/FootnoteDialog.tsx), so the app's key listener owns the shortcut.
  spec('insertFootnote', 'report', 'app', { shortcut: 'CmdOrCtrl+Alt+F' }),
  spec('addRow', 'table', 'editor'),
  spec('deleteRow', 'table', 'editor'),
  spec('addColumn', 'table', 'editor'),
  spec('deleteColumn', 'table', 'editor'),
  spec('deleteTable', 'table', 'editor'),
  spec('confirmReview', 'review', 'editor'),
  spec('confirmAllReview', 'anyReview', 'editor'),
  spec('comment', 'selection', 'editor', { shortcut: 'CmdOrCtrl+Alt+M' }),
  spec('toggleOutline', 'report', 'app'),
  spec('toggleChecks', 'report', 'app'),
  spec('toggleMeta', 'report', 'app'),
  // The page view zooms itself (the window's zoom would scale the toolbar and the panels too).
  spec('togglePageView', 'report', 'app'),
  spec('zoomIn', 'report', 'app', { shortcut: 'CmdOrCtrl+=' }),
  spec('zoomOut', 'report', 'app', { shortcut: 'CmdOrCtrl+-' }),
  spec('zoomReset', 'report', 'app', { shortcut: 'CmdOrCtrl+0' }),
  spec('fitWidth', 'report', 'app'),
  spec('fitPage', 'report', 'app'),
  spec('language', 'always', 'app'),
  spec('about', 'always', 'app'),
]

const byId = new Map(commandTable.map(command => [command.id, command]))

export function commandSpec(id: CommandId): CommandSpec {
  return byId.get(id)!
}

export function isCommandId(value: string): value is CommandId {
  return byId.has(value as CommandId)
}
