import type { PartRole } from '../document-model'

export interface PartTitleInfo {
  role: PartRole
  /** Year named in the title (`2022年主要工作` → 2022). */
  year?: number
  /** Relative period: `过去一年` (review of the previous year), `今年` (plan year). */
  relative?: 'previousYear' | 'planYear' | 'term' | 'nextTerm'
}

const reviewWords =
  '(?:主要工作|工作回顾|工作总结|主要成绩|工作情况|工作开展情况|主要工作回顾|工作完成情况|主要工作完成情况|工作成效|总结)'
const tasksWords =
  '(?:主要任务|工作安排|工作建议|工作打算|工作计划|工作要点|工作思路|重点工作|工作的建议|主要工作安排|工作任务|总体要求和主要任务)'

const yearReview = new RegExp(`^(\\d{4})年(?:度)?(?:及本届(?:政府|常委会|政协)?)?(?:的)?${reviewWords}$`)
const yearTasks = new RegExp(`^(\\d{4})年(?:度)?(?:的)?${tasksWords}$`)
const relativeReview = new RegExp(`^(?:过去一年|一年来|上一年|去年)(?:的)?${reviewWords}$`)
const termReview = new RegExp(`^(?:过去五年|五年来|本届以来|本届(?:政府|常委会|政协)?)(?:的)?${reviewWords}$`)
const relativeTasks = new RegExp(`^(?:今年|新的一年|今后一年|明年|下一年|下一步)(?:的)?${tasksWords}$`)
const nextTermTasks = new RegExp(`^(?:今后五年|未来五年|今后)(?:的)?(?:${tasksWords}|工作建议)$`)

/**
 * Recognises a part title by its wording alone — `2022年主要工作`, `2023年工作安排`, `过去一年工作回顾`,
 * `今年主要任务`, `政府自身建设`, `存在的问题` — so that import can tell the numbering scheme and the parts before a
 * template is known. Template accepted titles refine the role afterwards.
 */
export function recognisePartTitle(title: string): PartTitleInfo | undefined {
  const text = title.replace(/[\s\u3000]+/g, '').replace(/[：:。]$/, '')
  if (text.length > 24) return undefined
  let match = yearReview.exec(text)
  if (match) return { role: 'review', year: Number(match[1]) }
  match = yearTasks.exec(text)
  if (match) return { role: 'tasks', year: Number(match[1]) }
  if (relativeReview.test(text)) return { role: 'review', relative: 'previousYear' }
  if (termReview.test(text)) return { role: 'termReview', relative: 'term' }
  if (relativeTasks.test(text)) return { role: 'tasks', relative: 'planYear' }
  if (nextTermTasks.test(text)) return { role: 'tasks', relative: 'nextTerm' }
  if (/^(?:政府|常委会|政协|机关)?(?:自身建设|切实加强政府自身建设|全面加强政府自身建设|加强自身建设)$/.test(text))
    return { role: 'selfBuilding' }
  if (/^(?:存在的|面临的)?(?:问题和不足|困难和问题|主要问题|存在问题|问题与不足|不足和问题)$/.test(text))
    return { role: 'problems' }
  if (/^(?:主要预期目标|发展目标|预期目标)$/.test(text)) return { role: 'targets' }
  return undefined
}

/** The plan year a part title implies (`2022年主要工作` → 2023, `2023年主要任务` → 2023). */
export function planYearFromPartTitle(info: PartTitleInfo): number | undefined {
  if (info.year === undefined) return undefined
  return info.role === 'review' || info.role === 'termReview' ? info.year + 1 : info.year
}
