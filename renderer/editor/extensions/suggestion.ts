import { Extension, Mark, mergeAttributes } from '@tiptap/core'
import type { Mark as PmMark, Node as PmNode, Slice } from '@tiptap/pm/model'
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import { Mapping, ReplaceStep, type StepMap } from '@tiptap/pm/transform'
import { MarkType, PARAGRAPH_MARK_ATTR } from '../../../core/document-model'
import { newReviewId } from '../../../core/review/suggestion-attrs'

/**
 * Suggestion mode (修订): while it is on, what the user types is kept as an insertion mark and what they delete
 * stays in the text with a deletion mark, both with their name and the time; splitting or joining paragraphs
 * marks the paragraph's end (attr `paragraphMark`). Undo takes a change and its marking back in one step.
 * Accepting and rejecting are done in core/ (review/resolve-suggestions.ts) and applied as one transaction.
 */
export interface SuggestionStorage {
  enabled: boolean
  author: string
  /** Called when suggestion mode is asked for while no author name is known (the UI asks for it). */
  onNeedAuthor: (() => void) | null
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    suggestion: {
      /** Turns suggestion mode on or off (Ctrl+Shift+E). */
      toggleSuggesting: () => ReturnType
      setSuggesting: (enabled: boolean) => ReturnType
    }
  }
  interface Storage {
    suggestion: SuggestionStorage
  }
}

/** Transactions carrying this meta are not turned into suggestions (accepting, rejecting, merging feedback). */
export const SUGGESTION_SKIP = 'suggestionSkip'

const palette = 6

/** A stable colour slot (0–5) per author, so each person's changes keep their colour. */
export function authorColor(author: string): number {
  let hash = 0
  for (const char of author) hash = (hash * 31 + char.codePointAt(0)!) >>> 0
  return hash % palette
}

function suggestionAttributes() {
  const plain = (name: string) => ({
    default: null,
    parseHTML: (element: HTMLElement) => element.getAttribute(`data-${name}`),
    renderHTML: () => ({}),
  })
  return { id: plain('id'), author: plain('author'), date: plain('date'), source: plain('source') }
}

function renderSuggestion(
  tag: 'ins' | 'del',
  kind: string,
  attrs: Record<string, unknown>,
  extra: Record<string, unknown>,
) {
  const author = String(attrs.author ?? '')
  const date = String(attrs.date ?? '')
  return [
    tag,
    mergeAttributes(extra, {
      class: `suggestion suggestion-${kind}`,
      'data-suggestion': kind,
      'data-id': attrs.id,
      'data-author': author,
      'data-date': date,
      ...(attrs.source ? { 'data-source': attrs.source } : {}),
      'data-color': String(authorColor(author)),
      title: `${author}${date ? ` ${date.slice(0, 16).replace('T', ' ')}` : ''}`,
    }),
    0,
  ] as const
}

export const Insertion = Mark.create({
  name: MarkType.insertion,
  inclusive: false,
  excludes: MarkType.insertion,
  addAttributes: suggestionAttributes,
  parseHTML: () => [{ tag: 'ins[data-suggestion]' }],
  renderHTML({ mark, HTMLAttributes }) {
    return renderSuggestion('ins', 'insertion', mark.attrs, HTMLAttributes) as never
  },
})

/** Several people may ask to delete the same words: each deletion is its own mark. */
export const Deletion = Mark.create({
  name: MarkType.deletion,
  inclusive: false,
  excludes: '',
  addAttributes: suggestionAttributes,
  parseHTML: () => [{ tag: 'del[data-suggestion]' }],
  renderHTML({ mark, HTMLAttributes }) {
    return renderSuggestion('del', 'deletion', mark.attrs, HTMLAttributes) as never
  },
})

interface Byline {
  id: string
  author: string
  date: string
  source: null
}

const nowStamp = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')

/** A composition's inserted and deleted stretches, marked once the IME has committed. */
interface PendingComposition {
  id: number
  inserted: Array<{ from: number; to: number }>
  deleted: Array<{ at: number; slice: Slice }>
}

export const suggestionKey = new PluginKey<PendingComposition | null>('suggestion')

function isOwnInsertion(marks: readonly PmMark[], author: string): PmMark | undefined {
  return marks.find(mark => mark.type.name === MarkType.insertion && mark.attrs.author === author && !mark.attrs.source)
}

