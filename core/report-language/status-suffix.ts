/**
 * The status (稿别) of a draft: `……工作报告（征求意见稿）`. It is metadata, not part of the title: import and the title
 * field move it to `meta.draftLabel`, and the exports print it only as the draft label in the page header.
 */

export const statusLabels = [
  '征求意见稿',
  '讨论稿',
  '送审稿',
  '审议稿',
  '草案',
  '初稿',
  '修改稿',
  '修订稿',
  '草稿',
  '代拟稿',
  '报审稿',
] as const
export type StatusLabel = (typeof statusLabels)[number]

const LABEL = `(${statusLabels.join('|')})`
/** The suffix in brackets at the end of a title (also on a line of its own, as a multi-line title prints it). */
const suffix = new RegExp(`[\\s\\u3000]*[（(【〔\\[][\\s\\u3000]*${LABEL}[\\s\\u3000]*[）)】〕\\]][\\s\\u3000]*$`)
/** A status on a line of its own above or below the title, bracketed or not. */
const statusLine = new RegExp(`^[（(【〔\\[]?[\\s\\u3000]*${LABEL}[\\s\\u3000]*[）)】〕\\]]?$`)

export function isStatusLabel(value: unknown): value is StatusLabel {
  return typeof value === 'string' && (statusLabels as readonly string[]).includes(value)
}

/** `……工作报告（征求意见稿）` → the title without it and the label; a title without one comes back as it is. */
export function splitStatusSuffix(title: string): { title: string; label?: StatusLabel } {
  const match = suffix.exec(title)
  if (!match) return { title }
  return { title: title.slice(0, match.index).replace(/[\s\u3000]*\n[\s\u3000]*$/, ''), label: match[1] as StatusLabel }
}

/** `（征求意见稿）` or `征求意见稿` alone on a line → the label. */
export function parseStatusLine(text: string): StatusLabel | undefined {
  const match = statusLine.exec(text.trim())
  return match ? (match[1] as StatusLabel) : undefined
}

/** The labels the export and print dialogs always offer; a report's own label joins them. */
const offeredLabels: readonly StatusLabel[] = ['征求意见稿', '讨论稿']

/** Draft labels an export offers besides 正式稿: the report's own label first, then the usual ones. */
export function draftLabelChoices(meta: { draftLabel: StatusLabel | '' }): StatusLabel[] {
  const own = meta.draftLabel && !offeredLabels.includes(meta.draftLabel) ? [meta.draftLabel] : []
  return [...own, ...offeredLabels]
}

/** The draft label an export starts on: the stored label of a draft; null (正式稿) otherwise. */
export function defaultDraftLabel(meta: {
  status: 'draft' | 'final'
  draftLabel: StatusLabel | ''
}): StatusLabel | null {
  return meta.status === 'draft' && meta.draftLabel ? meta.draftLabel : null
}
