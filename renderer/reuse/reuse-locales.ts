import i18next from 'i18next'

/** Strings of the reuse dialogs (namespace `reuse`), kept beside them rather than in the shell's locale files. */
const zhCN = {
  startAction: '新建下一年报告',
  paste: {
    imagesLeftOut:
      '粘贴的内容含 {{count}} 张图片，工作报告不含图片，已略去；文字已粘贴。如需配图，请在导出的 Word 文档中插入。',
    onlyImages:
      '粘贴的内容是 {{count}} 张图片，工作报告不含图片，未粘贴任何内容。如需配图，请在导出的 Word 文档中插入。',
  },
  rollForward: {
    title: '新建下一年报告',
    description:
      '从去年的报告开始：计划年度和会次加一，去年的“主要任务”变为今年工作回顾的待写小节，沿用的数字标为待核对。去年的报告不会被改动。',
    pick: '选择去年的报告…',
    useCurrent: '使用当前打开的报告',
    from: '去年：{{value}}',
    planYear: '计划年度',
    meetingName: '会议名称',
    date: '会议日期',
    unknown: '未写明',
    sections_one: '今年的“{{part}}”将列出去年承诺的 {{count}} 项任务，每项一个待写小节：',
    sections_other: '今年的“{{part}}”将列出去年承诺的 {{count}} 项任务，每项一个待写小节：',
    noTasks: '去年的报告里没有找到主要任务部分，工作回顾将只有模板提示。',
    confirm: '生成今年的报告',
    badYear: '计划年度应是四位数的年份，例如 2024。请改正后再生成。',
    badDate: '会议日期格式不对。请用日期选择框选择日期，或清空它稍后在副标题中填写。',
  },
  library: {
    title: '往年报告库',
    description: '搜索打开或导入过的往年报告，预览后把章节插入当前报告；插入的数字标为待核对。',
    search: '搜索往年报告中的词语',
    searchButton: '搜索',
    entries_one: '报告库中有 {{count}} 份往年报告。',
    entries_other: '报告库中有 {{count}} 份往年报告。',
    empty: '报告库还是空的：打开或导入往年的报告后，它们会自动加入报告库。',
    noHits: '没有找到包含“{{query}}”的章节。可以换一个词，或用空格分开几个词再试。',
    year: '{{year}}年',
    yearUnknown: '年份不详',
    organisationUnknown: '单位不详',
    kindUnknown: '类别不详',
    preview: '预览',
    insertAtCursor: '插入到光标处',
    insertAsPart: '作为新的部分插入',
    noReport: '请先打开或新建一份报告，再插入往年的章节。',
    inserted: '已插入“{{title}}”（来自{{source}}），其中的数字已标为待核对。',
    choose: '在左侧选择一个搜索结果查看全文。',
  },
  compare: {
    title: '与去年对照',
    description: '把本报告的一个章节与去年报告的同一章节并排对照：左侧为去年（只读），右侧直接修改本报告。',
    section: '本报告的章节',
    lastYear: '去年的报告',
    fromLibrary: '{{title}}（{{year}}年）',
    pickFile: '选择其他文件…',
    none: '去年的报告里没有找到对应的章节。可以在左侧换一个章节，或选择另一份去年的报告。',
    noLastYear: '报告库里没有 {{year}} 年的报告。请选择去年的报告文件。',
    left: '去年：{{title}}',
    right: '今年：{{title}}',
    noReport: '请先打开一份报告，再与去年对照。',
  },
  kinds: {
    npc: '人大常委会工作报告',
    cppcc: '政协常委会工作报告',
    gov: '政府工作报告',
    summary: '年度工作总结和计划',
  },
  close: '关闭',
  cancel: '取消',
  back: '返回',
  loading: '正在读取…',
}

const en: typeof zhCN = {
  startAction: 'Next year’s report',
  paste: {
    imagesLeftOut:
      'The pasted content held {{count}} picture(s). A work report holds no pictures, so they were left out; the text was pasted. Insert pictures in the exported Word document if needed.',
    onlyImages:
      'The pasted content was {{count}} picture(s). A work report holds no pictures, so nothing was pasted. Insert pictures in the exported Word document if needed.',
  },
  rollForward: {
    title: 'Next year’s report',
    description:
      'Start from last year’s report: plan year and session move on by one, last year’s tasks become this year’s review sections to write, reused figures are marked for review. Last year’s file is not changed.',
    pick: 'Choose last year’s report…',
    useCurrent: 'Use the open report',
    from: 'Last year: {{value}}',
    planYear: 'Plan year',
    meetingName: 'Meeting',
    date: 'Meeting date',
    unknown: 'not given',
    sections_one: 'This year’s “{{part}}” will list the {{count}} task promised last year, one section each:',
    sections_other: 'This year’s “{{part}}” will list the {{count}} tasks promised last year, one section each:',
    noTasks: 'No tasks part was found in last year’s report; the review will hold the template guidance only.',
    confirm: 'Create this year’s report',
    badYear: 'The plan year must be a four-digit year such as 2024.',
    badDate: 'The meeting date is not valid. Pick a date or leave it empty.',
  },
  library: {
    title: 'Report library',
    description:
      'Search earlier reports you opened or imported, preview a section and insert it; inserted figures are marked for review.',
    search: 'Search words in earlier reports',
    searchButton: 'Search',
    entries_one: '{{count}} earlier report in the library.',
    entries_other: '{{count}} earlier reports in the library.',
    empty: 'The library is empty: reports you open or import are added to it.',
    noHits: 'No section contains “{{query}}”. Try another word, or several words separated by spaces.',
    year: '{{year}}',
    yearUnknown: 'Year unknown',
    organisationUnknown: 'Organisation unknown',
    kindUnknown: 'Kind unknown',
    preview: 'Preview',
    insertAtCursor: 'Insert at cursor',
    insertAsPart: 'Insert as a new part',
    noReport: 'Open or create a report first.',
    inserted: 'Inserted “{{title}}” (from {{source}}); its figures are marked for review.',
    choose: 'Choose a result on the left to see the whole section.',
  },
  compare: {
    title: 'Compare with last year',
    description:
      'A section of this report beside the same section of last year’s report: last year on the left (read-only), this report on the right, edited in place.',
    section: 'Section of this report',
    lastYear: 'Last year’s report',
    fromLibrary: '{{title}} ({{year}})',
    pickFile: 'Choose another file…',
    none: 'No matching section in last year’s report. Choose another section or another report.',
    noLastYear: 'The library holds no report of {{year}}. Choose last year’s report file.',
    left: 'Last year: {{title}}',
    right: 'This year: {{title}}',
    noReport: 'Open a report first.',
  },
  kinds: {
    npc: 'People’s congress standing committee report',
    cppcc: 'CPPCC standing committee report',
    gov: 'Government work report',
    summary: 'Annual summary and plan',
  },
  close: 'Close',
  cancel: 'Cancel',
  back: 'Back',
  loading: 'Reading…',
}

export function addReuseStrings(): void {
  i18next.addResourceBundle('zh-CN', 'reuse', zhCN, true, true)
  i18next.addResourceBundle('en', 'reuse', en, true, true)
}
