import type { Rule } from '../rule'

/** Text rules (PUN-*, NUM-*, TXT-*), spec §C–E. */
export const textRules: Rule[] = []
