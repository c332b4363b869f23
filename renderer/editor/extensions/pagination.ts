import { Extension } from '@tiptap/core'
import type { Node as PmNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, type EditorState, type Transaction } from '@tiptap/pm/state'
import { TableMap } from '@tiptap/pm/tables'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'
import { pageGeometry } from '../../../core/export/print-html/page-geometry'
import { footSlackPt, noteLinePt, noteSeparatorPt, noteSizePt } from '../../../core/layout/footnote-area'
import { unbreakableRun } from '../../../core/layout/line-rules'

/**
 * Where a page starts: `inline` = inside a paragraph (the page starts with the character at `pos`), `after` = at the
 * end of the text block before the page's first block, `before` = in front of the block at `pos`, `row` = in front
 * of the table row at `pos`. `gap` (CSS px) = the rest of the sheet, the gap between sheets and the next top margin.
 */
export interface PageBreak {
  pos: number
  kind: 'inline' | 'after' | 'before' | 'row'
  gap: number
  /** A `row` break: the height of the header rows repeated at the top of the next sheet and the column widths (px). */
  head?: { height: number; columns: number[] }
}

export interface PaginationState {
  enabled: boolean
  breaks: PageBreak[]
  /** Room left in the last page's type area (CSS px): where its footnotes are drawn. */
  tailRest: number
  /** The footnotes as drawn at the page foots (numbers and texts per page): drawn again when it changes. */
  notesKey: string
  decorations: DecorationSet
  /** Document range changed since the last measurement; 'all' = measure every block. */
  dirty: { from: number; to: number } | 'all' | null
}

interface PaginationMeta {
  breaks?: PageBreak[]
  tailRest?: number
  notesKey?: string
  enabled?: boolean
  remeasure?: boolean
}

export const paginationKey = new PluginKey<PaginationState>('pagination')

export const mmPx = 96 / 25.4
export const SHEET_GAP_PX = 24
/** Type area height and the distance from one sheet's type area to the next one's, in CSS px. */
export const AREA_PX = pageGeometry.areaHeightMm * mmPx
export const PAGE_PITCH_PX = pageGeometry.pageHeightMm * mmPx + SHEET_GAP_PX
const EPS = 0.5
const ptPx = 96 / 72
/** What a sheet has below its type area, between sheets and above the next type area. */
const BETWEEN_AREAS_PX = PAGE_PITCH_PX - AREA_PX
const SLACK_PX = footSlackPt * ptPx

interface PageNote {
  number: number
  text: string
}

/**
 * The page's footnotes at the foot of its type area, as the PDF prints them (core/layout/footnote-area.ts,
 * main/export/footnote-pages.ts): a block `rest` px tall (what the type area has left under the text) holding the
 * separator rule and the notes at its bottom.
 */
function pageFoot(notes: readonly PageNote[], rest: number): HTMLElement {
  const foot = document.createElement('div')
  foot.className = 'page-foot'
  foot.style.height = `${Math.max(0, rest - SLACK_PX)}px`
  const rule = document.createElement('div')
  rule.className = 'fn-sep'
  foot.append(rule)
  for (const note of notes) {
    const line = document.createElement('p')
    line.className = 'note'
    const number = document.createElement('sup')
    number.className = 'fnref'
    number.textContent = String(note.number)
    line.append(number, ' ')
    // Numbers, `——` and `……` unbroken, as the print HTML keeps them (inline-html.ts protectedText).
    let last = 0
    for (const match of note.text.matchAll(unbreakableRun)) {
      const start = match.index ?? 0
      line.append(note.text.slice(last, start))
      const run = document.createElement('span')
      run.className = 'nb'
      run.textContent = match[0]
      line.append(run)
      last = start + match[0].length
    }
    line.append(note.text.slice(last))
    foot.append(line)
  }
  return foot
}

function gapWidget(gap: number, block: boolean, notes: readonly PageNote[]): HTMLElement {
  const element = document.createElement('span')
  element.className = block ? 'page-gap block' : 'page-gap'
  element.style.height = `${gap}px`
  element.contentEditable = 'false'
  element.setAttribute('aria-hidden', 'true')
  if (notes.length) element.append(pageFoot(notes, gap - BETWEEN_AREAS_PX))
  return element
}

/**
 * A page break between table rows: a row of its own whose one cell (no borders, so no rule runs through the gap)
 * holds the rest of the sheet with its footnotes, the gap and the next sheet's top margin, then the table's header
 * rows repeated, as the PDF repeats them (`thead`), in a table of the same column widths. Not editable.
 */
