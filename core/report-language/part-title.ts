import { partRoles, type PartRole } from '../document-model'

/**
 * Part titles by their wording alone (spec report-structure §2): `2022年主要工作`, `2023年工作安排`, `过去一年工作回顾`,
 * `今年主要任务`, `回望2024：…`, `政府自身建设`, `存在的问题`. Import, the structure analysis and the year checks share
 * this vocabulary; a template's accepted titles come first where one is known.
 */

export interface PartTitleInfo {
  role: PartRole
  /** Year named in the title (`2022年主要工作` → 2022). */
  year?: number
  /** Relative period: `过去一年` (review of the previous year), `今年` (plan year), the term, the next term. */
  relative?: 'previousYear' | 'planYear' | 'term' | 'nextTerm'
}

/** zh-CN names of part roles: the one list messages, the CLI and the outline use. */
export const partRoleNames: Record<PartRole, string> = {
  review: '工作回顾',
  problems: '问题和不足',
  tasks: '工作任务',
  selfBuilding: '自身建设',
  closing: '结束语',
  targets: '目标任务',
  termReview: '本届工作回顾',
}

export function isPartRole(value: unknown): value is PartRole {
  return typeof value === 'string' && (partRoles as readonly string[]).includes(value)
}

/** Words that end a year-in-review title. */
export const REVIEW_WORDS =
  '(?:主要工作回顾|主要工作完成情况|工作完成情况|工作开展情况|主要工作|工作回顾|工作总结|主要成绩|工作情况|工作成效|履职工作|履职情况|总结|回顾)'
/** Words that end a plan-year title. */
export const TASKS_WORDS =
  '(?:总体要求和主要任务|主要工作安排|主要工作任务|主要目标任务|主要任务|工作安排|工作建议|工作的建议|工作打算|工作计划|工作要点|工作思路|重点工作|重点任务|目标任务|工作任务|工作部署)'

const YEAR = '((?:19|20|21)\\d{2})'
const yearReview = new RegExp(
  `^${YEAR}年(?:度)?(?:及本届(?:政府|常委会|政协)?|和过去五年)?.{0,10}?(?:的)?${REVIEW_WORDS}$`,
)
const yearTasks = new RegExp(`^${YEAR}年(?:度)?.{0,10}?(?:的)?${TASKS_WORDS}$`)
const creativeReview = new RegExp(`^回望${YEAR}`)
const creativeTasks = new RegExp(`^(?:展望|奋进|聚力|奋战|决战|启航|聚焦)${YEAR}`)
const relativeReview = new RegExp(
  `^(?:过去一年|过去的一年|一年来|上一年|去年)(?:的)?(?:${REVIEW_WORDS}|工作)$|^过去一年.{0,6}(?:工作|回顾)$`,
)
const termReview = new RegExp(`^(?:过去五年|五年来|本届以来|本届(?:政府|常委会|政协)?)(?:的)?${REVIEW_WORDS}$`)
const relativeTasks = new RegExp(
  `^(?:今年|新的一年|今后一年|明年|下一年|下一步)(?:的)?${TASKS_WORDS}$|^(?:今后一年|今年).{0,8}(?:任务|安排|建议)$`,
)
const nextTermTasks = new RegExp(`^(?:今后五年|未来五年|今后)(?:的)?(?:${TASKS_WORDS}|工作建议)$`)
const selfBuilding = /^(?:(?:切实|全面|持续)?加强)?(?:政府|常委会|政协|机关)?自身建设$/
const problems = /^(?:存在的|面临的)?(?:问题和不足|困难和问题|主要问题|存在问题|问题与不足|不足和问题)$/
const targets = /^(?:主要预期目标|发展目标|预期目标)$/

/** A title without spaces and a trailing `：` or `。`, the form titles are compared in. */
function normalise(title: string): string {
  return title.replace(/[\s\u3000]+/g, '').replace(/[：:。]$/, '')
}

/** Role, year and period a part title names by its wording, or undefined. */
export function recognisePartTitle(title: string): PartTitleInfo | undefined {
  const text = normalise(title)
  if (!text) return undefined
  // creative titles carry a theme after the year (`回望2024：砥砺奋进谱新篇`)
  let match = creativeReview.exec(text)
  if (match && text.length <= 40) return { role: 'review', year: Number(match[1]) }
  match = creativeTasks.exec(text)
  if (match && text.length <= 40) return { role: 'tasks', year: Number(match[1]) }
  if (text.length > 24) return undefined
  match = yearReview.exec(text)
  if (match) return { role: 'review', year: Number(match[1]) }
  match = yearTasks.exec(text)
  if (match) return { role: 'tasks', year: Number(match[1]) }
  if (relativeReview.test(text)) return { role: 'review', relative: 'previousYear' }
  if (termReview.test(text)) return { role: 'termReview', relative: 'term' }
  if (relativeTasks.test(text)) return { role: 'tasks', relative: 'planYear' }
  if (nextTermTasks.test(text)) return { role: 'tasks', relative: 'nextTerm' }
  if (selfBuilding.test(text)) return { role: 'selfBuilding' }
  if (problems.test(text)) return { role: 'problems' }
  if (targets.test(text)) return { role: 'targets' }
  return undefined
}

/** A title of a 换届年 report: it covers the term or the next five years (`过去五年`, `本届以来`, `换届`). */
export function isTermTitle(title: string): boolean {
  return /五年|本届|换届/.test(title)
}

/** The plan year a part title implies (`2022年主要工作` → 2023, `2023年主要任务` → 2023). */
export function planYearFromPartTitle(info: PartTitleInfo): number | undefined {
  if (info.year === undefined) return undefined
  return info.role === 'review' || info.role === 'termReview' ? info.year + 1 : info.year
}
