import { diffChars } from 'diff'
import { MarkType, type DocMark, type DocNode } from '../../document-model'
import type { NumberingScheme } from '../../numbering'
import { bigramCounts, diceOfCounts } from '../../text-similarity'
import { sentenceAround } from '../collect-review-marks'
import { implodeInline, type InlineUnit } from '../inline-units'
import type { ReviewKind } from '../review-data'
import { paragraphMarkOf, paragraphMarkValue, suggestionMark, type SuggestionRef } from '../suggestion-attrs'
import type { Byline } from './feedback-copy'
import type { ParagraphEdit, Segment } from './paragraph-edits'
import { projectDocument, viewOf, type PrintedParagraph, type Projection } from './printed-paragraphs'

/** A change or comment stretch of a returned copy that could not be placed: listed, never dropped. */
export interface UnplacedChange {
  kind: ReviewKind
  text: string
  quote: string
  by: Byline
  reason: string
  /** The copy's comment id (comments only). */
  commentId?: string
}

export interface ApplyOptions {
  scheme: NumberingScheme
  /** File name of the copy: the `source` of every suggestion made. */
  source: string
  newId(): string
  /** The comment id in the report for a comment id of the copy. */
  commentId(copyId: string): string
}

export interface ApplyResult {
  doc: DocNode
  /** Comment ids (the copy's) with at least one stretch placed. */
  placedComments: Set<string>
  /** Comment ids (the copy's) whose paragraph was found but whose stretch could not be placed, with the quote. */
  unplaced: UnplacedChange[]
  suggestions: Array<{ id: string; kind: 'insertion' | 'deletion' }>
}

const NOT_FOUND = '报告中找不到这段文字（可能已被改写、移动或删除）'
const TEXT_CHANGED = '报告中这处文字已被修改'
const PRINTED_ONLY = '这处文字是导出时生成的编号，不在报告正文中'

interface Split {
  split: true
  mark: SuggestionRef
  level: number
}

/** Changes gathered for one block before it is rebuilt. */
interface BlockWork {
  units: InlineUnit[]
  /** Units inserted and splits made before unit index i (units.length: at the end), in order. */
  before: Map<number, Array<InlineUnit | Split>>
  endMark?: SuggestionRef
  /** Level of the first part when a split makes it new. */
  firstLevel?: number
}

const MIN_SIMILARITY = 0.5

/** Finds the printed paragraph of the current report an edit's original text is in. */
class Anchorer {
  private readonly exact = new Map<string, number[]>()
  private readonly grams = new Map<number, Map<string, number>>()
  private last = -1
  private lastOrder = -1

  constructor(private readonly paragraphs: PrintedParagraph[]) {
    paragraphs.forEach((paragraph, index) => {
      const list = this.exact.get(paragraph.text) ?? []
      list.push(index)
      this.exact.set(paragraph.text, list)
    })
  }

  find(edit: ParagraphEdit): number {
    if (!edit.original.trim()) return -1
    const expected = this.last + Math.max(1, edit.order - this.lastOrder)
    const exact = this.exact.get(edit.original)
    let found = exact ? nearest(exact, expected) : -1
    if (found < 0) found = this.fuzzy(edit, expected)
    if (found >= 0) {
      this.last = found
      this.lastOrder = edit.order
    }
    return found
  }

  private fuzzy(edit: ParagraphEdit, expected: number): number {
    const wanted = bigramCounts(edit.original)
    let best = -1
    let bestScore = MIN_SIMILARITY
    this.paragraphs.forEach((paragraph, index) => {
      const ratio = paragraph.text.length / Math.max(1, edit.original.length)
      if (ratio < 0.4 || ratio > 2.5) return
      let grams = this.grams.get(index)
      if (!grams) {
        grams = bigramCounts(paragraph.text)
        this.grams.set(index, grams)
      }
      // A small preference for the expected place and for the same kind of container breaks near-ties.
      const score =
        diceOfCounts(wanted, grams) +
        (paragraph.inTable === edit.inTable ? 0.01 : 0) -
        Math.min(0.05, Math.abs(index - expected) / 10000)
      if (score > bestScore) {
        bestScore = score
        best = index
      }
    })
    return best
  }
}

function nearest(candidates: number[], expected: number): number {
  let best = candidates[0]!
  for (const candidate of candidates) if (Math.abs(candidate - expected) < Math.abs(best - expected)) best = candidate
  return best
}

