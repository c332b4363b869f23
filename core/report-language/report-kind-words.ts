import type { ReportKind } from '../report-kind'

/** The kind a speaker's office names: 政协 → 政协, 人大/常委会 → 人大, 政府 or `区长` → 政府. */
export function kindOfOffice(office: string): ReportKind | undefined {
  if (!office) return undefined
  if (/政协|政治协商/.test(office)) return 'cppcc'
  if (/人大|人民代表大会|常委会|常务委员会/.test(office)) return 'npc'
  if (/政府|[区县市州旗盟省]长$|镇长$|乡长$/.test(office)) return 'gov'
  return undefined
}

/**
 * The kind a title, headline or sentence names by its words. `政府工作报告` comes before 政协 and 人大 because a 政府
 * report's sentences mention both (`并请政协委员提出意见`, `人民代表大会`).
 */
export function kindFromWords(text: string): ReportKind | undefined {
  const flat = text.replace(/[\s\u3000]+/g, '')
  if (/政府工作报告/.test(flat)) return 'gov'
  if (/政协|政治协商会议|各位委员/.test(flat)) return 'cppcc'
  if (/人大常委会|人民代表大会常务委员会|常务委员会委托|常委会委托|常委会工作报告/.test(flat)) return 'npc'
  if (/人民政府|[区县市州旗盟]长/.test(flat)) return 'gov'
  if (/工作总结|总结和.{0,8}计划/.test(flat)) return 'summary'
  return undefined
}
