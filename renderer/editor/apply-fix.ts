import type { Editor } from '@tiptap/core'
import type { Node as PmNode, Schema } from '@tiptap/pm/model'
import { closeHistory } from '@tiptap/pm/history'
import type { Transaction } from '@tiptap/pm/state'
import { editNoteText } from '../../core/checks/edit-note-text'
import type { Finding, TextEdit } from '../../core/checks/finding'
import type { ReportMeta } from '../../core/report-file'
import type { Template } from '../../core/templates/template-schema'
import { partNodesFor } from '../../core/templates/create-report'
import { posOfPath, posOfTopIndex, textOffsetToPos } from './doc-positions'

/** Applies text edits (offsets in the original doc) to `tr`; overlapping edits after the first are skipped. */
export function addTextEdits(tr: Transaction, doc: PmNode, edits: readonly TextEdit[]): number {
  // a footnote's text is its `text` attribute: its edits (offsets in that text) replace the attribute
  const notes = new Map<number, TextEdit[]>()
  for (const edit of edits) {
    const pos = posOfPath(doc, edit.path)
    if (pos === null || doc.nodeAt(pos)?.type.name !== 'footnote') continue
    notes.set(pos, [...(notes.get(pos) ?? []), edit])
  }
  const resolved = edits
    .map(edit => {
      const block = posOfPath(doc, edit.path)
      if (block === null || !doc.nodeAt(block)?.isTextblock) return null
      return { from: textOffsetToPos(doc, block, edit.from), to: textOffsetToPos(doc, block, edit.to), text: edit.text }
    })
    .filter((edit): edit is { from: number; to: number; text: string } => edit !== null)
    .sort((a, b) => a.from - b.from || a.to - b.to)
  let applied = 0
  let lastEnd = -1
  for (const edit of resolved) {
    if (edit.from < lastEnd) continue
    lastEnd = Math.max(edit.to, edit.from + 1)
    const from = tr.mapping.map(edit.from)
    const to = tr.mapping.map(edit.to)
    const marks = to > from ? (tr.doc.nodeAt(from)?.marks ?? []) : tr.doc.resolve(from).marks()
    if (edit.text) tr.replaceWith(from, to, tr.doc.type.schema.text(edit.text, marks))
    else tr.delete(from, to)
    applied++
  }
  for (const [pos, noteEdits] of notes) {
    const note = doc.nodeAt(pos)!
    const text = typeof note.attrs.text === 'string' ? note.attrs.text : ''
    const accepted: TextEdit[] = []
    for (const edit of [...noteEdits].sort((a, b) => a.from - b.from || a.to - b.to)) {
      const last = accepted.at(-1)
      if (last && edit.from < Math.max(last.to, last.from + 1)) continue
      if (edit.from < 0 || edit.to > text.length || edit.from > edit.to) continue
      accepted.push(edit)
    }
    if (!accepted.length) continue
    tr.setNodeMarkup(tr.mapping.map(pos), undefined, { ...note.attrs, text: editNoteText(text, accepted) })
    applied += accepted.length
  }
  return applied
}

/** The nodes `insertPart` adds: the template part as `wrs new` writes it (heading with role, guidance, starters). */
export function partNodes(schema: Schema, template: Template, partId: string, meta: ReportMeta): PmNode[] {
  return partNodesFor(template, partId, meta).map(node => schema.nodeFromJSON(node))
}

function addFix(
  tr: Transaction,
  doc: PmNode,
  finding: Finding,
  template: Template | undefined,
  meta: ReportMeta,
): boolean {
  const fix = finding.fix
  if (!fix) return false
  if (fix.kind === 'replaceText') return addTextEdits(tr, doc, fix.edits) > 0
  if (fix.kind === 'setAttrs') {
    const pos = posOfPath(doc, fix.path)
    const node = pos === null ? null : doc.nodeAt(pos)
    if (pos === null || !node) return false
    const mapped = tr.mapping.map(pos)
    const attrs = { ...node.attrs }
    for (const [name, value] of Object.entries(fix.attrs)) if (name in (node.type.spec.attrs ?? {})) attrs[name] = value
    tr.setNodeMarkup(mapped, undefined, attrs)
    return true
  }
  if (!template) return false
  const nodes = partNodes(doc.type.schema, template, fix.partId, meta)
  if (nodes.length === 0) return false
  tr.insert(tr.mapping.map(posOfTopIndex(doc, fix.at)), nodes)
  return true
}

/** One finding's fix as one transaction (one undo step). */
export function applyFix(editor: Editor, finding: Finding, template: Template | undefined, meta: ReportMeta): boolean {
  const { state } = editor
  const tr = state.tr
  if (!addFix(tr, state.doc, finding, template, meta)) return false
  editor.view.dispatch(closeHistory(tr).scrollIntoView())
  return true
}

/** Every fix of the given findings in ONE transaction, so a single Ctrl+Z takes them all back. */
export function applyFixes(
  editor: Editor,
  findings: readonly Finding[],
  template: Template | undefined,
  meta: ReportMeta,
): number {
  const { state } = editor
  const tr = state.tr
  const edits: TextEdit[] = []
  let applied = 0
  for (const finding of findings) {
    if (finding.fix?.kind === 'replaceText') edits.push(...finding.fix.edits)
    else if (finding.fix && addFix(tr, state.doc, finding, template, meta)) applied++
  }
  applied += addTextEdits(tr, state.doc, edits)
  // closeHistory: the fixes are their own undo step even right after typing.
  if (applied > 0) editor.view.dispatch(closeHistory(tr))
  return applied
}
