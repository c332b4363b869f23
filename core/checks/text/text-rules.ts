import type { Rule } from '../rule'
import { frontMatterRules } from './front-matter-rules'
import { numberRules } from './number-rules'
import { punctuationRules } from './punctuation-rules'
import { sequenceRules } from './sequence-rules'
import { textHygieneRules } from './text-hygiene-rules'

/**
 * Text rules (PUN-*, NUM-*, TXT-*), docs/text-rules.md §C–E. PUN-LINEBREAK and NUM-NOBREAK are layout rules kept by
 * the DOCX and print exports, not lint rules.
 */
export const textRules: Rule[] = [
  ...punctuationRules,
  ...sequenceRules,
  ...numberRules,
  ...textHygieneRules,
  ...frontMatterRules,
]