function rowGapWidget(entry: PageBreak, notes: readonly PageNote[], table: PmNode): HTMLElement {
  const headHeight = entry.head?.height ?? 0
  const columns = entry.head?.columns ?? []
  const row = document.createElement('tr')
  row.className = 'page-gap-row'
  row.contentEditable = 'false'
  row.setAttribute('aria-hidden', 'true')
  const cell = document.createElement('td')
  cell.className = 'page-gap-cell'
  cell.colSpan = Math.max(1, columns.length)
  const space = document.createElement('div')
  space.className = 'page-gap-space'
  space.style.height = `${entry.gap - headHeight}px`
  if (notes.length) space.append(pageFoot(notes, entry.gap - headHeight - BETWEEN_AREAS_PX))
  cell.append(space)
  if (headHeight > 0) {
    const frame = document.createElement('div')
    frame.className = 'page-gap-head'
    frame.style.height = `${headHeight}px`
    const head = document.createElement('table')
    const colgroup = document.createElement('colgroup')
    const total = columns.reduce((sum, width) => sum + width, 0) || 1
    for (const width of columns) {
      const col = document.createElement('col')
      col.style.width = `${(width / total) * 100}%`
      colgroup.append(col)
    }
    head.append(colgroup)
    const body = document.createElement('tbody')
    for (let index = 0; index < table.childCount - 1; index++) {
      const source = table.child(index)
      if (!source.childCount || !source.content.content.every(each => each.type.name === 'tableHeader')) break
      const copy = document.createElement('tr')
      source.forEach(header => {
        const th = document.createElement('th')
        const colspan = Number(header.attrs.colspan) || 1
        const rowspan = Number(header.attrs.rowspan) || 1
        if (colspan > 1) th.colSpan = colspan
        if (rowspan > 1) th.rowSpan = rowspan
        header.forEach(block => {
          const paragraph = document.createElement('p')
          paragraph.textContent = block.textContent
          th.append(paragraph)
        })
        copy.append(th)
      })
      body.append(copy)
    }
    head.append(body)
    frame.append(head)
    cell.append(frame)
  }
  row.append(cell)
  return row
}

/**
 * Cells spanning rows across `row` breaks end at the break (the break's own row would otherwise count as one of
 * their rows and push the rows after it out of their columns); an empty, uneditable cell spans the rest of their rows
 * on the next sheet, as the PDF prints them (main/export/footnote-pages.ts) and Word continues a merged cell. Every
 * spanning cell gets its row count as a node decoration, so that a span no longer cut keeps its own `rowspan` (a
 * removed decoration attribute is removed from the DOM).
 */
function spanDecorations(doc: PmNode, breaks: readonly PageBreak[]): Decoration[] {
  const decorations: Decoration[] = []
  const cutsByTable = new Map<number, number[]>()
  for (const entry of breaks) {
    if (entry.kind !== 'row') continue
    const $pos = doc.resolve(entry.pos)
    const start = $pos.start()
    cutsByTable.set(start, [...(cutsByTable.get(start) ?? []), $pos.index()])
  }
  doc.descendants((node, pos) => {
    if (node.type.name !== 'table') return !node.isTextblock
    const start = pos + 1
    const cuts = cutsByTable.get(start) ?? []
    const map = TableMap.get(node)
    const seen = new Set<number>()
    for (let index = 0; index < map.map.length; index++) {
      const offset = map.map[index]!
      if (seen.has(offset)) continue
      seen.add(offset)
      const cell = node.nodeAt(offset)!
      const rect = map.findCell(offset)
      if (rect.bottom - rect.top < 2) continue
      let top = rect.top
      for (const cut of [...cuts, rect.bottom].filter(cut => cut > rect.top && cut <= rect.bottom)) {
        const rows = cut - top
        if (top === rect.top)
          decorations.push(Decoration.node(start + offset, start + offset + cell.nodeSize, { rowspan: String(rows) }))
        if (cut === rect.bottom) break
        // The continuation on the next sheet: in row `cut`, before the first cell that starts right of this one.
        let at = -1
        for (let column = rect.right; column < map.width && at < 0; column++) {
          const other = map.map[cut * map.width + column]!
          if (map.findCell(other).top === cut) at = start + other
        }
        if (at < 0) {
          let rowPos = start
          for (let row = 0; row <= cut; row++) rowPos += node.child(row).nodeSize
          at = rowPos - 1
        }
        const rest = Math.min(...[...cuts, rect.bottom].filter(next => next > cut)) - cut
        const tag = cell.type.name === 'tableHeader' ? 'th' : 'td'
        const colspan = rect.right - rect.left
        decorations.push(
          Decoration.widget(
            at,
            () => {
              const more = document.createElement(tag)
              more.className = 'page-gap-span'
              more.contentEditable = 'false'
              more.setAttribute('aria-hidden', 'true')
              if (colspan > 1) more.colSpan = colspan
              if (rest > 1) more.rowSpan = rest
              more.append(document.createElement('p'))
              return more
            },
            { side: rect.left - 1000, key: `span:${rest}:${colspan}:${tag}`, ignoreSelection: true },
          ),
        )
        top = cut
      }
    }
    return false
  })
  return decorations
}

/** Footnotes per page: those whose reference lies before the page's break (page k ends at breaks[k]). */
function notesByPage(doc: PmNode, breaks: readonly PageBreak[]): PageNote[][] {
  const pages: PageNote[][] = breaks.map(() => [])
  pages.push([])
  let number = 0
  let page = 0
  doc.descendants((node, pos) => {
    if (node.type.name !== 'footnote') return true
    number += 1
    while (page < breaks.length && breaks[page]!.pos <= pos) page++
    pages[page]!.push({ number, text: String(node.attrs.text ?? '') })
    return false
  })
  return pages
}

function notesKeyOf(pages: readonly PageNote[][]): string {
  return pages.map(notes => notes.map(note => `${note.number}:${note.text}`).join('\u0001')).join('\u0002')
}

