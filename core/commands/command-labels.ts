import type { CommandId } from './command-table'

/** Words of the native menu that are not commands. */
export type MenuWord =
  | 'fileMenu'
  | 'editMenu'
  | 'viewMenu'
  | 'helpMenu'
  | 'recent'
  | 'clearRecent'
  | 'noRecent'
  | 'quit'
  | 'zoomIn'
  | 'zoomOut'
  | 'resetZoom'
  | 'fullscreen'
  | 'devTools'

export type CommandLanguage = 'zh-CN' | 'en'
export type CommandLabels = Record<CommandId | MenuWord, string>

const zhCN: CommandLabels = {
  fileMenu: '文件(&F)',
  editMenu: '编辑(&E)',
  viewMenu: '视图(&V)',
  helpMenu: '帮助(&H)',
  recent: '最近打开',
  clearRecent: '清除最近打开的文件',
  noRecent: '（无）',
  quit: '退出',
  zoomIn: '放大',
  zoomOut: '缩小',
  resetZoom: '实际大小',
  fullscreen: '全屏',
  devTools: '开发者工具',
  new: '新建报告…',
  open: '打开…',
  save: '保存',
  saveAs: '另存为…',
  import: '导入 Word/文本…',
  export: '导出 DOCX/PDF…',
  print: '打印…',
  rollForward: '由上年报告生成…',
  library: '往年报告库',
  undo: '撤销',
  redo: '重做',
  cut: '剪切',
  copy: '复制',
  paste: '粘贴',
  pastePlain: '粘贴为纯文本',
  selectAll: '全选',
  find: '查找…',
  replace: '替换…',
  paragraph: '正文',
  heading1: '一级标题',
  heading2: '二级标题',
  heading3: '三级标题',
  heading4: '四级标题',
  runIn: '段首标题',
  bold: '加粗',
  bulletList: '项目符号',
  orderedList: '编号列表',
  insertTable: '插入统计表',
  addRow: '加行',
  deleteRow: '删行',
  addColumn: '加列',
  deleteColumn: '删列',
  deleteTable: '删除表格',
  confirmReview: '确认数字',
  confirmAllReview: '全部确认数字',
  comment: '添加批注',
  toggleOutline: '大纲',
  toggleChecks: '检查结果',
  toggleMeta: '报告信息',
  togglePageView: '页面视图',
  zoomReset: '实际大小（100%）',
  fitWidth: '适合宽度',
  fitPage: '适合页面',
  language: 'English',
  about: '关于工作报告编写器',
}

const en: CommandLabels = {
  fileMenu: '&File',
  editMenu: '&Edit',
  viewMenu: '&View',
  helpMenu: '&Help',
  recent: 'Open Recent',
  clearRecent: 'Clear Recently Opened',
  noRecent: '(none)',
  quit: 'Quit',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  resetZoom: 'Actual Size',
  fullscreen: 'Full Screen',
  devTools: 'Developer Tools',
  new: 'New Report…',
  open: 'Open…',
  save: 'Save',
  saveAs: 'Save As…',
  import: 'Import Word/Text…',
  export: 'Export DOCX/PDF…',
  print: 'Print…',
  rollForward: 'New from Last Year’s Report…',
  library: 'Past Reports Library',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  pastePlain: 'Paste as Plain Text',
  selectAll: 'Select All',
  find: 'Find…',
  replace: 'Replace…',
  paragraph: 'Body Text',
  heading1: 'Heading 1',
  heading2: 'Heading 2',
  heading3: 'Heading 3',
  heading4: 'Heading 4',
  runIn: 'Run-in Heading',
  bold: 'Bold',
  bulletList: 'Bullets',
  orderedList: 'Numbering',
  insertTable: 'Insert Table',
  addRow: 'Add Row',
  deleteRow: 'Delete Row',
  addColumn: 'Add Column',
  deleteColumn: 'Delete Column',
  deleteTable: 'Delete Table',
  confirmReview: 'Confirm Figure',
  confirmAllReview: 'Confirm All Figures',
  comment: 'Add Comment',
  toggleOutline: 'Outline',
  toggleChecks: 'Check Results',
  toggleMeta: 'Report Details',
  togglePageView: 'Page View',
  zoomReset: 'Actual Size (100%)',
  fitWidth: 'Fit Width',
  fitPage: 'Fit Page',
  language: '中文',
  about: 'About Work Report Studio',
}

export const commandLabels: Record<CommandLanguage, CommandLabels> = { 'zh-CN': zhCN, en }