/** The id to extend: an insertion (or deletion) of the same author right before or after the stretch. */
function neighbourId(doc: PmNode, from: number, to: number, type: string, author: string): Byline | null {
  const around = [doc.resolve(from).nodeBefore, doc.resolve(to).nodeAfter]
  for (const node of around) {
    const mark = node?.marks.find(each => each.type.name === type && each.attrs.author === author && !each.attrs.source)
    if (mark) return { id: mark.attrs.id, author, date: mark.attrs.date, source: null }
  }
  return null
}

/** Textblocks whose end (closing token) lies in [from, to). */
function blockEndsIn(doc: PmNode, from: number, to: number): Array<{ pos: number; node: PmNode }> {
  const ends: Array<{ pos: number; node: PmNode }> = []
  doc.nodesBetween(Math.max(0, from - 1), Math.min(doc.content.size, to), (node, pos) => {
    if (!node.isTextblock) return true
    const end = pos + node.nodeSize - 1
    if (end >= from && end < to && node.type.spec.attrs?.[PARAGRAPH_MARK_ATTR] !== undefined) ends.push({ pos, node })
    return false
  })
  return ends
}

/** Marks [from, to) of `tr.doc` as inserted by the author (and the paragraph ends inside it). */
function markInserted(tr: Transaction, from: number, to: number, author: string): void {
  if (to <= from) return
  const schema = tr.doc.type.schema
  const byline = neighbourId(tr.doc, from, to, MarkType.insertion, author) ?? {
    id: newReviewId('s'),
    author,
    date: nowStamp(),
    source: null,
  }
  tr.removeMark(from, to, schema.marks[MarkType.deletion])
  tr.addMark(from, to, schema.marks[MarkType.insertion]!.create(byline))
  for (const { pos, node } of blockEndsIn(tr.doc, from, to)) {
    const previous = node.attrs[PARAGRAPH_MARK_ATTR] as Record<string, unknown> | null
    tr.setNodeAttribute(pos, PARAGRAPH_MARK_ATTR, { kind: 'insertion', ...byline })
    // The block's old end now ends the part after the split.
    const after = tr.doc.resolve(pos + tr.doc.nodeAt(pos)!.nodeSize).nodeAfter
    if (previous && after?.isTextblock && !after.attrs[PARAGRAPH_MARK_ATTR])
      tr.setNodeAttribute(pos + tr.doc.nodeAt(pos)!.nodeSize, PARAGRAPH_MARK_ATTR, previous)
  }
}

/**
 * Puts deleted content back at `at`, marked as deleted by the author; the author's own pending insertions in it
 * really go (and their own inserted paragraph ends are joined again). Returns the size put back.
 */
function restoreDeleted(tr: Transaction, at: number, slice: Slice, author: string): number {
  const before = tr.doc.content.size
  tr.replace(at, at, slice)
  const size = tr.doc.content.size - before
  if (size <= 0) return 0
  const end = at + size
  const schema = tr.doc.type.schema
  const byline = neighbourId(tr.doc, at, end, MarkType.deletion, author) ?? {
    id: newReviewId('s'),
    author,
    date: nowStamp(),
    source: null,
  }
  const ownInserted: Array<{ from: number; to: number }> = []
  tr.doc.nodesBetween(at, end, (node, pos) => {
    if (!node.isInline) return true
    const from = Math.max(pos, at)
    const to = Math.min(pos + node.nodeSize, end)
    if (isOwnInsertion(node.marks, author)) ownInserted.push({ from, to })
    else if (
      !node.marks.some(
        mark => mark.type.name === MarkType.deletion && mark.attrs.author === author && !mark.attrs.source,
      )
    )
      tr.addMark(from, to, schema.marks[MarkType.deletion]!.create(byline))
    return false
  })
  const joins: number[] = []
  for (const { pos, node } of blockEndsIn(tr.doc, at, end)) {
    const mark = node.attrs[PARAGRAPH_MARK_ATTR] as Record<string, unknown> | null
    if (mark?.kind === 'insertion' && mark.author === author && !mark.source) joins.push(pos + node.nodeSize)
    else if (mark?.kind !== 'deletion') tr.setNodeAttribute(pos, PARAGRAPH_MARK_ATTR, { kind: 'deletion', ...byline })
  }
  let removed = 0
  for (const range of ownInserted.reverse()) {
    tr.delete(range.from, range.to)
    removed += range.to - range.from
  }
  for (const pos of joins.reverse()) {
    const mapped = tr.mapping.slice(tr.steps.length - ownInserted.length).map(pos)
    const $pos = tr.doc.resolve(mapped)
    if ($pos.nodeBefore?.isTextblock && $pos.nodeAfter?.isTextblock) {
      tr.join(mapped)
      removed += 2
    }
  }
  return size - removed
}