function decorationsFor(doc: PmNode, breaks: readonly PageBreak[], tailRest: number): DecorationSet {
  const decorations: Decoration[] = []
  const notes = notesByPage(doc, breaks)
  const last = notes[breaks.length]!
  if (last.length)
    decorations.push(
      Decoration.widget(doc.content.size, () => pageFoot(last, tailRest), {
        side: 1,
        key: `foot:${tailRest.toFixed(2)}:${notesKeyOf([last])}`,
        ignoreSelection: true,
      }),
    )
  for (const [index, entry] of breaks.entries()) {
    const pageNotes = notes[index]!
    const key = `${entry.kind}:${entry.gap.toFixed(2)}:${notesKeyOf([pageNotes])}`
    if (entry.kind === 'row') {
      const table = doc.resolve(entry.pos).parent
      decorations.push(
        Decoration.widget(entry.pos, () => rowGapWidget(entry, pageNotes, table), {
          side: -1,
          key: `${key}:${entry.head?.columns.map(width => width.toFixed(1)).join(',') ?? ''}`,
          ignoreSelection: true,
        }),
      )
    } else {
      const block = entry.kind !== 'inline'
      decorations.push(
        Decoration.widget(entry.pos, () => gapWidget(entry.gap, block, pageNotes), {
          side: entry.kind === 'after' ? 1 : -1,
          key,
          ignoreSelection: true,
        }),
      )
    }
  }
  decorations.push(...spanDecorations(doc, breaks))
  return DecorationSet.create(doc, decorations)
}

function changedRange(tr: Transaction, before: EditorState): { from: number; to: number } {
  const start = before.doc.content.findDiffStart(tr.doc.content) ?? 0
  const end = before.doc.content.findDiffEnd(tr.doc.content)?.b ?? tr.doc.content.size
  return { from: Math.min(start, end), to: Math.max(start, end) }
}

function mergeDirty(
  dirty: PaginationState['dirty'],
  tr: Transaction,
  range: { from: number; to: number },
): PaginationState['dirty'] {
  if (dirty === 'all') return 'all'
  if (!dirty) return range
  return {
    from: Math.min(tr.mapping.map(dirty.from, -1), range.from),
    to: Math.max(tr.mapping.map(dirty.to), range.to),
  }
}

function mapBreaks(breaks: readonly PageBreak[], tr: Transaction): PageBreak[] {
  const mapped: PageBreak[] = []
  for (const entry of breaks) {
    // As the widgets map (their side): the breaks must stay where the gaps on screen are.
    const result = tr.mapping.mapResult(entry.pos, entry.kind === 'after' ? 1 : -1)
    if (!result.deleted) mapped.push({ ...entry, pos: result.pos })
  }
  return mapped
}

/** Sum of the gaps drawn above a point, from the breaks currently on screen. */
class Gaps {
  private readonly prefix: number[] = [0]
  constructor(private readonly breaks: readonly PageBreak[]) {
    for (const entry of breaks) this.prefix.push(this.prefix.at(-1)! + entry.gap)
  }

  private firstAt(pos: number): number {
    let low = 0
    let high = this.breaks.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (this.breaks[middle]!.pos < pos) low = middle + 1
      else high = middle
    }
    return low
  }

  /** Above the point `pos` where something starts (a block, a row or a character): breaks before it. */
  above(pos: number, equalKinds: readonly PageBreak['kind'][]): number {
    let index = this.firstAt(pos)
    let sum = this.prefix[index]!
    while (index < this.breaks.length && this.breaks[index]!.pos === pos) {
      if (equalKinds.includes(this.breaks[index]!.kind)) sum += this.breaks[index]!.gap
      index++
    }
    return sum
  }
}

/**
 * The height (CSS px, unscaled) each top-level text block had when the pagination last measured it: an edit that
 * leaves its block as tall as it was, with no page break in it, moves no page (most keystrokes).
 */
const measuredHeights = new WeakMap<Element, number>()
/** Positions (characters) between a page break inside a paragraph and an edit after it: more than two lines. */
const KEEP_BEFORE_EDIT = 64

function unchangedBlock(view: EditorView, state: PaginationState): boolean {
  const dirty = state.dirty
  if (dirty === 'all' || dirty === null) return false
  const doc = view.state.doc
  if (dirty.to > doc.content.size) return false
  const $from = doc.resolve(dirty.from)
  const $to = doc.resolve(dirty.to)
  if ($from.depth < 1 || $to.depth < 1) return false
  const index = $from.index(0)
  if ($to.index(0) !== index) return false
  const node = doc.child(index)
  if (!node.isTextblock) return false
  // Its footnotes are set at the foot of its page: a note added, removed or rewritten moves the page's end.
  let notes = false
  node.forEach(child => {
    if (child.type.name === 'footnote') notes = true
  })
  if (notes) return false
  // A run-in heading and its paragraph are measured as one unit.
  if (node.type.name === 'heading' && node.attrs.runIn === true) return false
  if (index > 0) {
    const before = doc.child(index - 1)
    if (before.type.name === 'heading' && before.attrs.runIn === true) return false
  }
  const start = $from.before(1)
  const end = start + node.nodeSize
  // A page break in the block holds only well before the edit: a character typed can pull the line before it (a
  // closing mark may not start a line, a number is not split), never a line two lines up.
  if (state.breaks.some(entry => entry.pos >= start && entry.pos <= end && entry.pos + KEEP_BEFORE_EDIT > dirty.from))
    return false
  const element = view.nodeDOM(start)
  if (!(element instanceof HTMLElement)) return false
  const height = measuredHeights.get(element)
  return height !== undefined && height === element.offsetHeight
}

interface Unit {
  index: number
  pos: number
  /** Blocks in this unit (a run-in heading and its paragraph print as one paragraph). */
  count: number
  end: number
  top: number
  bottom: number
  element: HTMLElement
  textblock: boolean
  runIn: boolean
}

