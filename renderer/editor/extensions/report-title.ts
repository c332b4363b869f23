import { createFrontMatterNode } from './front-matter-node'

/** The report title (`××区人民代表大会常务委员会工作报告`); may hold several lines. */
export const ReportTitle = createFrontMatterNode('reportTitle', 'report-title', {
  allowBreaks: true,
  tag: 'h1',
  printClass: 'title',
})
