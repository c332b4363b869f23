import { z } from 'zod'
import { reportKinds } from './report-kind'
import { docNodeSchema } from './doc-node-schema'
import { statusLabels } from './report-language/status-suffix'
import { emptyReview, reviewDataSchema } from './review/review-data'

export const REPORT_FORMAT = 'work-report-studio'
/** 2: `review` (comments, suggestions' records, the round of 征求意见). Version 1 files are migrated on load. */
export const REPORT_VERSION = 2

export const reportMetaSchema = z.object({
  templateId: z.string().min(1),
  kind: z.enum(reportKinds),
  planYear: z.number().int().min(1949).max(2200),
  /** 换届年: part 1 covers the whole term. */
  termEnd: z.boolean().default(false),
  numbering: z.enum(['numbered', 'yearParts']).default('numbered'),
  organisation: z.string().default(''),
  meetingName: z.string().default(''),
  /** ISO date `YYYY-MM-DD` of the session, or '' when unknown. */
  date: z.string().default(''),
  speakerOffice: z.string().default(''),
  speakerName: z.string().default(''),
  title: z.string().default(''),
  status: z.enum(['draft', 'final']).default('draft'),
  /** The draft's status label (稿别, e.g. 征求意见稿), printed only as the draft label of an export; '' when none. */
  draftLabel: z.enum(['', ...statusLabels]).default(''),
})
export type ReportMeta = z.infer<typeof reportMetaSchema>

export const layoutSettingsSchema = z.object({
  /** Body line pitch in points; 28.95 pt gives 22 lines in the 225 mm type area. */
  linePitchPt: z.number().min(20).max(40).default(28.95),
  headingBold: z
    .object({ h1: z.boolean(), h2: z.boolean(), h3: z.boolean(), h4: z.boolean() })
    .default({ h1: false, h2: false, h3: false, h4: false }),
  /** Mirror margins (inside 28 mm, outside 26 mm) for duplex printing. */
  mirrorMargins: z.boolean().default(false),
  /** Times New Roman for digits and Latin letters. */
  latinTimes: z.boolean().default(true),
})
export type LayoutSettings = z.infer<typeof layoutSettingsSchema>

export const checkSettingsSchema = z.object({
  /** Rule ids switched off for this report. */
  disabled: z.array(z.string()).default([]),
  /** User-editable fixed terms (TXT-TERMS): wrong form → right form. */
  terms: z.array(z.object({ wrong: z.string().min(1), right: z.string().min(1) })).default([]),
})
export type CheckSettings = z.infer<typeof checkSettingsSchema>

export const provenanceSchema = z.object({
  /** Id of the reused block (attrs.id) or heading text when no id. */
  target: z.string(),
  sourceFile: z.string(),
  sourceYear: z.number().int().optional(),
  sourceTitle: z.string().optional(),
  at: z.string(),
  kind: z.enum(['rollforward', 'library', 'import']),
})
export type Provenance = z.infer<typeof provenanceSchema>

/**
 * A copy pulled from the office's collaboration server (`wrs pull`): which shared report it is and the server's state
 * when it was pulled, so that `wrs push` merges only what was edited since (docs/COLLABORATION.md).
 */
export const collabLinkSchema = z.object({
  reportId: z.string().min(1),
  /** The server it was pulled from (informative: the report id is what `wrs push` checks). */
  server: z.string().default(''),
  /** Base64 of the raw-deflated Yjs state of the shared report at the pull. */
  base: z.string().min(1),
  /** ISO time of the pull. */
  pulledAt: z.string().default(''),
})
export type CollabLink = z.infer<typeof collabLinkSchema>

export const reportFileSchema = z.object({
  format: z.literal(REPORT_FORMAT),
  /**
   * Older versions are migrated here, so every reader (files, IPC, tests) gets the current shape: version 1
   * had no `review`, which its default fills; nothing else changes, so a version 1 report opens as it was.
   */
  version: z.union([z.literal(1), z.literal(REPORT_VERSION)]).transform((): typeof REPORT_VERSION => REPORT_VERSION),
  meta: reportMetaSchema,
  doc: docNodeSchema,
  checks: checkSettingsSchema.default({ disabled: [], terms: [] }),
  layout: layoutSettingsSchema.default({
    linePitchPt: 28.95,
    headingBold: { h1: false, h2: false, h3: false, h4: false },
    mirrorMargins: false,
    latinTimes: true,
  }),
  provenance: z.array(provenanceSchema).default([]),
  review: reviewDataSchema.default(emptyReview),
  collab: collabLinkSchema.optional(),
})
export type ReportFile = z.infer<typeof reportFileSchema>

