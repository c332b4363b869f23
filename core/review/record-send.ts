import type { DocNode } from '../document-model'
import type { ReviewData, RoundSend, SentVersion } from './review-data'
import { newReviewId } from './suggestion-attrs'

/**
 * The version a 征求意见稿 is sent as: the last one kept when the document has not changed since, else a new one
 * (kept so that copies returned without tracked changes can be compared with what was sent).
 */
export function versionToSend(review: Pick<ReviewData, 'sentVersions'>, doc: DocNode, at: string): SentVersion {
  const last = review.sentVersions[review.sentVersions.length - 1]
  if (last && JSON.stringify(last.doc) === JSON.stringify(doc)) return last
  return { id: newReviewId('v'), at, doc }
}

/** The round and sent versions with these sends recorded (and their version kept, once). */
export function recordSends(
  review: Pick<ReviewData, 'round' | 'sentVersions'>,
  version: SentVersion,
  sends: RoundSend[],
): Pick<ReviewData, 'round' | 'sentVersions'> {
  const known = review.sentVersions.some(each => each.id === version.id)
  return {
    round: { ...review.round, sends: [...review.round.sends, ...sends] },
    sentVersions: known ? review.sentVersions : [...review.sentVersions, version],
  }
}
