import { NodeType, type DocMark, type DocNode } from '../document-model'
import type { ReportFile } from '../report-file'
import { allRules } from './all-rules'
import { editNoteText } from './edit-note-text'
import type { Fix, TextEdit } from './finding'
import { runChecks } from './run-checks'
import { textRules } from './text/text-rules'

/** Characters a child contributes to `nodeText()` of its block. */
function inlineLength(node: DocNode): number {
  if (node.type === NodeType.text) return node.text?.length ?? 0
  if (node.type === NodeType.hardBreak) return 1
  return 0
}

function sameMarks(a: DocMark[] | undefined, b: DocMark[] | undefined): boolean {
  return JSON.stringify(a ?? []) === JSON.stringify(b ?? [])
}

function withText(node: DocNode, text: string): DocNode {
  return { ...node, text }
}

function marksAt(content: DocNode[], from: number, to: number): DocMark[] | undefined {
  let position = 0
  let before: DocNode | undefined
  for (const node of content) {
    const length = inlineLength(node)
    const start = position
    position += length
    if (node.type !== NodeType.text || length === 0) continue
    if (from < to ? start <= from && from < position : start < from && from <= position) return node.marks
    if (start >= from && !before) before = node
  }
  return before?.marks
}

/** One edit on a block's inline content; marks of the surrounding text are kept. */
function applyOne(content: DocNode[], edit: TextEdit): DocNode[] {
  const { from, to, text } = edit
  const marks = marksAt(content, from, to)
  const before: DocNode[] = []
  const after: DocNode[] = []
  let position = 0
  for (const node of content) {
    const length = inlineLength(node)
    const start = position
    const end = position + length
    position = end
    if (node.type === NodeType.text) {
      const value = node.text ?? ''
      if (start < from) {
        const head = value.slice(0, Math.min(length, from - start))
        if (head) before.push(withText(node, head))
      }
      if (end > to) {
        const tail = value.slice(Math.max(0, to - start))
        if (tail) after.push(withText(node, tail))
      }
    } else if (length === 0) {
      ;(start <= from ? before : after).push(node)
    } else if (end <= from) before.push(node)
    else if (start >= to) after.push(node)
  }
  const middle: DocNode[] = text
    ? [marks && marks.length ? { type: NodeType.text, text, marks } : { type: NodeType.text, text }]
    : []
  return [...before, ...middle, ...after]
}

function mergeText(content: DocNode[]): DocNode[] {
  const out: DocNode[] = []
  for (const node of content) {
    const last = out[out.length - 1]
    if (last && last.type === NodeType.text && node.type === NodeType.text && sameMarks(last.marks, node.marks)) {
      out[out.length - 1] = withText(last, (last.text ?? '') + (node.text ?? ''))
    } else out.push(node)
  }
  return out
}

function editBlock(block: DocNode, edits: TextEdit[]): DocNode {
  if (block.type === NodeType.footnote) {
    const text = typeof block.attrs?.text === 'string' ? block.attrs.text : ''
    return { ...block, attrs: { ...block.attrs, text: editNoteText(text, edits) } }
  }
  let content = block.content ?? []
  const ordered = [...edits].sort((a, b) => b.from - a.from || b.to - a.to)
  for (const edit of ordered) content = applyOne(content, edit)
  content = mergeText(content)
  const next: DocNode = { ...block, content }
  if (content.length === 0) delete next.content
  return next
}

function replaceAt(node: DocNode, path: number[], depth: number, edits: TextEdit[]): DocNode {
  if (depth === path.length) return editBlock(node, edits)
  const index = path[depth]!
  const child = node.content?.[index]
  if (!child) return node
  const content = [...node.content!]
  content[index] = replaceAt(child, path, depth + 1, edits)
  return { ...node, content }
}

/**
 * Applies text edits (offsets in a block's `nodeText()`) to a document and returns a new document;
 * the input is not changed. Several edits on one block are applied right to left; the replacement
 * text takes the marks of the text it replaces (or of the character before an insertion).
 */
export function applyTextEdits(doc: DocNode, edits: TextEdit[]): DocNode {
  const byPath = new Map<string, TextEdit[]>()
  for (const edit of edits) {
    const key = edit.path.join('/')
    const list = byPath.get(key)
    if (list) list.push(edit)
    else byPath.set(key, [edit])
  }
  let next = doc
  for (const list of byPath.values()) next = replaceAt(next, list[0]!.path, 0, list)
  return next
}

