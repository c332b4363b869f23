import { z } from 'zod'
import { partRoles } from '../document-model'
import { reportKinds } from '../report-kind'

/**
 * A report template (data in `templates/*.json`). Titles may use `{Y}` (plan year),
 * `{Y-1}` (review year), `{ORG}` (organisation short name) and `{TERM_START}` (first year of the term).
 */
export const templatePartSchema = z.object({
  id: z.string().min(1),
  role: z.enum(partRoles),
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
  /** Minimum body length in Chinese characters (汉字) for STR-EMPTY. */
  minChars: z.number().int().min(0).default(0),
  subsections: z
    .object({
      min: z.number().int().min(0),
      max: z.number().int().min(0).optional(),
      suggested: z.array(z.string().min(1)).default([]),
    })
    .default({ min: 0, suggested: [] }),
  /** Guidance placeholder text shown greyed in a new report. */
  guidance: z.string().min(1),
  /** Optional starter paragraphs (may contain `{Y}` variables). */
  starter: z.array(z.string()).default([]),
})
export type TemplatePart = z.infer<typeof templatePartSchema>

export const templateSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/),
  name: z.string().min(1),
  kind: z.enum(reportKinds),
  description: z.string().min(1),
  numbering: z.enum(['numbered', 'yearParts']),
  frontMatter: z.object({
    /** Default title; `{ORG}` is replaced by the organisation. */
    title: z.string().min(1),
    /** Subtitle form: `——{DATE}在{MEETING}上`. */
    subtitle: z.string().min(1),
    speakerOffice: z.string().default(''),
    salutation: z.string().min(1),
    salutationAlternatives: z.array(z.string()).default([]),
    openingFormula: z.string().min(1),
    /** Regular-expression source recognising the opening formula (import and kind detection). */
    openingPattern: z.string().min(1),
    /** Default meeting name, e.g. `{ORG}第×届人民代表大会第×次会议`. */
    meetingName: z.string().default(''),
  }),
  parts: z.array(templatePartSchema).min(1),
})
export type Template = z.infer<typeof templateSchema>
export type TemplatePartRole = TemplatePart['role']
