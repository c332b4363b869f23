import type { HeadingLevel, PartRole } from '../document-model'
import type { ReportKind } from '../report-kind'
import type { PlanYearSource } from '../report-language/plan-year'

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
  /** Level 1: id of the template part this section is (when the template knows it). */
  partId?: string
  /** Level 1: the title is one of the template's 换届年 titles. */
  termEndTitle?: boolean
  /** Level 1: a part without a printed heading (the closing appeal); `path` is its first paragraph. */
  untitled?: boolean
  runIn: boolean
  /** Number of 汉字 in the body (including sub-sections; heading texts not counted). */
  bodyChars: number
  /** Number of template guidance nodes in the body (including sub-sections). */
  guidanceCount: number
  /** True when the body holds nothing but template guidance. */
  onlyGuidance: boolean
  children: Section[]
}

export interface ReportStructure {
  kind?: ReportKind
  frontMatter: FrontMatter
  /** Level-1 sections in document order. */
  parts: Section[]
  /** Plan year from meta, else as `decidePlanYear` reads the text. */
  planYear?: number
  /** Where the plan year came from. */
  planYearSource?: 'meta' | PlanYearSource
}