/**
 * The zoom the page is drawn at (a transform on an ancestor): its drawn width over its laid-out width. The laid-out
 * width is taken with its fractions — `offsetWidth` rounds the 156 mm type area (589.6 px) to 590, a 0.07 % error that
 * made every page measure 0.6 px taller than it is and drew the text of page 100 some 55 px into its top margin.
 */
export function zoomOf(element: HTMLElement, drawnWidth: number): number {
  const style = getComputedStyle(element)
  let width = parseFloat(style.width)
  if (style.boxSizing !== 'border-box')
    width +=
      parseFloat(style.paddingLeft) +
      parseFloat(style.paddingRight) +
      parseFloat(style.borderLeftWidth) +
      parseFloat(style.borderRightWidth)
  return width > 0 && drawnWidth > 0 ? drawnWidth / width : 1
}

class Measurer {
  private readonly origin: number
  private readonly scale: number
  readonly gaps: Gaps
  constructor(
    readonly view: EditorView,
    current: readonly PageBreak[],
  ) {
    const rect = view.dom.getBoundingClientRect()
    this.origin = rect.top
    this.scale = zoomOf(view.dom, rect.width)
    this.gaps = new Gaps(current)
  }

  y(clientY: number): number {
    return (clientY - this.origin) / this.scale
  }

  /** The natural top of the first line of the page that `entry` starts; null where it cannot be told. */
  pageTop(doc: PmNode, entry: PageBreak): number | null {
    if (entry.kind === 'before' || entry.kind === 'after') {
      const pos = entry.kind === 'before' ? entry.pos : entry.pos + 1
      const element = pos < doc.content.size ? this.view.nodeDOM(pos) : null
      if (!(element instanceof HTMLElement)) return null
      return (
        this.y(element.getBoundingClientRect().top) - this.gaps.above(pos, entry.kind === 'before' ? ['before'] : [])
      )
    }
    if (entry.kind !== 'inline') return null
    const $pos = doc.resolve(Math.min(entry.pos, doc.content.size))
    if ($pos.depth !== 1 || !$pos.parent.isTextblock) return null
    const index = $pos.index(0)
    if (index > 0 && doc.child(index - 1).type.name === 'heading' && doc.child(index - 1).attrs.runIn === true)
      return null
    const element = this.view.nodeDOM($pos.before(1))
    if (!(element instanceof HTMLElement)) return null
    // The glyphs sit this far under their line box's top (half the leading, as Blink rounds it).
    const range = document.createRange()
    range.selectNodeContents(element)
    const first = range.getClientRects()[0]
    if (!first) return null
    const inset = first.top - element.getBoundingClientRect().top
    const char = this.view.coordsAtPos(entry.pos, 1)
    return this.y(char.top - inset) - this.gaps.above(entry.pos, ['inline'])
  }

  /** Widths of a table's columns (natural px), from the edges of the cells of its own rows. */
  columns(element: HTMLElement): number[] {
    const table = element instanceof HTMLTableElement ? element : element.querySelector('table')
    if (!table) return []
    const left = table.getBoundingClientRect().left
    const edges = new Set<number>()
    for (const row of Array.from(table.rows))
      for (const cell of Array.from(row.cells)) {
        const rect = cell.getBoundingClientRect()
        edges.add(Math.round(((rect.left - left) / this.scale) * 2) / 2)
        edges.add(Math.round(((rect.right - left) / this.scale) * 2) / 2)
      }
    const sorted = [...edges].sort((a, b) => a - b)
    const widths: number[] = []
    for (let index = 1; index < sorted.length; index++) {
      const width = sorted[index]! - sorted[index - 1]!
      if (width >= 2) widths.push(width)
      else if (widths.length) widths[widths.length - 1]! += width
    }
    return widths
  }

  /** The footnote references in an element: number, note text and the natural middle of the reference. */
  footnotes(element: HTMLElement): { number: number; text: string; center: number }[] {
    return Array.from(element.querySelectorAll<HTMLElement>('sup.footnote')).map(reference => {
      const rect = reference.getBoundingClientRect()
      const pos = this.view.posAtDOM(reference, 0)
      return {
        number: Number(reference.dataset.number) || 0,
        text: reference.dataset.text ?? '',
        center: this.y((rect.top + rect.bottom) / 2) - this.gaps.above(pos, ['inline', 'before']),
      }
    })
  }

  unit(doc: PmNode, index: number, pos: number): Unit | null {
    const node = doc.child(index)
    if (printsNothing(node)) return null
    const element = this.view.nodeDOM(pos)
    if (!(element instanceof HTMLElement)) return null
    let count = 1
    let end = pos + node.nodeSize
    let last = element
    const runIn = node.type.name === 'heading' && node.attrs.runIn === true && index + 1 < doc.childCount
    if (runIn && doc.child(index + 1).type.name === 'paragraph') {
      const next = this.view.nodeDOM(end)
      if (next instanceof HTMLElement) {
        last = next
        count = 2
        end += doc.child(index + 1).nodeSize
      }
    }
    if (count === 1) measuredHeights.set(element, element.offsetHeight)
    let topY = element.getBoundingClientRect().top
    let bottomY = last.getBoundingClientRect().bottom
    if (count === 2) {
      // Inline boxes: their rectangles are the glyph boxes; the line boxes reach half the leading further.
      const lineHeight = parseFloat(getComputedStyle(last).lineHeight) || 0
      // Ranges over the text: the p's ::after line break would otherwise add an empty fragment below.
      const range = document.createRange()
      range.selectNodeContents(element)
      const first = range.getClientRects()[0]
      range.selectNodeContents(last)
      const rects = range.getClientRects()
      const final = rects[rects.length - 1]
      if (first) topY = first.top - Math.max(0, lineHeight * this.scale - first.height) / 2
      if (final) bottomY = final.bottom + Math.max(0, lineHeight * this.scale - final.height) / 2
    }
    const top = this.y(topY) - this.gaps.above(pos, ['before'])
    const bottom = this.y(bottomY) - this.gaps.above(end, [])
    return { index, pos, count, end, top, bottom, element, textblock: node.isTextblock, runIn: count === 2 }
  }

