import type { NewReportOptions } from '../../core/ipc/files-api'

/** What the 新建报告 form sends for a 2024 人大常委会 report with the template's ×× placeholders left in. */
export const npcNewReportOptions: NewReportOptions = {
  templateId: 'npc',
  planYear: 2024,
  organisation: '××区',
  meetingName: '××区第十八届人民代表大会第三次会议',
  date: '2024-01-16',
  speakerOffice: '区人大常委会主任',
  speakerName: '张××',
  termEnd: false,
}
