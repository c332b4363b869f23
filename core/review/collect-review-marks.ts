import { collectBlocks } from '../checks/collect-blocks'
import type { TextBlock } from '../checks/rule'
import { MarkType, type DocNode } from '../document-model'
import { explodeInline, type InlineUnit } from './inline-units'
import {
  commentIdsOf,
  insertionOfUnit,
  paragraphMarkOf,
  suggestionsOfUnit,
  type SuggestionRef,
} from './suggestion-attrs'

/** A stretch of a block: `path` from the doc root, `from`/`to` offsets in the block's nodeText(). */
export interface MarkedRange {
  path: number[]
  from: number
  to: number
}

export interface PendingSuggestion extends SuggestionRef {
  /** The inserted or deleted text; a paragraph mark counts as `\n`. */
  text: string
  ranges: MarkedRange[]
  /** Paths of the blocks whose end (paragraph mark) this suggestion inserts or deletes. */
  paragraphMarks: number[][]
  /** Top-level index of the first block it touches. */
  topIndex: number
  /** The sentence it sits in, as it reads without any pending insertion. */
  quote: string
}

export interface CommentAnchor {
  id: string
  ranges: MarkedRange[]
  /** The text under the comment now. */
  text: string
  topIndex: number
}

export interface ReviewMarks {
  /** In document order of their first character. */
  suggestions: PendingSuggestion[]
  comments: CommentAnchor[]
}

const SENTENCE_END = /[。！？；!?;\n]/

/** The sentence of `before` (the block without pending insertions) around offset `at`. */
export function sentenceAround(before: string, at: number, limit = 120): string {
  // At the very end (a change after the last full stop) the sentence is the last one.
  let start = Math.min(Math.max(at, 0), Math.max(0, before.length - 1))
  while (start > 0 && !SENTENCE_END.test(before[start - 1]!)) start--
  let end = Math.min(Math.max(at, start), before.length)
  while (end < before.length && !SENTENCE_END.test(before[end]!)) end++
  if (end < before.length && before[end] !== '\n') end++
  const sentence = before.slice(start, end).trim()
  return sentence.length > limit ? sentence.slice(0, limit) + '……' : sentence
}

/** The block's text without pending insertions, and where each unit offset falls in it. */
export function textBeforeChanges(units: readonly InlineUnit[]): { text: string; offsetOf: number[] } {
  let text = ''
  const offsetOf: number[] = []
  for (const unit of units) {
    offsetOf.push(text.length)
    if (!insertionOfUnit(unit)) text += unit.text
  }
  offsetOf.push(text.length)
  return { text, offsetOf }
}

const reviewMarkTypes: ReadonlySet<string> = new Set([MarkType.comment, MarkType.insertion, MarkType.deletion])

function hasReviewMarks(block: DocNode): boolean {
  return block.content?.some(node => node.marks?.some(mark => reviewMarkTypes.has(mark.type))) ?? false
}

/**
 * Pending suggestions and comment anchors of a document, read from its marks and paragraph-mark attrs.
 * `blocks` (the check run's flattened blocks) saves flattening the document again.
 */
export function collectReviewMarks(
  doc: DocNode,
  blocks: readonly TextBlock[] = collectBlocks(doc, 'numbered'),
): ReviewMarks {
  const suggestions = new Map<string, PendingSuggestion>()
  const comments = new Map<string, CommentAnchor>()
  for (const block of blocks) {
    if (block.kind === 'guidance') continue
    const mark = paragraphMarkOf(block.node)
    if (!mark && !hasReviewMarks(block.node)) continue
    const units = explodeInline(block.node.content)
    const topIndex = block.path[0] ?? 0
    let before: ReturnType<typeof textBeforeChanges> | undefined
    const quoteAt = (unitIndex: number) => {
      before ??= textBeforeChanges(units)
      return sentenceAround(before.text, before.offsetOf[unitIndex] ?? 0)
    }
    let offset = 0
    units.forEach((unit, index) => {
      const width = unit.text.length
      for (const ref of suggestionsOfUnit(unit)) {
        let entry = suggestions.get(ref.id)
        if (!entry) {
          entry = { ...ref, text: '', ranges: [], paragraphMarks: [], topIndex, quote: quoteAt(index) }
          suggestions.set(ref.id, entry)
        }
        entry.text += unit.text
        extend(entry.ranges, block.path, offset, offset + width)
      }
      for (const id of commentIdsOf(unit.marks)) {
        let entry = comments.get(id)
        if (!entry) {
          entry = { id, ranges: [], text: '', topIndex }
          comments.set(id, entry)
        }
        entry.text += unit.text
        extend(entry.ranges, block.path, offset, offset + width)
      }
      offset += width
    })
    if (mark) {
      let entry = suggestions.get(mark.id)
      if (!entry) {
        entry = { ...mark, text: '', ranges: [], paragraphMarks: [], topIndex, quote: quoteAt(units.length) }
        suggestions.set(mark.id, entry)
      }
      entry.text += '\n'
      entry.paragraphMarks.push(block.path)
    }
  }
  return { suggestions: [...suggestions.values()], comments: [...comments.values()] }
}

function extend(ranges: MarkedRange[], path: number[], from: number, to: number): void {
  const last = ranges[ranges.length - 1]
  if (last && last.to === from && samePath(last.path, path)) last.to = to
  else ranges.push({ path, from, to })
}

export function samePath(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index])
}

/** True when the unit carries the comment mark with this id. */
export function hasComment(unit: InlineUnit, id: string): boolean {
  return unit.marks.some(mark => mark.type === MarkType.comment && mark.attrs?.id === id)
}