  /** Doc position of the first character whose natural top is at or below `threshold`, within the unit. */
  firstCharBelow(unit: Unit, threshold: number): number | null {
    const texts: Text[] = []
    const walker = document.createTreeWalker(unit.element.parentElement!, NodeFilter.SHOW_TEXT)
    const range = document.createRange()
    const endElement = unit.count === 2 ? (unit.element.nextElementSibling as HTMLElement) : unit.element
    walker.currentNode = unit.element
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!unit.element.contains(node) && !endElement.contains(node)) break
      if ((node as Text).length) texts.push(node as Text)
    }
    const offsets: number[] = []
    let total = 0
    for (const text of texts) {
      offsets.push(total)
      total += text.length
    }
    const locate = (index: number): [Text, number] => {
      let low = 0
      let high = texts.length - 1
      while (low < high) {
        const middle = (low + high + 1) >> 1
        if (offsets[middle]! <= index) low = middle
        else high = middle - 1
      }
      return [texts[low]!, index - offsets[low]!]
    }
    const topOf = (index: number): number => {
      const [text, offset] = locate(index)
      range.setStart(text, offset)
      range.setEnd(text, offset + 1)
      const rects = range.getClientRects()
      const rect = rects[rects.length - 1] ?? range.getBoundingClientRect()
      const pos = this.view.posAtDOM(text, offset)
      return this.y(rect.top) - this.gaps.above(pos, ['inline'])
    }
    let low = 0
    let high = total
    while (low < high) {
      const middle = (low + high) >> 1
      if (topOf(middle) >= threshold) high = middle
      else low = middle + 1
    }
    if (low >= total) return null
    const [text, offset] = locate(low)
    return this.view.posAtDOM(text, offset)
  }
}

/**
 * Blocks the PDF leaves out (template guidance; last year's promise is a widget, not a block): on screen they hang
 * in the margin out of the flow (page.css), here they take no page height and do not part a heading from the text
 * it is kept with.
 */
function printsNothing(node: PmNode): boolean {
  return node.type.name === 'guidance'
}

/** The unit printed right before block `index` (blocks that print nothing in between skipped), if measured. */
function printedBefore(doc: PmNode, units: readonly Unit[], index: number): Unit | undefined {
  let at = index - 1
  while (at >= 0 && printsNothing(doc.child(at))) at--
  if (at < 0) return undefined
  const unit = units[at] ?? units[at - 1]
  return unit && unit.index + unit.count - 1 === at ? unit : undefined
}

function styleOf(element: HTMLElement): CSSStyleDeclaration {
  return getComputedStyle(element)
}

/**
 * Lays the blocks out on pages as Chromium prints the same HTML (core/export/print-html): lines at the line pitch
 * fill the 225 mm type area, a paragraph splits between lines (orphans/widows and break-inside/break-after as the
 * print style sheet sets them on the element), a table splits between rows and repeats its header rows. Positions
 * are measured on screen and taken back to "natural" positions (as if no gap were drawn), from the first page that
 * the change can move; it stops as soon as a page starts where it started before.
 */