/** Offsets of `original` in `current`: each character's place, or -1 where the text differs. */
function charMap(original: string, current: string): Int32Array {
  const map = new Int32Array(original.length).fill(-1)
  if (original === current) {
    for (let index = 0; index < original.length; index++) map[index] = index
    return map
  }
  let from = 0
  let to = 0
  for (const change of diffChars(original, current)) {
    const size = change.value.length
    if (change.added) to += size
    else if (change.removed) from += size
    else {
      for (let index = 0; index < size; index++) map[from + index] = to + index
      from += size
      to += size
    }
  }
  return map
}

/**
 * Places the edits of one returned copy in the current document (pure): each edit's paragraph is found in
 * the report as it is now (the same text, else the most similar one), each change is mapped character by
 * character; insertions become insertion marks, deletions deletion marks, splits and joins paragraph marks,
 * comment stretches comment marks. What cannot be placed is returned, not dropped.
 */
export function applyEdits(doc: DocNode, edits: ParagraphEdit[], options: ApplyOptions): ApplyResult {
  const projection = projectDocument(doc, options.scheme, viewOf(options.source))
  const anchorer = new Anchorer(projection.paragraphs)
  const work = new Map<number, BlockWork>()
  const placedComments = new Set<string>()
  const unplaced: UnplacedChange[] = []
  const suggestions: ApplyResult['suggestions'] = []
  const workOf = (block: number): BlockWork => {
    let entry = work.get(block)
    if (!entry) {
      entry = { units: projection.blocks[block]!.units.map(unit => ({ ...unit })), before: new Map() }
      work.set(block, entry)
    }
    return entry
  }

  for (const edit of [...edits].sort((a, b) => a.order - b.order)) {
    const found = anchorer.find(edit)
    if (found < 0) {
      unplaced.push(...everythingOf(edit, NOT_FOUND))
      continue
    }
    const paragraph = projection.paragraphs[found]!
    placeEdit(edit, paragraph, projection, workOf, options, { placedComments, unplaced, suggestions })
  }

  return { doc: rebuild(doc, projection, work), placedComments, unplaced, suggestions }
}

/** Every change and comment of an edit, as unplaced items. */
function everythingOf(edit: ParagraphEdit, reason: string): UnplacedChange[] {
  const out: UnplacedChange[] = []
  let original = 0
  for (const segment of edit.segments) {
    if (segment.kind === 'ins' || segment.kind === 'del') {
      out.push({
        kind: segment.kind === 'ins' ? 'insertion' : 'deletion',
        text: segment.text,
        quote: sentenceAround(edit.original, original),
        by: segment.by,
        reason,
      })
    }
    if (segment.kind === 'keep' || segment.kind === 'del') original += segment.text.length
  }
  if (edit.markDeleted && !edit.segments.some(segment => segment.kind === 'del'))
    out.push({
      kind: 'deletion',
      text: '\n',
      quote: sentenceAround(edit.original, original),
      by: edit.markDeleted,
      reason,
    })
  const markup = edit.segments.map(segment => (segment.kind === 'split' ? '' : segment.text)).join('')
  for (const comment of edit.comments)
    out.push({
      kind: 'comment',
      text: '',
      quote: markup.slice(comment.start, comment.end) || sentenceAround(edit.original, comment.start),
      by: { author: '', date: '' },
      reason,
      commentId: comment.id,
    })
  return out
}

type Target = { block: number; unit: number } | { unitObject: InlineUnit }

