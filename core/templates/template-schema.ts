import { z } from 'zod'
import { partRoles } from '../document-model'
import { reportKinds } from '../report-kind'

/**
 * A report template (data in `templates/*.json`). Texts may use `{Y}` (plan year), `{Y-1}` (review
 * year; any `{Y±n}` works), `{ORG}` (organisation), `{LEVEL}` (区/县/市… taken from the organisation),
 * `{TERM}` (届 from the meeting name, e.g. `第十届`) and `{TERM_START}` (first year of the term).
 */
export const templatePartSchema = z.object({
  id: z.string().min(1),
  role: z.enum(partRoles),
  /** zh-CN name of the part used in messages (e.g. `下一年度主要任务`). */
  name: z.string().optional(),
  required: z.boolean(),
  /** Title used when the part is created. */
  defaultTitle: z.string().min(1),
  /** Accepted titles (exact after year substitution); the first is preferred. */
  titles: z.array(z.string().min(1)).min(1),
  /** Regular-expression sources that also accept a title (creative titles such as `回望{Y-1}：…`). */
  titlePatterns: z.array(z.string()).default([]),
  /** 换届年 variants. */
  termEndTitles: z.array(z.string().min(1)).default([]),
  termEndDefaultTitle: z.string().optional(),
  /** The part exists only in a 换届年 report (e.g. 政府 `今后五年的目标任务`). */
  termEndOnly: z.boolean().default(false),
  /**
   * The part has no printed heading (the closing appeal): it starts at the first top-level
   * paragraph matching one of `titlePatterns` after the other parts.
   */
  untitled: z.boolean().default(false),
  /** Minimum body length in Chinese characters (汉字) for STR-EMPTY. */
  minChars: z.number().int().min(0).default(0),
  subsections: z
    .object({
      min: z.number().int().min(0),
      max: z.number().int().min(0).optional(),
      suggested: z.array(z.string().min(1)).default([]),
      /** Guidance for each suggested sub-section (same order as `suggested`). */
      prompts: z.array(z.string().min(1)).default([]),
    })
    .refine(value => value.prompts.length === 0 || value.prompts.length === value.suggested.length, {
      message: 'prompts must be empty or as long as suggested',
    })
    .default({ min: 0, suggested: [], prompts: [] }),
  /** Guidance placeholder text shown greyed in a new report. */
  guidance: z.string().min(1),
  /** Optional starter paragraphs (may contain `{Y}` variables), placed before the sub-sections. */
  starter: z.array(z.string()).default([]),
  /** Paragraphs placed after the sub-sections (thanks and problems paragraphs of the review part). */
  endStarter: z.array(z.string()).default([]),
})
export type TemplatePart = z.infer<typeof templatePartSchema>

export const frontMatterFields = ['title', 'subtitle', 'speaker', 'salutation', 'opening'] as const
export type FrontMatterField = (typeof frontMatterFields)[number]

export const templateSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: z.string().min(1),
  kind: z.enum(reportKinds),
  description: z.string().min(1),
  numbering: z.enum(['numbered', 'yearParts']),
  frontMatter: z.object({
    /** Default title; `\n` breaks it into lines. */
    title: z.string().min(1),
    /** Regular-expression source recognising titles of this kind (kind detection). */
    titlePattern: z.string().default(''),
    /** Subtitle form: `——{DATE}在{MEETING}上`; '' when the kind has no subtitle. */
    subtitle: z.string(),
    speakerOffice: z.string().default(''),
    /** '' when the kind has no salutation. */
    salutation: z.string(),
    salutationAlternatives: z.array(z.string()).default([]),
    openingFormula: z.string(),
    /** Regular-expression source recognising the opening formula (import and kind detection). */
    openingPattern: z.string(),
    /** Default meeting name, e.g. `{ORG}第×届人民代表大会第×次会议`. */
    meetingName: z.string().default(''),
    /** Front matter a finished report of this kind must have (STR-FRONT-MATTER). */
    requiredFields: z.array(z.enum(frontMatterFields)).default(['title', 'subtitle', 'speaker', 'salutation']),
  }),
  parts: z.array(templatePartSchema).min(1),
  /**
   * Error rules (ids such as `STR-ORDER`) this template makes part of the export gate: like the structure guards
   * (STR-MISSING, STR-PLACEHOLDER, STR-NEEDS-REVIEW) they cannot be switched off for a 正式稿.
   */
  blockingRules: z.array(z.string().regex(/^[A-Z]+(-[A-Z0-9]+)+$/u)).default([]),
})
export type Template = z.infer<typeof templateSchema>
export type TemplatePartRole = TemplatePart['role']