export function paginate(
  view: EditorView,
  state: PaginationState,
  noteHeight: (text: string) => number = () => 0,
): { breaks: PageBreak[]; tailRest: number } {
  const doc = view.state.doc
  const old = state.breaks
  const measure = new Measurer(view, old)
  const all = state.dirty === 'all' || state.dirty === null
  const dirty = state.dirty === 'all' || state.dirty === null ? { from: 0, to: doc.content.size } : state.dirty

  // The block holding the change, two blocks back (a heading kept with its paragraph moves with it).
  let blockIndex = 0
  let blockPos = 0
  const changedIndex = all ? 0 : doc.resolve(Math.min(dirty.from, doc.content.size)).index(0)
  const backIndex = Math.max(0, changedIndex - 2)
  for (; blockIndex < backIndex; blockIndex++) blockPos += doc.child(blockIndex).nodeSize
  let kept = 0
  if (!all) while (kept < old.length && old[kept]!.pos < blockPos) kept++
  let pageTop = kept * PAGE_PITCH_PX - old.slice(0, kept).reduce((sum, entry) => sum + entry.gap, 0)
  if (kept > 0) {
    // Restart on the page that starts with the kept break: from the block holding it.
    const startPos = old[kept - 1]!.pos
    blockIndex = doc.resolve(Math.min(startPos, doc.content.size)).index(0)
    blockPos = 0
    for (let index = 0; index < blockIndex; index++) blockPos += doc.child(index).nodeSize
    // Where that page's first line is laid out now, under the gaps drawn above it, rather than the sum of the page
    // heights: any error in those (a misread zoom made it 0.6 px a page) adds up to tens of pixels deep in a long
    // report, enough to break a page a line off. Measuring from the page's real top keeps this page right.
    const measured = measure.pageTop(doc, old[kept - 1]!)
    if (measured !== null) pageTop = measured
  } else {
    blockIndex = 0
    blockPos = 0
  }

  const fresh: PageBreak[] = []
  const units: Unit[] = []
  let pageFirst = blockIndex
  // Footnotes met so far (natural middle of the reference, note height): a page's body gets what the type area
  // leaves once the notes of its references are set (core/layout/footnote-area.ts), as in the PDF.
  const notes = new Map<number, { center: number; height: number }>()
  const separatorPx = noteSeparatorPt * ptPx
  const fits = (y: number): boolean => {
    let sum = 0
    for (const note of notes.values()) if (note.center >= pageTop - EPS && note.center < y) sum += note.height
    return y + (sum ? separatorPx + sum + SLACK_PX : 0) <= pageTop + AREA_PX + EPS
  }
  let lastBottom = pageTop
  const findOld = (entry: PageBreak): number => {
    for (let index = kept; index < old.length; index++) {
      const candidate = old[index]!
      if (candidate.pos > entry.pos) return -1
      if (candidate.pos === entry.pos && candidate.kind === entry.kind && Math.abs(candidate.gap - entry.gap) < EPS)
        return index
    }
    return -1
  }
  const push = (entry: PageBreak): PageBreak[] | null => {
    // Hundredths of a pixel: measuring again from another page gives the same gap, not one differing in the 12th digit.
    entry.gap = Math.round(entry.gap * 100) / 100
    fresh.push(entry)
    if (all || entry.pos <= dirty.to) return null
    const match = findOld(entry)
    return match < 0 ? null : [...old.slice(0, kept), ...fresh, ...old.slice(match + 1)]
  }
  const finish = (breaks: PageBreak[] | null) =>
    breaks
      ? { breaks, tailRest: state.tailRest }
      : { breaks: [...old.slice(0, kept), ...fresh], tailRest: pageTop + AREA_PX - lastBottom }

  let guard = 0
  while (blockIndex < doc.childCount && guard++ < 200_000) {
    const unit = measure.unit(doc, blockIndex, blockPos)
    if (!unit) {
      blockPos += doc.child(blockIndex).nodeSize
      blockIndex++
      continue
    }
    units[blockIndex] = unit
    for (const element of unit.count === 2
      ? [unit.element, view.nodeDOM(unit.pos + doc.child(blockIndex).nodeSize)]
      : [unit.element])
      if (element instanceof HTMLElement)
        for (const note of measure.footnotes(element))
          notes.set(note.number, { center: note.center, height: noteHeight(note.text) })
    lastBottom = unit.bottom
    if (fits(unit.bottom)) {
      blockPos = unit.end
      blockIndex += unit.count
      continue
    }
    const firstOnPage = unit.top >= pageTop - EPS && unit.index <= pageFirst
    let split: { entry: PageBreak; top: number } | null = null

    if (unit.textblock) {
      const style = styleOf(unit.runIn ? view.dom : unit.element)
      const lineHeight = parseFloat(styleOf(unit.element).lineHeight) || 38.6
      const avoid = !unit.runIn && style.breakInside === 'avoid'
      const orphans = Number(style.orphans) || 1
      const widows = Number(style.widows) || 1
      const lines = Math.max(1, Math.round((unit.bottom - unit.top) / lineHeight))
      const first = Math.max(0, Math.round((pageTop - unit.top) / lineHeight))
      let fit = Math.floor((pageTop + AREA_PX + EPS - unit.top) / lineHeight)
      while (fit > 0 && !fits(unit.top + fit * lineHeight)) fit--
      // The lines that fit above the notes of their references. A page whose first lines carry a note taller than
      // the room still takes at least one line, as the PDF's (main/export/footnote-pages.ts), and the note runs on.
      const noteFit = fit
      if (!avoid || firstOnPage) {
        fit = Math.min(fit, lines - widows)
        if (fit - first < orphans && firstOnPage) fit = Math.max(first + 1, noteFit)
        if (fit - first >= (firstOnPage ? 1 : orphans) && fit < lines) {
          const breakTop = unit.top + fit * lineHeight
          const pos = measure.firstCharBelow(unit, breakTop - lineHeight * 0.3)
          if (pos !== null)
            split = { entry: { pos, kind: 'inline', gap: PAGE_PITCH_PX - (breakTop - pageTop) }, top: breakTop }
        }
      }
    } else if (doc.child(blockIndex).type.name === 'table') {
      const table = doc.child(blockIndex)
      let headerCount = 0
      const rows: { pos: number; size: number; top: number; bottom: number }[] = []
      let rowPos = blockPos + 1
      table.forEach(row => {
        const element = view.nodeDOM(rowPos)
        if (element instanceof HTMLElement) {
          const rect = element.getBoundingClientRect()
          rows.push({
            pos: rowPos,
            size: row.nodeSize,
            // A row break's gap (and repeated header) is a row of its own in front of the row.
            top: measure.y(rect.top) - measure.gaps.above(rowPos, ['row']),
            bottom: measure.y(rect.bottom) - measure.gaps.above(rowPos + row.nodeSize, []),
          })
        }
        rowPos += row.nodeSize
      })
      let row = 0
      while (row < table.childCount - 1 && table.child(row).content.content.every(c => c.type.name === 'tableHeader'))
        row++
      headerCount = Math.min(row, rows.length)
      const headerHeight = headerCount ? rows[headerCount - 1]!.bottom - rows[0]!.top : 0
      // The first body row on this page stays on it even when it does not fit (a row, or the notes of its
      // references, taller than the room): breaking before it again would start the same page again, forever.
      const lead =
        unit.top < pageTop - EPS
          ? rows.findIndex(each => each.top >= pageTop + headerHeight - EPS)
          : firstOnPage
            ? headerCount
            : -1
      const over = rows.findIndex((each, index) => index > lead && !fits(each.bottom))
      const onPage = rows.findIndex(each => each.top >= pageTop - EPS)
      if (over > headerCount && over > onPage && onPage >= 0) {
        const breakTop = rows[over]!.top
        split = {
          entry: {
            pos: rows[over]!.pos,
            kind: 'row',
            gap: PAGE_PITCH_PX - (breakTop - pageTop) + headerHeight,
            head: { height: Math.round(headerHeight * 100) / 100, columns: measure.columns(unit.element) },
          },
          top: breakTop - headerHeight,
        }
      } else if (onPage >= 0 && rows[onPage]!.top > pageTop + EPS && over <= headerCount) {
        split = null
      } else if (firstOnPage || unit.top < pageTop - EPS) {
        // A row taller than the page: it runs over, as in print.
        blockPos = unit.end
        blockIndex += unit.count
        continue
      }
    }

    if (split) {
      const done = push(split.entry)
      if (done) return finish(done)
      pageTop = split.top
      pageFirst = blockIndex
      continue
    }
    if (firstOnPage || unit.top < pageTop - EPS) {
      // Cannot be moved (first on its page) nor split: it runs over, as monolithic content does in print.
      blockPos = unit.end
      blockIndex += unit.count
      continue
    }
    // The page ends before this unit, or before the headings that must stay with it.
    let start = unit
    while (start.index > pageFirst) {
      const previous = printedBefore(doc, units, start.index)
      if (!previous || previous.index < pageFirst || previous.runIn) break
      if (styleOf(previous.element).breakAfter !== 'avoid') break
      start = previous
    }
    // The chain kept with this unit starts the page already (a run of headings taller than a page, e.g. a report
    // of empty sections): breaking before it again gains nothing and would loop, so the keep is dropped and the page
    // breaks right before this unit, as Chromium does when break-after: avoid cannot be honoured.
    if (start.index <= pageFirst) start = unit
    const previous = printedBefore(doc, units, start.index)
    const entry: PageBreak =
      previous && previous.textblock && !previous.runIn
        ? { pos: previous.end - 1, kind: 'after', gap: PAGE_PITCH_PX - (start.top - pageTop) }
        : { pos: start.pos, kind: 'before', gap: PAGE_PITCH_PX - (start.top - pageTop) }
    const done = push(entry)
    if (done) return finish(done)
    pageTop = start.top
    pageFirst = start.index
    blockIndex = start.index
    blockPos = start.pos
  }
  return finish(null)
}