interface ReplaceChange {
  from: number
  to: number
  slice: Slice
  docBefore: PmNode
  /** Maps of every step after this one, in the appended-to transactions. */
  after: StepMap[]
}

/** The ReplaceSteps of the transactions, with what they deleted and the maps that follow them. */
function replaceChanges(transactions: readonly Transaction[]): ReplaceChange[] {
  const maps: StepMap[] = []
  const changes: Array<ReplaceChange & { index: number }> = []
  for (const tr of transactions) {
    tr.steps.forEach((step, index) => {
      const map = tr.mapping.maps[index]!
      if (step instanceof ReplaceStep)
        changes.push({
          from: step.from,
          to: step.to,
          slice: step.slice,
          docBefore: tr.docs[index]!,
          after: [],
          index: maps.length,
        })
      maps.push(map)
    })
  }
  return changes.map(change => ({ ...change, after: maps.slice(change.index + 1) }))
}

function shouldTrack(tr: Transaction): boolean {
  return (
    tr.docChanged && !tr.getMeta('history$') && !tr.getMeta(SUGGESTION_SKIP) && tr.getMeta('addToHistory') !== false
  )
}

/**
 * Turns the changes of `transactions` into suggestions in `out` (a transaction on the state after them):
 * inserted content gets the author's insertion mark, deleted content is put back marked as deleted.
 */
function trackChanges(
  out: Transaction,
  changes: ReplaceChange[],
  author: string,
  oldSelection: EditorState['selection'],
): void {
  let cursor: number | null = null
  for (const change of changes) {
    const after = new Mapping(change.after)
    const map = (pos: number, assoc: number) => out.mapping.map(after.map(pos, assoc), assoc)
    let restored = 0
    let at = map(change.from, -1)
    if (change.to > change.from) {
      const deleted = change.docBefore.slice(change.from, change.to)
      restored = restoreDeleted(out, at, deleted, author)
      at = map(change.from, -1)
      if (oldSelection.empty) cursor = oldSelection.head === change.to ? at : at + restored
    }
    if (change.slice.size > 0) {
      const from = map(change.from, 1)
      const to = map(change.from + change.slice.size, -1)
      markInserted(out, from, to, author)
      cursor = null
    }
  }
  if (cursor !== null) out.setSelection(TextSelection.create(out.doc, Math.min(cursor, out.doc.content.size)))
}