function placeEdit(
  edit: ParagraphEdit,
  paragraph: PrintedParagraph,
  projection: Projection,
  workOf: (block: number) => BlockWork,
  options: ApplyOptions,
  out: Pick<ApplyResult, 'placedComments' | 'unplaced' | 'suggestions'>,
): void {
  const map = charMap(edit.original, paragraph.text)
  const pointOf = (offset: number): number => {
    if (offset < map.length && map[offset]! >= 0) return map[offset]!
    if (offset > 0 && map[offset - 1]! >= 0) return map[offset - 1]! + 1
    if (offset === 0 && edit.original.length === 0) return 0
    return -1
  }
  // A printed offset → the unit before which text goes (skipping a computed marker).
  const slotOf = (printed: number): { block: number; unit: number } => {
    for (let index = printed; index < paragraph.origins.length; index++) {
      const origin = paragraph.origins[index]
      if (origin) return { block: origin.block, unit: origin.unit }
    }
    return { block: paragraph.lastBlock, unit: projection.blocks[paragraph.lastBlock]!.units.length }
  }
  const markupTargets: Array<Target | null> = []
  let original = 0
  // Neighbouring changes of the same kind and person are one suggestion (a deleted paragraph, an added one).
  let current: { ref: SuggestionRef; group: 'insertion' | 'deletion' } | null = null
  const refFor = (group: 'insertion' | 'deletion', by: Byline): SuggestionRef => {
    if (current && current.group === group && current.ref.author === by.author && current.ref.date === by.date)
      return current.ref
    const ref: SuggestionRef = {
      kind: group,
      id: options.newId(),
      author: by.author,
      date: by.date,
      source: options.source,
    }
    current = { ref, group }
    out.suggestions.push({ id: ref.id, kind: group })
    return ref
  }
  const unplace = (segment: Segment, reason: string) => {
    if (segment.kind === 'keep' || segment.kind === 'split') return
    out.unplaced.push({
      kind: segment.kind === 'ins' ? 'insertion' : 'deletion',
      text: segment.text,
      quote: sentenceAround(edit.original, original),
      by: segment.by,
      reason,
    })
  }

  for (const segment of edit.segments) {
    if (segment.kind === 'keep') {
      for (let index = 0; index < segment.text.length; index++) {
        const printed = map[original + index]!
        const origin = printed >= 0 ? paragraph.origins[printed] : null
        markupTargets.push(origin ? { block: origin.block, unit: origin.unit } : null)
      }
      original += segment.text.length
      current = null
      continue
    }
    if (segment.kind === 'del') {
      const origins: Array<{ block: number; unit: number } | null> = []
      let missing = false
      let printedOnly = true
      for (let index = 0; index < segment.text.length; index++) {
        const printed = map[original + index]!
        if (printed < 0) missing = true
        const origin = printed >= 0 ? paragraph.origins[printed] : null
        if (origin) printedOnly = false
        origins.push(origin ?? null)
      }
      if (missing || printedOnly) {
        unplace(segment, missing ? TEXT_CHANGED : PRINTED_ONLY)
        for (const origin of origins) markupTargets.push(origin)
        current = null
      } else {
        const ref = refFor('deletion', segment.by)
        for (const origin of origins) {
          markupTargets.push(origin)
          if (!origin) continue
          const unit = workOf(origin.block).units[origin.unit]!
          // Another copy may have asked to delete it too: each person's deletion is kept.
          if (!unit.marks.some(mark => mark.type === MarkType.deletion && mark.attrs?.source === options.source))
            unit.marks = [...unit.marks, suggestionMark('deletion', ref)]
        }
      }
      original += segment.text.length
      continue
    }
    const point = pointOf(original)
    if (point < 0) {
      unplace(segment, TEXT_CHANGED)
      if (segment.kind === 'ins') for (let index = 0; index < segment.text.length; index++) markupTargets.push(null)
      current = null
      continue
    }
    const slot = slotOf(point)
    const queue = workOf(slot.block).before
    const list = queue.get(slot.unit) ?? []
    queue.set(slot.unit, list)
    const ref = refFor('insertion', segment.by)
    if (segment.kind === 'split') {
      list.push({ split: true, mark: ref, level: segment.headingLevel })
      continue
    }
    for (const char of segment.text) {
      for (let index = 0; index < char.length; index++) {
        const unit: InlineUnit = { text: char[index]!, marks: [suggestionMark('insertion', ref)] }
        if (char === '\n') unit.node = { type: 'hardBreak' }
        list.push(unit)
        markupTargets.push({ unitObject: unit })
      }
    }
  }

  if (edit.markDeleted) {
    const end = workOf(paragraph.lastBlock)
    // Right after a deleted stretch by the same person this is the same suggestion (a deleted paragraph).
    const ref = refFor('deletion', edit.markDeleted)
    if (!paragraphMarkOf(projection.blocks[paragraph.lastBlock]!.node)) end.endMark = ref
  }
  if (edit.segments.some(segment => segment.kind === 'split')) workOf(paragraph.blocks[0]!).firstLevel = edit.firstLevel

  for (const comment of edit.comments) {
    const start = Math.min(comment.start, markupTargets.length)
    let targets = markupTargets
      .slice(start, Math.max(start, comment.end))
      .filter((target): target is Target => target !== null)
    if (targets.length === 0) {
      // A comment on a point: the character after it, else the one before.
      const near = markupTargets[start] ?? markupTargets[start - 1] ?? null
      targets = near ? [near] : []
    }
    if (targets.length === 0) {
      out.unplaced.push({
        kind: 'comment',
        text: '',
        quote: sentenceAround(edit.original, 0),
        by: { author: '', date: '' },
        reason: TEXT_CHANGED,
        commentId: comment.id,
      })
      continue
    }
    const mark: DocMark = { type: MarkType.comment, attrs: { id: options.commentId(comment.id) } }
    for (const target of targets) {
      const unit = 'unitObject' in target ? target.unitObject : workOf(target.block).units[target.unit]!
      if (!unit.marks.some(each => each.type === MarkType.comment && each.attrs?.id === mark.attrs!.id))
        unit.marks = [...unit.marks, mark]
    }
    out.placedComments.add(comment.id)
  }
}

