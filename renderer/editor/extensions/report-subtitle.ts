import { createFrontMatterNode } from './front-matter-node'

/** The occasion line `——2024年1月16日在××区第十八届人民代表大会第三次会议上`. */
export const ReportSubtitle = createFrontMatterNode('reportSubtitle', 'report-subtitle', {
  allowBreaks: false,
  tag: 'p',
  printClass: 'subtitle',
})
