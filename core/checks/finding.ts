import type { PartRole } from '../document-model'

export type Severity = 'error' | 'warning' | 'info'

/**
 * Where a finding is. `path` lists child indices from the doc root to the block node
 * (a paragraph, heading, front-matter node or table-cell paragraph); `from`/`to` are offsets in
 * that block's `nodeText()`. For a footnote's text, `path` ends at the footnote node and the offsets are in its
 * `text` attribute. A finding about a missing part has `path` = [] and `section` set.
 */
export interface FindingLocation {
  path: number[]
  from?: number
  to?: number
  /** Title of the part/section the location is in (for grouping and messages). */
  section?: string
  /** The location is in the text of this footnote (its number in reading order): `path` is the footnote node's. */
  footnote?: number
}

export interface TextEdit {
  path: number[]
  from: number
  to: number
  text: string
}

export type Fix =
  | { kind: 'replaceText'; label: string; edits: TextEdit[] }
  /** Insert a part from the template (heading + guidance) before top-level index `at`. */
  | { kind: 'insertPart'; label: string; role: PartRole; partId: string; at: number }
  /**
   * Set attributes of the block at `path` (a `null` value clears one), e.g. 确认编号 clears a heading's
   * `sourceNumber`. A confirmation: applied one at a time, or by `wrs check --fix --rule <id>` naming its rule.
   */
  | { kind: 'setAttrs'; label: string; path: number[]; attrs: Record<string, unknown> }

export interface Finding {
  rule: string
  severity: Severity
  /** zh-CN sentence: what is wrong and what to do. */
  message: string
  location: FindingLocation
  fix?: Fix
}
