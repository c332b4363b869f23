import type { Rule } from '../rule'
import { strDuplicate } from './str-duplicate'
import { strEmpty } from './str-empty'
import { strFrontMatter } from './str-front-matter'
import { strMissing } from './str-missing'
import { strNeedsReview } from './str-needs-review'
import { strOrder } from './str-order'
import { strPlaceholder } from './str-placeholder'
import { strReviewPending } from './str-review-pending'
import { strSubsections } from './str-subsections'
import { strYear } from './str-year'

/** Structure rules (STR-*), docs/report-structure.md §4. */
export const structureRules: Rule[] = [
  strFrontMatter,
  strMissing,
  strOrder,
  strEmpty,
  strSubsections,
  strYear,
  strDuplicate,
  strPlaceholder,
  strNeedsReview,
  strReviewPending,
]
