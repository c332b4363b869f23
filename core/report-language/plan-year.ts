import type { PartRole } from '../document-model'
import { dateParts } from './chinese-date'
import { planYearFromPartTitle, recognisePartTitle } from './part-title'

/**
 * The plan year (the year whose tasks the report sets; the review covers the year before) from what the text says,
 * not from the meeting date alone: a December meeting (`2023年12月27日`) reviews 2023 and plans 2024.
 */

export type PlanYearSource = 'titles' | 'text' | 'title' | 'date' | 'content'

export interface PlanYearEvidence {
  /** Level-1 part titles in document order, with their roles where known. */
  parts?: ReadonlyArray<{ title: string; role?: PartRole | null }>
  /** Subtitle, opening formula, newspaper lead and other front-matter texts. */
  frontTexts?: readonly string[]
  /** The report title (`2025年政府工作报告`). */
  title?: string
  /** ISO date of the meeting (subtitle, date line, or a lead that writes the year). */
  date?: string
  /** Body paragraphs: the last resort (a news digest whose lead `3月16日` has no year); read only when needed. */
  bodyTexts?: readonly string[] | (() => readonly string[])
}

const YEAR = '((?:19|20|21)\\d{2})'
const anyYear = new RegExp(YEAR)

/** The plan year a meeting date implies: a meeting from November on prepares the next year. */
export function planYearFromDate(iso: string): number | undefined {
  const parts = dateParts(iso)
  if (!parts) return undefined
  return parts.month !== undefined && parts.month >= 11 ? parts.year + 1 : parts.year
}

/** The year a meeting on this day of the plan year falls in (`3月16日` of plan year 2024 → 2024; December → 2023). */
export function meetingYearOf(planYear: number, month: number): number {
  return month >= 11 ? planYear - 1 : planYear
}

function fromParts(parts: NonNullable<PlanYearEvidence['parts']>): number | undefined {
  let review: number | undefined
  for (const part of parts) {
    const info = recognisePartTitle(part.title)
    const role = part.role ?? info?.role
    let year = info && info.role === role ? planYearFromPartTitle(info) : undefined
    if (year === undefined && role) {
      // a role from the template or the heading with a year the wording alone did not place (`二、回望2023 砥砺前行`)
      const match = anyYear.exec(part.title)
      if (match && (role === 'review' || role === 'termReview')) year = Number(match[1]) + 1
      else if (match && (role === 'tasks' || role === 'targets')) year = Number(match[1])
    }
    if (year === undefined) continue
    // the plan part says the plan year directly; a review part says it one year back
    if (role === 'tasks' || role === 'targets') return year
    review ??= year
  }
  return review
}

/** A year that is not a target (`到2035年`) or the end of a range (`2019—2023年`). */
const Y = `(?<![到至—\\-~～\\d])${YEAR}`
const statedPlan = [
  new RegExp(`${Y}年(?:度)?(?:的)?(?:主要)?(?:工作)?(?:安排|计划|打算|要点|主要任务|目标任务|重点工作|工作建议)`),
  new RegExp(`(?:部署|展望|安排)(?:了)?${YEAR}年`),
  new RegExp(`${Y}年[，,]?[^。；，,]{0,12}?(?:将|要)(?:着力|重点|继续|坚持|全力|紧紧|聚焦|突出|围绕|加快|扎实)`),
]
const statedReview = [
  new RegExp(`${Y}年(?:度)?(?:的)?(?:主要)?工作(?:回顾|总结)|${Y}年(?:度)?(?:工作)?总结和`),
  new RegExp(`(?:回顾(?:了)?|总结(?:了)?|过去的|刚刚过去的)${YEAR}年`),
]

/**
 * The plan year texts state: a planned year (`2024年工作安排`, `部署2024年`, `2024年，我们将着力……`) as it is, a reviewed
 * year (`2023年工作回顾`, `回顾2023年`) plus one. The latest wins (a review and a plan name consecutive years).
 */
export function statedPlanYear(texts: readonly string[]): number | undefined {
  let best: number | undefined
  const consider = (year: number) => (best = best === undefined ? year : Math.max(best, year))
  for (const text of texts) {
    for (const pattern of statedPlan) {
      const match = pattern.exec(text)
      const year = match?.slice(1).find(Boolean)
      if (year) consider(Number(year))
    }
    for (const pattern of statedReview) {
      const match = pattern.exec(text)
      const year = match?.slice(1).find(Boolean)
      if (year) consider(Number(year) + 1)
    }
  }
  return best
}

/** `××区2025年政府工作报告` → 2025; `××局2023年工作总结和2024年工作计划` → 2024; `2023年工作总结` → 2024. */
export function planYearFromTitle(title: string): number | undefined {
  const flat = title.replace(/[\s\u3000]+/g, '')
  const plan = new RegExp(
    `${YEAR}年(?:度)?(?:工作)?(?:计划|打算|安排|要点|任务)|${YEAR}年(?!度)[^年]{0,20}?工作报告`,
  ).exec(flat)
  if (plan) return Number(plan[1] ?? plan[2])
  const review = new RegExp(`${YEAR}年(?:度)?(?:工作)?(?:总结|回顾)`).exec(flat)
  return review ? Number(review[1]) + 1 : undefined
}

/**
 * The one plan-year decision (import, the structure analysis, the editor): the part titles, then the year the
 * subtitle or opening states, then the title's year, then the meeting date with its month, then what the body states.
 */
export function decidePlanYear(evidence: PlanYearEvidence): { year: number; source: PlanYearSource } | undefined {
  const titles = evidence.parts?.length ? fromParts(evidence.parts) : undefined
  if (titles !== undefined) return { year: titles, source: 'titles' }
  const stated = evidence.frontTexts?.length ? statedPlanYear(evidence.frontTexts) : undefined
  if (stated !== undefined) return { year: stated, source: 'text' }
  const title = evidence.title ? planYearFromTitle(evidence.title) : undefined
  if (title !== undefined) return { year: title, source: 'title' }
  const dated = evidence.date ? planYearFromDate(evidence.date) : undefined
  if (dated !== undefined) return { year: dated, source: 'date' }
  const body = typeof evidence.bodyTexts === 'function' ? evidence.bodyTexts() : evidence.bodyTexts
  const content = body?.length ? statedPlanYear(body) : undefined
  if (content !== undefined) return { year: content, source: 'content' }
  return undefined
}