export const Suggestion = Extension.create<Record<string, never>, SuggestionStorage>({
  name: 'suggestion',

  addStorage() {
    return { enabled: false, author: '', onNeedAuthor: null }
  },

  addExtensions() {
    return [Insertion, Deletion]
  },

  addGlobalAttributes() {
    return [
      {
        types: ['paragraph', 'heading'],
        attributes: {
          [PARAGRAPH_MARK_ATTR]: {
            default: null,
            keepOnSplit: false,
            parseHTML: element => {
              const value = element.getAttribute('data-paragraph-mark-json')
              try {
                return value ? JSON.parse(value) : null
              } catch {
                return null
              }
            },
            renderHTML: attributes => {
              const mark = attributes[PARAGRAPH_MARK_ATTR] as Record<string, unknown> | null
              if (!mark) return {}
              const author = String(mark.author ?? '')
              return {
                'data-paragraph-mark': String(mark.kind),
                'data-paragraph-mark-json': JSON.stringify(mark),
                'data-paragraph-color': String(authorColor(author)),
              }
            },
          },
        },
      },
    ]
  },

  addCommands() {
    return {
      setSuggesting:
        enabled =>
        ({ tr, dispatch }) => {
          if (enabled && !this.storage.author.trim()) {
            this.storage.onNeedAuthor?.()
            return false
          }
          // An empty transaction tells the toolbar (useEditorState) that the mode changed.
          if (dispatch) {
            this.storage.enabled = enabled
            tr.setMeta('suggestionMode', enabled)
          }
          return true
        },
      toggleSuggesting:
        () =>
        ({ commands }) =>
          commands.setSuggesting(!this.storage.enabled),
    }
  },

  addKeyboardShortcuts() {
    return { 'Mod-Shift-e': () => this.editor.commands.toggleSuggesting() }
  },

  addProseMirrorPlugins() {
    const storage = this.storage
    return [
      new Plugin<PendingComposition | null>({
        key: suggestionKey,
        state: {
          init: () => null,
          apply(tr, pending) {
            const next = tr.getMeta(suggestionKey) as PendingComposition | null | undefined
            if (next !== undefined) return next
            if (!pending || !tr.docChanged) return pending
            return {
              id: pending.id,
              inserted: pending.inserted.map(range => ({
                from: tr.mapping.map(range.from, -1),
                to: tr.mapping.map(range.to, 1),
              })),
              deleted: pending.deleted.map(entry => ({ at: tr.mapping.map(entry.at, -1), slice: entry.slice })),
            }
          },
        },
        appendTransaction(transactions, oldState, newState) {
          if (!storage.enabled || !storage.author) return null
          const tracked = transactions.filter(shouldTrack)
          if (tracked.length === 0 || tracked.length !== transactions.filter(tr => tr.docChanged).length) return null
          const composition = tracked.find(tr => tr.getMeta('composition'))?.getMeta('composition') as
            number | undefined
          const changes = replaceChanges(transactions)
          if (changes.length === 0) return null
          if (composition) {
            // While an IME composes, its text is not touched (a redraw would break it): remember the stretches.
            const pending = suggestionKey.getState(newState) ?? { id: composition, inserted: [], deleted: [] }
            const next: PendingComposition = {
              id: composition,
              inserted: [...pending.inserted],
              deleted: [...pending.deleted],
            }
            for (const change of changes) {
              const after = new Mapping(change.after)
              if (change.to > change.from) {
                const slice = change.docBefore.slice(change.from, change.to)
                // Text typed during this composition and replaced again is not a deletion.
                const own = next.inserted.some(
                  range => range.from <= after.map(change.from, -1) && range.to >= after.map(change.from, 1),
                )
                if (!own) next.deleted.push({ at: after.map(change.from, -1), slice })
              }
              if (change.slice.size > 0)
                next.inserted.push({
                  from: after.map(change.from, 1),
                  to: after.map(change.from + change.slice.size, -1),
                })
            }
            next.inserted = mergeRanges(next.inserted)
            return newState.tr.setMeta(suggestionKey, next).setMeta('addToHistory', true)
          }
          const out = newState.tr
          trackChanges(out, changes, storage.author, oldState.selection)
          return out.docChanged ? out : null
        },
        props: {
          handleDOMEvents: {
            // The last composed text may reach the document before compositionend, with no transaction after it.
            compositionend: view => {
              window.setTimeout(() => markComposition(view, storage.author), COMPOSE_SETTLE_MS)
              return false
            },
          },
        },
        view: () => ({
          update(view: EditorView) {
            if (!suggestionKey.getState(view.state) || view.composing) return
            queueMicrotask(() => markComposition(view, storage.author))
          },
        }),
      }),
    ]
  },
})

/** After ProseMirror's own composition end (20 ms). */
const COMPOSE_SETTLE_MS = 40

/** The IME has committed: marks what it typed, in the same undo step as the composition. */
function markComposition(view: EditorView, author: string): void {
  const pending = suggestionKey.getState(view.state)
  if (!pending || view.isDestroyed || view.composing) return
  const tr = view.state.tr
    .setMeta(suggestionKey, null)
    .setMeta(SUGGESTION_SKIP, true)
    .setMeta('composition', pending.id)
  for (const entry of pending.deleted) restoreDeleted(tr, tr.mapping.map(entry.at, -1), entry.slice, author)
  for (const range of pending.inserted) {
    const from = tr.mapping.map(range.from, 1)
    const to = Math.min(tr.mapping.map(range.to, -1), tr.doc.content.size)
    if (to > from) markInserted(tr, from, to, author)
  }
  view.dispatch(tr)
}

function mergeRanges(ranges: Array<{ from: number; to: number }>): Array<{ from: number; to: number }> {
  const sorted = [...ranges].filter(range => range.to > range.from).sort((a, b) => a.from - b.from)
  const out: Array<{ from: number; to: number }> = []
  for (const range of sorted) {
    const last = out[out.length - 1]
    if (last && range.from <= last.to) last.to = Math.max(last.to, range.to)
    else out.push({ ...range })
  }
  return out
}