function newBlock(level: number, inTable: boolean): DocNode {
  return level > 0 && !inTable
    ? { type: 'heading', attrs: { level: Math.min(4, level), role: null, runIn: false } }
    : { type: 'paragraph' }
}

/**
 * A block's new nodes: its units with insertions in place, cut at the splits. The part holding the block's
 * first original character keeps the block's kind and attrs; a new part is a heading or paragraph as the copy
 * styled it. Every part but the last ends with its split's inserted paragraph mark; the last keeps the block's.
 */
function rebuildBlock(node: DocNode, entry: BlockWork, inTable: boolean): DocNode[] {
  const parts: Array<{ units: InlineUnit[]; original: boolean; level: number; end: SuggestionRef | null }> = []
  let part = {
    units: [] as InlineUnit[],
    original: false,
    level: entry.firstLevel ?? 0,
    end: null as SuggestionRef | null,
  }
  const take = (item: InlineUnit | Split) => {
    if ('split' in item) {
      part.end = item.mark
      parts.push(part)
      part = { units: [], original: false, level: item.level, end: null }
    } else part.units.push(item)
  }
  entry.units.forEach((unit, index) => {
    for (const item of entry.before.get(index) ?? []) take(item)
    part.units.push(unit)
    part.original = true
  })
  for (const item of entry.before.get(entry.units.length) ?? []) take(item)
  parts.push(part)
  const lastMark = paragraphMarkOf(node) ?? entry.endMark ?? null
  const main = Math.max(
    0,
    parts.findIndex(each => each.original),
  )
  return parts.map((each, index) => {
    const base = index === main ? node : newBlock(each.level, inTable)
    const attrs: Record<string, unknown> = { ...(base.attrs ?? {}) }
    delete attrs.paragraphMark
    const end = index < parts.length - 1 ? each.end : lastMark
    if (end) attrs.paragraphMark = paragraphMarkValue(end)
    const content = implodeInline(each.units)
    const built: DocNode = { type: base.type }
    if (Object.keys(attrs).length) built.attrs = attrs
    if (content.length) built.content = content
    return built
  })
}

function rebuild(doc: DocNode, projection: Projection, work: Map<number, BlockWork>): DocNode {
  if (work.size === 0) return doc
  const replacements = new Map<string, DocNode[]>()
  for (const [blockIndex, entry] of work) {
    const block = projection.blocks[blockIndex]!
    replacements.set(
      block.path.join('.'),
      rebuildBlock(block.node, entry, block.path.length > 1 && isTableCellPath(doc, block.path)),
    )
  }
  const walk = (node: DocNode, path: number[]): DocNode => {
    if (!node.content) return node
    let changed = false
    const content: DocNode[] = []
    node.content.forEach((child, index) => {
      const childPath = [...path, index]
      const replacement = replacements.get(childPath.join('.'))
      if (replacement) {
        changed = true
        content.push(...replacement)
        return
      }
      const next = walk(child, childPath)
      if (next !== child) changed = true
      content.push(next)
    })
    return changed ? { ...node, content } : node
  }
  return walk(doc, [])
}

function isTableCellPath(doc: DocNode, path: number[]): boolean {
  let node: DocNode | undefined = doc
  for (const index of path.slice(0, -1)) {
    node = node?.content?.[index]
    if (node?.type === 'tableCell' || node?.type === 'tableHeader') return true
  }
  return false
}
