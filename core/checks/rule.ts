import type { DocNode } from '../document-model'
import type { ReportFile } from '../report-file'
import type { ReportStructure } from '../structure/report-structure'
import type { Template } from '../templates/template-schema'
import type { Finding, Severity } from './finding'

export type BlockKind =
  | 'title'
  | 'subtitle'
  | 'speaker'
  | 'salutation'
  | 'heading'
  | 'paragraph'
  | 'listItem'
  | 'tableCell'
  | 'guidance'
  /** A footnote's text (the `text` attribute of the footnote node at `path`, inside the block before it). */
  | 'footnote'

/** One text block of the document, flattened once per check run. */
export interface TextBlock {
  path: number[]
  node: DocNode
  kind: BlockKind
  /** Heading level (document level 1–4) for headings. */
  level?: number
  /** For headings: the computed printed marker (`一、`, `（一）`, `1.`, `（1）` or ''). */
  marker?: string
  runIn?: boolean
  /** For footnotes: the note's number in reading order, as both exports print it. */
  footnote?: number
  text: string
}

export interface CheckContext {
  report: ReportFile
  template?: Template
  structure: ReportStructure
  blocks: TextBlock[]
  /** Characters no installed face the PDF may use has (the editor asks main; empty elsewhere): TXT-GLYPH. */
  uncoveredChars?: ReadonlySet<string>
}

export type RuleCategory = 'structure' | 'punctuation' | 'number' | 'text'

export interface Rule {
  id: string
  /** Short zh-CN name shown in settings (e.g. “半角标点”). */
  title: string
  category: RuleCategory
  severity: Severity
  /** True when the rule offers fixes that are safe to apply in bulk (“全部修正”). */
  fixable: boolean
  /** The rule offers confirmations (`setAttrs`, e.g. 确认编号) that `wrs check --fix --rule <id>` may apply. */
  confirmable?: boolean
  run(context: CheckContext, report: (finding: Finding) => void): void
}
