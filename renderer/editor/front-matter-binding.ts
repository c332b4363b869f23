import type { Node as PmNode } from '@tiptap/pm/model'
import type { Editor } from '@tiptap/core'
import type { ReportMeta } from '../../core/report-file'
import { formatChineseDate, parseDateLine } from '../../core/report-language/chinese-date'
import { formatSpeakerLine, readSpeakerLine } from '../../core/report-language/speaker'
import { splitStatusSuffix } from '../../core/report-language/status-suffix'
import { formatSubtitle, parseSubtitle } from '../../core/report-language/subtitle'

export type FrontMatterField = 'title' | 'date' | 'meetingName' | 'speakerOffice' | 'speakerName'

const order = ['reportTitle', 'reportSubtitle', 'speakerLine', 'salutation'] as const

function frontMatterNodes(doc: PmNode): Map<string, { node: PmNode; pos: number }> {
  const found = new Map<string, { node: PmNode; pos: number }>()
  doc.forEach((node, pos) => {
    if ((order as readonly string[]).includes(node.type.name) && !found.has(node.type.name))
      found.set(node.type.name, { node, pos })
  })
  return found
}

/** The title's text; with `lineBreaks` a hard break counts as `\n` (one position, as in the document). */
function titleText(node: PmNode, lineBreaks = false): string {
  let text = ''
  node.forEach(child => {
    text += child.isText ? child.text : lineBreaks && child.type.name === 'hardBreak' ? '\n' : ''
  })
  return text
}

/** The `（2024年1月16日）` line after the subtitle at `from` (a second occasion line), with its date. */
function dateLineNode(doc: PmNode, from: number): { node: PmNode; pos: number; date: string } | undefined {
  let found: { node: PmNode; pos: number; date: string } | undefined
  doc.forEach((node, pos) => {
    const date =
      !found && pos > from && node.type.name === 'reportSubtitle' ? parseDateLine(node.textContent) : undefined
    if (date) found = { node, pos, date }
  })
  return found
}

/**
 * Meta as the front matter nodes say it (the nodes are the source of truth for these fields), read with the same
 * parsers import and the checks use. A status suffix in the title (`（征求意见稿）`) is the draft label, not the title.
 */
export function metaFromDoc(doc: PmNode, meta: ReportMeta): ReportMeta {
  const nodes = frontMatterNodes(doc)
  const next = { ...meta }
  const title = nodes.get('reportTitle')
  if (title) {
    const split = splitStatusSuffix(titleText(title.node))
    next.title = split.title
    if (split.label) Object.assign(next, { draftLabel: split.label, status: 'draft' })
  }
  const subtitle = nodes.get('reportSubtitle')
  const parsed = subtitle ? parseSubtitle(subtitle.node.textContent) : undefined
  if (parsed) {
    // a subtitle without a date takes the date printed on its own line (`（2024年1月16日）`)
    next.date = parsed.date || dateLineNode(doc, subtitle!.pos)?.date || ''
    next.meetingName = parsed.meeting
  }
  const speaker = nodes.get('speakerLine')
  if (speaker) {
    const { office, name } = readSpeakerLine(speaker.node.textContent)
    next.speakerOffice = office
    next.speakerName = name
  }
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

/**
 * Takes a status suffix typed at the end of the title node (`……工作报告（征求意见稿）`) off the title: the label goes
 * to the meta (the draft label), the title keeps its words. Returns the label, or undefined when there was none.
 */
export function takeTitleStatus(editor: Editor): ReportMeta['draftLabel'] | undefined {
  const title = frontMatterNodes(editor.state.doc).get('reportTitle')
  if (!title) return undefined
  const text = titleText(title.node, true)
  const split = splitStatusSuffix(text)
  if (!split.label || text.length !== title.node.content.size) return undefined
  // the suffix is the end of the node's content: delete that many positions back from the node's end
  const end = title.pos + title.node.nodeSize - 1
  editor.view.dispatch(editor.state.tr.delete(end - (text.length - split.title.length), end))
  return split.label
}

/** Writes a metadata panel edit into the front matter node that shows it. */
export function writeFrontMatterField(
  editor: Editor,
  meta: ReportMeta,
  field: FrontMatterField,
  value: string,
): ReportMeta {
  const next = { ...meta, [field]: value }
  if (field === 'title') {
    const split = splitStatusSuffix(value)
    next.title = split.title
    if (split.label) Object.assign(next, { draftLabel: split.label, status: 'draft' })
    setNodeText(editor, 'reportTitle', split.title)
  } else if (field === 'date' || field === 'meetingName') {
    // the subtitle keeps its form (brackets, `…上的报告`); a date printed on its own line stays there
    const existing = frontMatterNodes(editor.state.doc).get('reportSubtitle')
    const parsed = existing ? parseSubtitle(existing.node.textContent) : undefined
    const dateLine = existing && parsed && !parsed.date ? dateLineNode(editor.state.doc, existing.pos) : undefined
    if (dateLine && field === 'date') {
      const when = formatChineseDate(next.date)
      const { state } = editor
      const from = dateLine.pos + 1
      const to = dateLine.pos + dateLine.node.nodeSize - 1
      editor.view.dispatch(state.tr.replaceWith(from, to, when ? state.schema.text(`（${when}）`) : []))
    } else
      setNodeText(editor, 'reportSubtitle', formatSubtitle(dateLine ? '' : next.date, next.meetingName, parsed?.form))
  } else setNodeText(editor, 'speakerLine', formatSpeakerLine(next.speakerOffice, next.speakerName))
  return next
}
