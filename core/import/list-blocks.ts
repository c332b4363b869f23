import { NodeType, type DocNode } from '../document-model'
import { formatListNumber, listFormatOf, listMarkerPattern } from '../list-numbering'
import type { ImportBlock } from './import-block'
import { blockInline, mergeInline } from './inline-content'

/**
 * What a DOCX said about one numbered paragraph (main/import/list-numbers.ts reads `w:numPr` and the numbering
 * part): the number Word prints for it, in which format and marker, in which list.
 */
export interface SourceListNumber {
  /** Word's `w:numFmt` (`decimal`, `chineseCounting`, `bullet`, `none`…). */
  format: string
  /** The marker with `%1` for this paragraph's number (`（%1）`); upper levels' numbers already written out. */
  marker: string
  /** The number Word prints for this paragraph (counted through the document, restarts and overrides applied). */
  value: number
  /** The list the paragraph is counted in (Word counts per abstract numbering, `w:abstractNumId`). */
  list: string
}

/** The number as Word printed it (`（三）`, `1、`): the marker with the value in the list's format. */
export function printedListNumber(number: SourceListNumber): string {
  return number.marker.replace('%1', formatListNumber(listFormatOf(number.format), number.value))
}

/** One list item as read: its paragraph, how deep its `<ol>`/`<ul>` stood, and its source number when known. */
export interface ListEntry {
  block: ImportBlock
  depth: number
  kind: 'ol' | 'ul'
  number?: SourceListNumber
  /** A line after a manual line break in the item above: a paragraph of that item, not an item of its own. */
  continuation?: boolean
}

/** Deepest list kept as nested lists (Word has 9 levels); deeper items join the list at this depth. */
const MAX_DEPTH = 9

interface OpenList {
  node: DocNode
  depth: number
  kind: 'ol' | 'ul'
  last?: SourceListNumber
}

function item(block: ImportBlock): DocNode {
  return {
    type: NodeType.listItem,
    content: [{ type: NodeType.paragraph, content: mergeInline(blockInline(block)) }],
  }
}

/** Whether the next numbered item carries on the open list: same list, format and marker, the next number. */
function continues(open: OpenList, entry: ListEntry): boolean {
  if (open.kind !== entry.kind) return false
  if (entry.kind === 'ul') return true
  const last = open.last
  const next = entry.number
  if (!last || !next) return !last && !next
  return (
    next.list === last.list &&
    next.format === last.format &&
    next.marker === last.marker &&
    next.value === last.value + 1
  )
}

/** An ordered list's attrs that keep its first item's source number: start, format (when not decimal), marker. */
export function orderedListAttrs(number: SourceListNumber): Record<string, unknown> {
  const attrs: Record<string, unknown> = { start: number.value }
  const format = listFormatOf(number.format)
  if (format !== 'decimal') attrs.type = format
  const marker = listMarkerPattern(number.marker)
  if (marker !== undefined) attrs.marker = marker
  return attrs
}

function newList(entry: ListEntry): DocNode {
  if (entry.kind === 'ul') return { type: NodeType.bulletList, content: [] }
  return { type: NodeType.orderedList, ...(entry.number ? { attrs: orderedListAttrs(entry.number) } : {}), content: [] }
}

/**
 * The blocks of consecutive list items: bullet lists stay bullet lists; numbered ones become ordered lists that keep
 * the source's numbers (first number as `start`, format, marker), split where the numbers do not run on (another
 * list, a restart, a skipped number), so no item is renumbered. Items whose source prints no number (`w:numFmt
 * none`) are plain paragraphs: import never adds numbering. Nesting follows the source's lists, built in one loop.
 */
export function listBlocks(entries: readonly ListEntry[], line: () => number): ImportBlock[] {
  const out: ImportBlock[] = []
  const stack: OpenList[] = []
  let top: { node: DocNode; text: string[] } | null = null
  const closeTop = (): void => {
    if (!top) return
    out.push({ text: top.text.join('\n'), node: top.node, line: line() })
    top = null
  }
  for (let entry of entries) {
    if (entry.continuation && stack.length) {
      stack.at(-1)!.node.content!.at(-1)!.content!.push(item(entry.block).content![0]!)
      top?.text.push(entry.block.text)
      continue
    }
    // a level that prints no number: fixed text (`●`, `—`) reads as a bullet, nothing at all as a plain paragraph
    const fixed = entry.number && (entry.number.format === 'none' || !entry.number.marker.includes('%1'))
    const plain = fixed && !entry.number!.marker.trim()
    if (fixed && !plain) entry = { ...entry, kind: 'ul' }
    // depths as the source nested its lists: an item deeper than the open list nests under its last item
    const depth = Math.min(MAX_DEPTH, Math.max(1, entry.depth))
    while (stack.length && stack.at(-1)!.depth > depth) stack.pop()
    if (plain) {
      // the list at its depth ends: the paragraph stands in the item above it, or on its own at the top
      if (stack.at(-1)?.depth === depth) stack.pop()
      const parent = stack.at(-1)
      if (!parent) {
        closeTop()
        out.push(entry.block)
      } else {
        // a paragraph of the item above it
        parent.node.content!.at(-1)!.content!.push(item(entry.block).content![0]!)
        top?.text.push(entry.block.text)
      }
      continue
    }
    const open = stack.at(-1)
    if (open && open.depth === depth && continues(open, entry)) {
      open.node.content!.push(item(entry.block))
      open.last = entry.number
      top?.text.push(entry.block.text)
      continue
    }
    if (open && open.depth === depth) stack.pop()
    const node = newList(entry)
    node.content!.push(item(entry.block))
    const parent = stack.at(-1)
    if (!parent) {
      closeTop()
      top = { node, text: [] }
    } else {
      parent.node.content!.at(-1)!.content!.push(node)
    }
    top!.text.push(entry.block.text)
    stack.push({ node, depth, kind: entry.kind, ...(entry.number ? { last: entry.number } : {}) })
  }
  closeTop()
  return out
}
