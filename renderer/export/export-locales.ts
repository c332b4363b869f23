import i18next from 'i18next'

/** Strings of the export and print dialogs (namespace `export`), kept beside them. */
const zhCN = {
  export: {
    title: '导出报告',
    description: '按公文格式（GB/T 9704）导出。正式稿要求检查没有错误；征求意见稿和讨论稿在每页页眉印上标识。',
    format: '格式',
    docx: 'Word 文档（.docx）',
    pdf: 'PDF 文档（.pdf）',
    version: '版本',
    final: '正式稿',
    blocking_one: '正式稿要求检查没有错误，目前有 {{count}} 个错误。点一条转到报告中的位置改正，或导出征求意见稿。',
    blocking_other: '正式稿要求检查没有错误，目前有 {{count}} 个错误。点一条转到报告中的位置改正，或导出征求意见稿。',
    exportDraft: '改为导出征求意见稿',
    sendHint:
      '要发给各单位征求意见，请用“征求意见 → 发出征求意见稿…”：可带上批注和修订，并记下发给了谁、保存发出的版本，收回后逐条合并。',
    submit: '导出…',
    preview: '预览 PDF',
    working: '正在导出…',
    written: '已导出到：',
    openFile: '打开文件',
    openFolder: '打开所在文件夹',
    pages: '共 {{count}} 页。',
    substitutions: '这台电脑没有以下公文字体，PDF 中已用替代字体（字形相近，版式不变）：',
    substitution: '“{{wanted}}” → “{{used}}”',
    refused: '没有导出：检查发现错误，正式稿不能导出。文件未写入。',
    noReport: '请先打开或新建一份报告，再导出。',
    checking: '正在检查报告…',
  },
  rulesOff: {
    off_one: '这份报告关闭了 {{count}} 项检查，导出和打印时不检查：',
    off_other: '这份报告关闭了 {{count}} 项检查，导出和打印时不检查：',
    kept: '报告中设为不检查的{{rules}}守护报告的结构，不能关闭：正式稿仍然检查。',
  },
  print: {
    title: '打印预览',
    description: '以下是按公文格式排好的页面，与导出的 PDF 完全相同。',
    print: '打印…',
    savePdf: '导出 PDF…',
    rendering: '正在生成页面…',
    page: '第 {{page}} 页，共 {{count}} 页',
    failed: '无法显示预览：{{message}}',
    refused: '正式稿要求检查没有错误，不能打印。请改正错误，或选择征求意见稿或讨论稿后再打印。',
  },
  close: '关闭',
  jump: '转到',
}

const en: typeof zhCN = {
  export: {
    title: 'Export report',
    description:
      'Exports in the official layout (GB/T 9704). A final version needs a report without errors; drafts carry their label in the header of every page.',
    format: 'Format',
    docx: 'Word document (.docx)',
    pdf: 'PDF document (.pdf)',
    version: 'Version',
    final: 'Final (正式稿)',
    blocking_one:
      'A final version needs a report without errors; {{count}} error is left. Click it to go there, or export a draft.',
    blocking_other:
      'A final version needs a report without errors; {{count}} errors are left. Click one to go there, or export a draft.',
    sendHint:
      'To send the draft out for comments, use Consultation → Send draft for comments…: it can carry the comments and changes, records who it went to and keeps the version sent, so the returned copies merge back item by item.',
    exportDraft: 'Export a draft (征求意见稿) instead',
    submit: 'Export…',
    preview: 'Preview PDF',
    working: 'Exporting…',
    written: 'Exported to:',
    openFile: 'Open File',
    openFolder: 'Open Containing Folder',
    pages: '{{count}} pages.',
    substitutions: 'These official fonts are not installed; the PDF uses close substitutes (same layout):',
    substitution: '“{{wanted}}” → “{{used}}”',
    refused: 'Not exported: the checks found errors, so a final version cannot be exported. No file was written.',
    noReport: 'Open or create a report first, then export it.',
    checking: 'Checking the report…',
  },
  rulesOff: {
    off_one: 'This report switched {{count}} check off; exporting and printing do not check it:',
    off_other: 'This report switched {{count}} checks off; exporting and printing do not check them:',
    kept: 'The report lists {{rules}} as switched off, but they guard its structure and cannot be: a final version still checks them.',
  },
  print: {
    title: 'Print preview',
    description: 'The pages as laid out in the official format, identical to the exported PDF.',
    print: 'Print…',
    savePdf: 'Export PDF…',
    rendering: 'Laying out the pages…',
    page: 'Page {{page}} of {{count}}',
    failed: 'Cannot show the preview: {{message}}',
    refused:
      'A final version needs a report without errors and cannot be printed. Fix the errors, or choose a draft label.',
  },
  close: 'Close',
  jump: 'Go to',
}

export function addExportStrings(): void {
  i18next.addResourceBundle('zh-CN', 'export', zhCN, true, true)
  i18next.addResourceBundle('en', 'export', en, true, true)
}