function sameBreaks(a: readonly PageBreak[], b: readonly PageBreak[]): boolean {
  return (
    a.length === b.length &&
    a.every((entry, index) => {
      const other = b[index]!
      return entry.pos === other.pos && entry.kind === other.kind && Math.abs(entry.gap - other.gap) < 0.05
    })
  )
}

export interface PaginationOptions {
  /**
   * Pages on (the page view) or off (the draft view: one long sheet).
   * @default true
   */
  enabled: boolean
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    pagination: {
      /** Page view on or off. */
      setPageView: (enabled: boolean) => ReturnType
      /** Measures every page again (fonts loaded, layout settings changed). */
      repaginate: () => ReturnType
    }
  }
}

/** The page view: page breaks where the PDF has them, drawn as gaps in the text (widgets, not content). */
export const Pagination = Extension.create<PaginationOptions>({
  name: 'pagination',

  addOptions() {
    return { enabled: true }
  },

  addCommands() {
    return {
      setPageView:
        enabled =>
        ({ tr, dispatch }) => {
          if (dispatch) dispatch(tr.setMeta(paginationKey, { enabled } satisfies PaginationMeta))
          return true
        },
      repaginate:
        () =>
        ({ tr, dispatch }) => {
          if (dispatch) dispatch(tr.setMeta(paginationKey, { remeasure: true } satisfies PaginationMeta))
          return true
        },
    }
  },

  addProseMirrorPlugins() {
    const enabled = this.options.enabled
    return [
      new Plugin<PaginationState>({
        key: paginationKey,
        state: {
          init: () => ({
            enabled,
            breaks: [],
            tailRest: 0,
            notesKey: '',
            decorations: DecorationSet.empty,
            dirty: enabled ? 'all' : null,
          }),
          apply: (tr, value, before) => {
            const meta = tr.getMeta(paginationKey) as PaginationMeta | undefined
            if (meta?.enabled !== undefined)
              return {
                enabled: meta.enabled,
                breaks: [],
                tailRest: 0,
                notesKey: '',
                decorations: DecorationSet.empty,
                dirty: meta.enabled ? 'all' : null,
              }
            if (!value.enabled) return value
            if (meta?.breaks) {
              const tailRest = meta.tailRest ?? value.tailRest
              return {
                ...value,
                breaks: meta.breaks,
                tailRest,
                notesKey: meta.notesKey ?? '',
                decorations: decorationsFor(tr.doc, meta.breaks, tailRest),
                dirty: null,
              }
            }
            if (meta?.remeasure) return { ...value, dirty: 'all' }
            if (!tr.docChanged) return value
            const breaks = mapBreaks(value.breaks, tr)
            return {
              ...value,
              breaks,
              decorations: value.decorations.map(tr.mapping, tr.doc),
              dirty: mergeDirty(value.dirty, tr, changedRange(tr, before)),
            }
          },
        },
        props: {
          decorations: state => paginationKey.getState(state)?.decorations,
        },
        view: view => {
          let scheduled = false
          let destroyed = false
          // Fonts arrive after the first layout (local() faces load on first use): measure again then.
          const fonts = (document as Partial<Document>).fonts
          const run = (): void => {
            scheduled = false
            if (destroyed || view.isDestroyed) return
            const state = paginationKey.getState(view.state)
            if (!state?.enabled || state.dirty === null) return
            if (view.composing) return
            if (!view.dom.isConnected || !view.dom.offsetWidth) {
              // Not laid out yet (the editor is mounted into the page after it is created): try on the next frame.
              requestAnimationFrame(schedule)
              return
            }
            // The layout just forced asked for fonts not loaded yet: measuring now would be thrown away when they
            // arrive (loadingdone measures every page again), so wait for them.
            if (fonts?.status === 'loading') return
            performance.mark('wrs-paginate-start')
            if (unchangedBlock(view, state)) {
              // The edited block kept its height and holds no page break: every page stays as it was.
              state.dirty = null
              performance.measure('wrs-paginate', 'wrs-paginate-start')
              return
            }
            const { breaks, tailRest } = paginate(view, state, noteHeight)
            performance.measure('wrs-paginate', 'wrs-paginate-start')
            const pageNotes = notesByPage(view.state.doc, breaks)
            const notesKey = pageNotes.at(-1)!.length
              ? `${notesKeyOf(pageNotes)}@${tailRest.toFixed(2)}`
              : notesKeyOf(pageNotes)
            const meta: PaginationMeta = { breaks, tailRest, notesKey }
            if (sameBreaks(breaks, state.breaks) && notesKey === state.notesKey) {
              // Nothing moved (most keystrokes): forget the dirty range without a transaction, so the view is not
              // updated a second time. The state object is this plugin's own and read nowhere else.
              state.dirty = null
              return
            }
            view.dispatch(view.state.tr.setMeta(paginationKey, meta).setMeta('addToHistory', false))
          }
          const schedule = (): void => {
            if (scheduled) return
            scheduled = true
            // After the DOM update, before the frame is drawn: the gaps move in the same frame as the text.
            queueMicrotask(run)
          }
          // Heights of the notes as set at a page foot (the print CSS's .note at the type-area width), by text.
          const heights = new Map<string, number>()
          let measurer: HTMLElement | null = null
          const noteHeight = (text: string): number => {
            const known = heights.get(text)
            if (known !== undefined) return known
            if (!measurer) {
              // Outside the editor's DOM, so the print CSS scoped to .report-body does not reach it: the body's
              // text rules are copied and the note's set as the print CSS sets `.note` (core/layout/footnote-area.ts).
              measurer = document.createElement('div')
              measurer.className = 'note-measure'
              measurer.setAttribute('aria-hidden', 'true')
              const body = getComputedStyle(view.dom)
              for (const name of [
                'font-family',
                'line-break',
                'word-break',
                'overflow-wrap',
                'font-kerning',
                'text-autospace',
                'text-spacing-trim',
              ])
                measurer.style.setProperty(name, body.getPropertyValue(name))
              measurer.style.cssText +=
                `;position:absolute;visibility:hidden;left:0;top:0;pointer-events:none;font-size:${noteSizePt}pt;` +
                `line-height:${noteLinePt}pt;letter-spacing:0;text-indent:0;text-align:justify`
              view.dom.parentElement?.append(measurer)
            }
            measurer.style.width = `${view.dom.offsetWidth}px`
            const line = pageFoot([{ number: 99, text }], 0).lastElementChild as HTMLElement
            line.style.margin = '0'
            line.querySelector('sup')!.style.cssText = 'font-size:0.6em;line-height:0'
            for (const run of line.querySelectorAll<HTMLElement>('.nb')) run.style.whiteSpace = 'nowrap'
            measurer.replaceChildren(line)
            const height = line.offsetHeight
            heights.set(text, height)
            return height
          }
          const remeasure = (): void => {
            heights.clear()
            if (!destroyed && !view.isDestroyed)
              view.dispatch(view.state.tr.setMeta(paginationKey, { remeasure: true }))
          }
          fonts?.addEventListener('loadingdone', remeasure)
          schedule()
          return {
            update: () => {
              const state = paginationKey.getState(view.state)
              if (state?.enabled && state.dirty !== null) schedule()
            },
            destroy: () => {
              destroyed = true
              measurer?.remove()
              fonts?.removeEventListener('loadingdone', remeasure)
            },
          }
        },
      }),
    ]
  },
})

/** Page (1-based) holding `pos`, and the page count; 0 and 0 in the draft view (no pages). */
export function pageAt(state: EditorState, pos: number): { page: number; pages: number } {
  const pagination = paginationKey.getState(state)
  if (!pagination?.enabled) return { page: 0, pages: 0 }
  const breaks = pagination.breaks
  let low = 0
  let high = breaks.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (breaks[middle]!.pos <= pos) low = middle + 1
    else high = middle
  }
  return { page: low + 1, pages: breaks.length + 1 }
}
