import type { HeadingLevel, PartRole } from '../document-model'
import type { ReportKind } from '../report-kind'

export interface LocatedText {
  /** Child indices from the doc root to the block. */
  path: number[]
  text: string
}

export interface FrontMatter {
  title?: LocatedText
  subtitle?: LocatedText & {
    /** ISO `YYYY-MM-DD` (day may be missing: `YYYY-MM`). */
    date?: string
    meeting?: string
  }
  speaker?: LocatedText & { office: string; name: string }
  salutation?: LocatedText
  opening?: LocatedText
}

export interface Section {
  /** Path of the heading node. */
  path: number[]
  /** Top-level index of the heading (sections are flat siblings in the doc). */
  index: number
  /** Top-level index after the last block of the section (exclusive). */
  end: number
  level: HeadingLevel
  /** Heading text as typed (no computed marker). */
  title: string
  role: PartRole | null
  /** How the role was found. */
  roleSource: 'attribute' | 'title' | 'none'
  runIn: boolean
  /** Number of 汉字 in the body (including sub-sections). */
  bodyChars: number
  /** True when the body holds nothing but template guidance. */
  onlyGuidance: boolean
  children: Section[]
}

export interface ReportStructure {
  kind?: ReportKind
  frontMatter: FrontMatter
  /** Level-1 sections in document order. */
  parts: Section[]
  /** Plan year from meta, else subtitle date, else part titles. */
  planYear?: number
  /** Where the plan year came from. */
  planYearSource?: 'meta' | 'subtitle' | 'titles'
}
