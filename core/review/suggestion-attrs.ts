import { MarkType, PARAGRAPH_MARK_ATTR, type DocMark, type DocNode } from '../document-model'
import type { InlineUnit } from './inline-units'

export type SuggestionKind = 'insertion' | 'deletion'

/** Who suggested a change and when; `source` is the returned copy's file name (null: made in the editor). */
export interface SuggestionAttrs {
  id: string
  author: string
  /** ISO date-time, or '' when unknown. */
  date: string
  source: string | null
}

export interface SuggestionRef extends SuggestionAttrs {
  kind: SuggestionKind
}

function refOf(kind: SuggestionKind, attrs: Record<string, unknown> | undefined | null): SuggestionRef | undefined {
  if (!attrs || typeof attrs.id !== 'string' || !attrs.id) return undefined
  return {
    kind,
    id: attrs.id,
    author: typeof attrs.author === 'string' ? attrs.author : '',
    date: typeof attrs.date === 'string' ? attrs.date : '',
    source: typeof attrs.source === 'string' && attrs.source ? attrs.source : null,
  }
}

export function suggestionMark(kind: SuggestionKind, attrs: SuggestionAttrs): DocMark {
  return { type: kind, attrs: { id: attrs.id, author: attrs.author, date: attrs.date, source: attrs.source } }
}

/**
 * The suggestions a unit (or text node) carries: at most one insertion, and a deletion from each person who
 * suggested deleting it (two returned copies may delete the same word).
 */
export function suggestionsOfMarks(marks: readonly DocMark[] | undefined): SuggestionRef[] {
  const refs: SuggestionRef[] = []
  for (const mark of marks ?? []) {
    const ref =
      mark.type === MarkType.insertion
        ? refOf('insertion', mark.attrs)
        : mark.type === MarkType.deletion
          ? refOf('deletion', mark.attrs)
          : undefined
    if (ref) refs.push(ref)
  }
  return refs
}

export function suggestionsOfUnit(unit: InlineUnit): SuggestionRef[] {
  return suggestionsOfMarks(unit.marks)
}

/** The pending insertion a unit is part of, if any. */
export function insertionOfUnit(unit: InlineUnit): SuggestionRef | undefined {
  return suggestionsOfMarks(unit.marks).find(ref => ref.kind === 'insertion')
}

/** The suggested change of a block's end (its paragraph mark), if any. */
export function paragraphMarkOf(block: DocNode): SuggestionRef | undefined {
  const value = block.attrs?.[PARAGRAPH_MARK_ATTR] as Record<string, unknown> | null | undefined
  if (!value || (value.kind !== 'insertion' && value.kind !== 'deletion')) return undefined
  return refOf(value.kind, value)
}

export function paragraphMarkValue(ref: SuggestionRef): Record<string, unknown> {
  return { kind: ref.kind, id: ref.id, author: ref.author, date: ref.date, source: ref.source }
}

/** The block with its paragraph mark set (or removed with null). */
export function withParagraphMark(block: DocNode, ref: SuggestionRef | null): DocNode {
  const attrs = { ...(block.attrs ?? {}) }
  if (ref) attrs[PARAGRAPH_MARK_ATTR] = paragraphMarkValue(ref)
  else delete attrs[PARAGRAPH_MARK_ATTR]
  const copy: DocNode = { ...block, attrs }
  if (Object.keys(attrs).length === 0) delete copy.attrs
  return copy
}

export function commentIdsOf(marks: readonly DocMark[] | undefined): string[] {
  const ids: string[] = []
  for (const mark of marks ?? []) {
    if (mark.type === MarkType.comment && typeof mark.attrs?.id === 'string') ids.push(mark.attrs.id)
  }
  return ids
}

/** A new id for a comment (`c…`), suggestion (`s…`) or send (`r…`): time plus randomness, unique in practice. */
export function newReviewId(prefix: 'c' | 's' | 'r' | 'v'): string {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 36 ** 5)
    .toString(36)
    .padStart(5, '0')}`
}