type AttrsFix = Extract<Fix, { kind: 'setAttrs' }>

function setAttrsAt(node: DocNode, path: number[], depth: number, attrs: Record<string, unknown>): DocNode {
  if (depth === path.length) {
    const next: Record<string, unknown> = { ...node.attrs }
    for (const [name, value] of Object.entries(attrs)) {
      if (value === null) delete next[name]
      else next[name] = value
    }
    return { ...node, attrs: next }
  }
  const child = node.content?.[path[depth]!]
  if (!child) return node
  const content = [...node.content!]
  content[path[depth]!] = setAttrsAt(child, path, depth + 1, attrs)
  return { ...node, content }
}

/** Applies `setAttrs` fixes (a `null` value removes the attribute) and returns a new document. */
export function applyAttrFixes(doc: DocNode, fixes: readonly AttrsFix[]): DocNode {
  return fixes.reduce((next, fix) => setAttrsAt(next, fix.path, 0, fix.attrs), doc)
}

const fixableRules = new Set(textRules.filter(rule => rule.fixable).map(rule => rule.id))

/** Rules whose confirmations (确认编号) `fixAll` applies when, and only when, the rule is named. */
export const confirmableRuleIds: readonly string[] = allRules.filter(rule => rule.confirmable).map(rule => rule.id)

export interface FixPlan {
  edits: TextEdit[]
  /** Confirmations (`setAttrs`) of the named rule. */
  attrs: AttrsFix[]
  /** Number of findings whose fix is in `edits` or `attrs`. */
  fixes: number
}

/**
 * The safe text fixes of one check pass (optionally of one rule), without overlapping edits:
 * when two fixes touch the same characters, the first one in document order wins. With a confirmable rule named
 * (TXT-SEQ-CONT), its confirmations too.
 */
export function planFixes(report: ReportFile, ruleId?: string): FixPlan {
  const accepted = new Map<string, Array<[number, number]>>()
  const edits: TextEdit[] = []
  const attrs: AttrsFix[] = []
  let fixes = 0
  for (const finding of runChecks(report)) {
    const fix = finding.fix
    if (ruleId && finding.rule !== ruleId) continue
    // a confirmation is a decision about this report, never part of a plain `--fix`
    if (fix?.kind === 'setAttrs' && ruleId && confirmableRuleIds.includes(ruleId)) {
      attrs.push(fix)
      fixes++
      continue
    }
    if (!fix || fix.kind !== 'replaceText' || !fixableRules.has(finding.rule)) continue
    const overlaps = fix.edits.some(edit =>
      (accepted.get(edit.path.join('/')) ?? []).some(
        ([from, to]) => (edit.from < to && edit.to > from) || (edit.from === edit.to && edit.from === from),
      ),
    )
    if (overlaps) continue
    for (const edit of fix.edits) {
      const key = edit.path.join('/')
      const ranges = accepted.get(key) ?? []
      ranges.push([edit.from, edit.to])
      accepted.set(key, ranges)
      edits.push(edit)
    }
    fixes++
  }
  return { edits, attrs, fixes }
}

/**
 * Applies every safe text fix (optionally of one rule) and returns the fixed report and how many fixes
 * were applied. Runs again while fixes uncover more (e.g. `０１月` → `01月` → `1月`), at most 5 passes.
 */
export function fixAllCounted(report: ReportFile, ruleId?: string): { report: ReportFile; applied: number } {
  let current = report
  let applied = 0
  for (let pass = 0; pass < 5; pass++) {
    const plan = planFixes(current, ruleId)
    if (plan.fixes === 0) break
    current = { ...current, doc: applyAttrFixes(applyTextEdits(current.doc, plan.edits), plan.attrs) }
    applied += plan.fixes
  }
  return { report: current, applied }
}

/** Applies every safe text fix (optionally of one rule, e.g. `PUN-HALFWIDTH`, or a confirmable rule's confirmations)
 * and returns a new report. */
export function fixAll(report: ReportFile, ruleId?: string): ReportFile {
  return fixAllCounted(report, ruleId).report
}