export type ParseResult<T> = { ok: true; value: T } | { ok: false; code: string; message: string }

/**
 * Reads a `.wrs` file's text. Never throws; every refusal carries a zh-CN sentence saying what
 * happened and what to do.
 */
/**
 * Deepest JSON nesting a report file may have. A report's deepest content (a list in a table in a list) is a few
 * dozen levels; the limit keeps every tree walk (schema, checks, exports) far from the call stack's end.
 */
export const REPORT_MAX_NESTING = 512

/** How deep objects and arrays nest in a parsed JSON value, counted without recursion. */
export function nestingDepth(value: unknown): number {
  let deepest = 0
  const stack: Array<[unknown, number]> = [[value, 1]]
  while (stack.length) {
    const [item, depth] = stack.pop()!
    if (typeof item !== 'object' || item === null) continue
    if (depth > deepest) deepest = depth
    for (const child of Array.isArray(item) ? item : Object.values(item)) stack.push([child, depth + 1])
  }
  return deepest
}

export function parseReportFile(text: string): ParseResult<ReportFile> {
  if (text.includes('\u0000') || /[\u0001-\u0008\u000e-\u001f]/.test(text.slice(0, 4096))) {
    return {
      ok: false,
      code: 'binary',
      message:
        '这个文件的内容是二进制数据，不是工作报告（.wrs 报告是文本文件）。它可能已损坏或是改了扩展名的其他文件：请打开同一文件夹中的 .bak 备份或从恢复快照还原；Word 文档请用“导入”打开。',
    }
  }
  let data: unknown
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
  } catch {
    return {
      ok: false,
      code: 'invalid-json',
      message: '文件已损坏，无法读取（不是有效的 JSON）。请打开同一文件夹中的 .bak 备份，或从恢复快照还原。',
    }
  }
  const depth = nestingDepth(data)
  if (depth > REPORT_MAX_NESTING) {
    return {
      ok: false,
      code: 'too-deep',
      message: `文件中的内容嵌套太深（结构层数 ${depth}，上限 ${REPORT_MAX_NESTING}；如列表套列表、表格套表格数百层），无法打开。编辑器不会写出这样的文件：请打开同一文件夹中的 .bak 备份，或检查文件的来源；文件未作改动。`,
    }
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== REPORT_FORMAT) {
    return {
      ok: false,
      code: 'wrong-format',
      message: '这不是工作报告编写器的文件。若要使用其中的文字，请用“导入”打开 Word、Markdown 或文本文件。',
    }
  }
  const version = (data as { version?: unknown }).version
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, code: 'bad-version', message: '报告文件缺少有效的版本号，无法打开。请打开它的 .bak 备份。' }
  }
  if (version > REPORT_VERSION) {
    return {
      ok: false,
      code: 'newer-version',
      message: `这个报告文件由更新版本的工作报告编写器保存（文件格式第 ${version} 版，本程序只支持到第 ${REPORT_VERSION} 版）。请升级工作报告编写器后再打开，文件未作任何改动。`,
    }
  }
  // Interpreted, not compiled: a report is parsed once when opened, and up to a few hundred pages zod's compiled
  // parser costs more to build than it saves (a `wrs` command builds it for one parse).
  const parsed = reportFileSchema.safeParse(data, { jitless: true })
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue ? issue.path.join('.') : ''
    return {
      ok: false,
      code: 'invalid-structure',
      message: `报告文件内容不完整或已损坏（${where || '根'}处不符合格式），无法打开。请打开它的 .bak 备份。`,
    }
  }
  return { ok: true, value: parsed.data }
}

/** Stable, human-readable serialisation (2-space JSON, trailing newline). */
export function serializeReportFile(report: ReportFile): string {
  return JSON.stringify(report, null, 2) + '\n'
}
