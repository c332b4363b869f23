import type { MenuItemConstructorOptions } from 'electron'
import { Menu } from 'electron'
import type { AppEvent, MenuCommand } from '../../core/ipc/api'
import type { RecentFile } from '../../core/ipc/files-api'

export interface MenuActions {
  send(event: AppEvent): void
  clearRecent(): void
  isDev: boolean
}

/** The zh-CN application menu (pure: returns the template so tests can inspect it). */
export function menuTemplate(recentFiles: RecentFile[], actions: MenuActions): MenuItemConstructorOptions[] {
  const command = (label: string, name: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => actions.send({ type: 'menu', command: name }),
  })
  const recent: MenuItemConstructorOptions[] = recentFiles.length
    ? [
        ...recentFiles.map((file, index): MenuItemConstructorOptions => ({
          label: `${index + 1}. ${file.title}`,
          toolTip: file.path,
          click: () => actions.send({ type: 'open-file', path: file.path }),
        })),
        { type: 'separator' },
        { label: '清除最近打开的文件', click: () => actions.clearRecent() },
      ]
    : [{ label: '（无）', enabled: false }]
  return [
    {
      label: '文件(&F)',
      submenu: [
        command('新建报告…', 'new', 'CmdOrCtrl+N'),
        command('打开…', 'open', 'CmdOrCtrl+O'),
        { label: '最近打开', submenu: recent },
        { type: 'separator' },
        command('保存', 'save', 'CmdOrCtrl+S'),
        command('另存为…', 'saveAs', 'CmdOrCtrl+Shift+S'),
        { type: 'separator' },
        command('导入 Word/文本…', 'import'),
        command('导出 DOCX/PDF…', 'export', 'CmdOrCtrl+E'),
        command('打印…', 'print', 'CmdOrCtrl+P'),
        { type: 'separator' },
        command('由上年报告生成…', 'rollForward'),
        { type: 'separator' },
        { label: '退出', role: 'quit' },
      ],
    },
    {
      label: '编辑(&E)',
      submenu: [
        { label: '撤销', role: 'undo', accelerator: 'CmdOrCtrl+Z' },
        { label: '重做', role: 'redo', accelerator: 'CmdOrCtrl+Y' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
        { type: 'separator' },
        command('查找…', 'find', 'CmdOrCtrl+F'),
        command('替换…', 'replace', 'CmdOrCtrl+H'),
      ],
    },
    {
      label: '视图(&V)',
      submenu: [
        command('大纲', 'toggleOutline'),
        command('检查结果', 'toggleChecks'),
        command('往年报告库', 'library'),
        { type: 'separator' },
        // The page view zooms itself (the window's own zoom would also scale the toolbar and the panels).
        command('页面视图', 'togglePageView'),
        command('放大', 'zoomIn', 'CmdOrCtrl+='),
        command('缩小', 'zoomOut', 'CmdOrCtrl+-'),
        command('实际大小', 'zoomReset', 'CmdOrCtrl+0'),
        command('适合宽度', 'fitWidth'),
        command('适合页面', 'fitPage'),
        { label: '全屏', role: 'togglefullscreen' },
        ...(actions.isDev
          ? [{ type: 'separator' } as const, { label: '开发者工具', role: 'toggleDevTools' } as const]
          : []),
      ],
    },
    {
      label: '帮助(&H)',
      submenu: [command('关于工作报告编写器', 'about')],
    },
  ]
}

export function installMenu(recentFiles: RecentFile[], actions: MenuActions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(recentFiles, actions)))
}
