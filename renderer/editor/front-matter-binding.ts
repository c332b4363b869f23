import type { Node as PmNode } from '@tiptap/pm/model'
import type { Editor } from '@tiptap/core'
import type { ReportMeta } from '../../core/report-file'

export type FrontMatterField = 'title' | 'date' | 'meetingName' | 'speakerOffice' | 'speakerName'

const order = ['reportTitle', 'reportSubtitle', 'speakerLine', 'salutation'] as const

/** `2024-01-16` → `2024年1月16日` (month-only dates give `2024年1月`). */
export function formatChineseDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso)
  if (!match) return iso
  const [, year, month, day] = match
  return `${year}年${Number(month)}月` + (day ? `${Number(day)}日` : '')
}

export function formatSubtitle(date: string, meetingName: string): string {
  const when = date ? formatChineseDate(date) : '××××年×月×日'
  return `——${when}在${meetingName || '××会议'}上`
}

/** `——2024年1月16日在××区第十八届人民代表大会第三次会议上` → date and meeting. */
export function parseSubtitle(text: string): { date?: string; meetingName?: string } {
  const match = /^[-—－–\s]*(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?\s*在(.+?)上\s*$/.exec(text)
  if (!match) return {}
  const [, year, month, day, meeting] = match
  const pad = (value: string) => value.padStart(2, '0')
  return { date: `${year}-${pad(month!)}` + (day ? `-${pad(day)}` : ''), meetingName: meeting!.trim() }
}

/** `××区人大常委会主任 张三` → office and name (split at the last space). */
export function parseSpeakerLine(text: string): { speakerOffice: string; speakerName: string } {
  const trimmed = text.trim()
  const at = trimmed.search(/\s+\S+$/)
  if (at === -1) return { speakerOffice: trimmed, speakerName: '' }
  return { speakerOffice: trimmed.slice(0, at).trim(), speakerName: trimmed.slice(at).trim() }
}

function frontMatterNodes(doc: PmNode): Map<string, { node: PmNode; pos: number }> {
  const found = new Map<string, { node: PmNode; pos: number }>()
  doc.forEach((node, pos) => {
    if ((order as readonly string[]).includes(node.type.name) && !found.has(node.type.name))
      found.set(node.type.name, { node, pos })
  })
  return found
}

function titleText(node: PmNode): string {
  let text = ''
  node.forEach(child => {
    text += child.isText ? child.text : ''
  })
  return text
}

/** Meta as the front matter nodes say it (the nodes are the source of truth for these fields). */
export function metaFromDoc(doc: PmNode, meta: ReportMeta): ReportMeta {
  const nodes = frontMatterNodes(doc)
  const next = { ...meta }
  const title = nodes.get('reportTitle')
  if (title) next.title = titleText(title.node)
  const subtitle = nodes.get('reportSubtitle')
  if (subtitle) {
    const parsed = parseSubtitle(subtitle.node.textContent)
    if (parsed.date !== undefined) next.date = parsed.date
    if (parsed.meetingName !== undefined) next.meetingName = parsed.meetingName
  }
  const speaker = nodes.get('speakerLine')
  if (speaker) Object.assign(next, parseSpeakerLine(speaker.node.textContent))
  return next
}

function setNodeText(editor: Editor, type: (typeof order)[number], text: string): void {
  const { state } = editor
  const nodes = frontMatterNodes(state.doc)
  const existing = nodes.get(type)
  const content = text ? state.schema.text(text) : null
  const tr = state.tr
  if (existing) {
    tr.replaceWith(existing.pos + 1, existing.pos + existing.node.nodeSize - 1, content ?? [])
  } else {
    const rank = order.indexOf(type)
    let at = 0
    for (const earlier of order.slice(0, rank)) {
      const found = nodes.get(earlier)
      if (found) at = found.pos + found.node.nodeSize
    }
    tr.insert(at, state.schema.nodes[type]!.create(null, content))
  }
  editor.view.dispatch(tr)
}

/** Writes a metadata panel edit into the front matter node that shows it. */
export function writeFrontMatterField(
  editor: Editor,
  meta: ReportMeta,
  field: FrontMatterField,
  value: string,
): ReportMeta {
  const next = { ...meta, [field]: value }
  if (field === 'title') setNodeText(editor, 'reportTitle', value)
  else if (field === 'date' || field === 'meetingName')
    setNodeText(editor, 'reportSubtitle', formatSubtitle(next.date, next.meetingName))
  else setNodeText(editor, 'speakerLine', [next.speakerOffice, next.speakerName].filter(Boolean).join(' '))
  return next
}
