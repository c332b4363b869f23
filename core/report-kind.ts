export const reportKinds = ['npc', 'cppcc', 'gov', 'summary'] as const
export type ReportKind = (typeof reportKinds)[number]

export const reportKindNames: Record<ReportKind, string> = {
  npc: '人大常委会工作报告',
  cppcc: '政协常委会工作报告',
  gov: '政府工作报告',
  summary: '年度工作总结和计划',
}
