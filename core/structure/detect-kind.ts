import type { ReportKind } from '../report-kind'
import { builtinTemplates } from '../templates/builtin-templates'
import type { ReportStructure } from './report-structure'

const KEYWORDS: Array<[RegExp, ReportKind]> = [
  [/政协|政治协商会议/, 'cppcc'],
  [/人大常委会|人民代表大会常务委员会|常委会工作报告/, 'npc'],
  [/政府工作报告|人民政府/, 'gov'],
  [/工作总结|总结和.{0,8}计划/, 'summary'],
]

function frontTexts(structure: ReportStructure): string[] {
  const front = structure.frontMatter
  return [
    front.opening?.text,
    front.salutation?.text,
    front.title?.text,
    front.subtitle?.text,
    front.speaker?.text,
  ].filter((text): text is string => Boolean(text))
}

/**
 * The report kind from its front matter (or from loose lines such as a newspaper dateline):
 * the opening formula first, then the salutation (`各位委员` → 政协), the title, then keywords.
 */
export function detectKind(input: ReportStructure | readonly string[]): ReportKind | undefined {
  const texts = Array.isArray(input) ? (input as readonly string[]) : frontTexts(input as ReportStructure)
  const lines = texts.map(text => text.replace(/[\s\u3000]+/g, ''))
  if (!lines.length) return undefined
  for (const template of builtinTemplates) {
    if (!template.frontMatter.openingPattern || template.kind === 'summary') continue
    const opening = new RegExp(template.frontMatter.openingPattern, 'u')
    if (lines.some(line => opening.test(line))) return template.kind
  }
  if (lines.some(line => /^各位委员/.test(line))) return 'cppcc'
  for (const template of builtinTemplates) {
    if (!template.frontMatter.titlePattern) continue
    const title = new RegExp(template.frontMatter.titlePattern, 'u')
    if (lines.some(line => line.length <= 60 && title.test(line))) return template.kind
  }
  for (const [keyword, kind] of KEYWORDS) {
    if (lines.some(line => keyword.test(line))) return kind
  }
  return undefined
}
