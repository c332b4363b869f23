import type { MenuItemConstructorOptions } from 'electron'
import { Menu } from 'electron'
import { commandLabels, type CommandLanguage, type MenuWord } from '../../core/commands/command-labels'
import { commandSpec, type CommandId } from '../../core/commands/command-table'
import type { AppEvent } from '../../core/ipc/api'
import type { RecentFile } from '../../core/ipc/files-api'

export interface MenuActions {
  send(event: AppEvent): void
  clearRecent(): void
  isDev: boolean
  /** The renderer's language (setMenuLanguage); zh-CN until it says otherwise. */
  language?: CommandLanguage
}

/** The application menu (pure: returns the template so tests can inspect it). Labels and shortcuts: core/commands. */
export function menuTemplate(recentFiles: RecentFile[], actions: MenuActions): MenuItemConstructorOptions[] {
  const labels = commandLabels[actions.language ?? 'zh-CN']
  const word = (key: MenuWord) => labels[key]
  const separator: MenuItemConstructorOptions = { type: 'separator' }
  const command = (id: CommandId): MenuItemConstructorOptions => {
    const { shortcut, role } = commandSpec(id)
    return {
      label: labels[id],
      ...(shortcut ? { accelerator: shortcut } : {}),
      ...(role ? { role } : { click: () => actions.send({ type: 'menu', command: id }) }),
    }
  }
  const recent: MenuItemConstructorOptions[] = recentFiles.length
    ? [
        ...recentFiles.map((file, index): MenuItemConstructorOptions => ({
          label: `${index + 1}. ${file.title}`,
          toolTip: file.path,
          click: () => actions.send({ type: 'open-file', path: file.path }),
        })),
        separator,
        { label: word('clearRecent'), click: () => actions.clearRecent() },
      ]
    : [{ label: word('noRecent'), enabled: false }]
  return [
    {
      label: word('fileMenu'),
      submenu: [
        command('new'),
        command('open'),
        { label: word('recent'), submenu: recent },
        separator,
        command('save'),
        command('saveAs'),
        separator,
        command('import'),
        command('export'),
        command('print'),
        separator,
        command('rollForward'),
        separator,
        command('collabShare'),
        command('collabOpen'),
        separator,
        { label: word('quit'), role: 'quit' },
      ],
    },
    {
      label: word('editMenu'),
      submenu: [
        command('undo'),
        command('redo'),
        separator,
        command('cut'),
        command('copy'),
        command('paste'),
        command('pastePlain'),
        command('selectAll'),
        separator,
        command('find'),
        command('replace'),
      ],
    },
    {
      label: word('viewMenu'),
      submenu: [
        command('toggleOutline'),
        command('toggleChecks'),
        command('toggleMeta'),
        command('library'),
        separator,
        command('togglePageView'),
        command('zoomIn'),
        command('zoomOut'),
        command('zoomReset'),
        command('fitWidth'),
        command('fitPage'),
        { label: word('fullscreen'), role: 'togglefullscreen' },
        ...(actions.isDev ? [separator, { label: word('devTools'), role: 'toggleDevTools' } as const] : []),
      ],
    },
    {
      label: word('helpMenu'),
      submenu: [command('about')],
    },
  ]
}

export function installMenu(recentFiles: RecentFile[], actions: MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(recentFiles, actions)))
}
