import { textSimilarity } from '../text-similarity'
import type { PartRole } from '../document-model'

export interface SectionCandidate {
  /** Top-level index of the heading. */
  index: number
  title: string
  level: number
  /** Role of the part the section is in (the part's own role for a part). */
  partRole: PartRole | null
}

/** Dice coefficient over character bigrams (Chinese titles have no words): 1 = same, 0 = nothing shared. */
export const titleSimilarity = textSimilarity

const sameRole: Partial<Record<PartRole, PartRole>> = { termReview: 'review' }

/**
 * Last year's section that matches one of this year's: a part matches the part with the same role; a section
 * matches the most similar title at the same level within the same part role (a review section of this year also
 * looks at last year's tasks, where its promise stood). Undefined when nothing is similar enough.
 */
export function matchSection(
  current: SectionCandidate,
  lastYear: readonly SectionCandidate[],
  threshold = 0.3,
): SectionCandidate | undefined {
  const role = current.partRole ? (sameRole[current.partRole] ?? current.partRole) : null
  const normalise = (candidate: SectionCandidate): PartRole | null =>
    candidate.partRole ? (sameRole[candidate.partRole] ?? candidate.partRole) : null
  if (current.level === 1 && role)
    return lastYear.find(candidate => candidate.level === 1 && normalise(candidate) === role)
  const roles: Array<PartRole | null> = role === 'review' ? ['review', 'tasks'] : [role]
  let best: { candidate: SectionCandidate; score: number } | undefined
  for (const candidate of lastYear) {
    if (candidate.level === 1) continue
    const score =
      titleSimilarity(current.title, candidate.title) +
      (roles.includes(normalise(candidate)) ? 0.05 : 0) +
      (candidate.level === current.level ? 0.02 : 0)
    if (!best || score > best.score) best = { candidate, score }
  }
  return best && best.score >= threshold ? best.candidate : undefined
}
