import { parseDocument } from 'htmlparser2'
import { MarkType, NodeType, nodeText } from '../document-model'
import type { DocMark, DocNode, HeadingLevel } from '../document-model'
import type { NumberingScheme } from '../numbering'
import { listFormatOf, listMarkerPattern } from '../list-numbering'
import { buildBody } from '../import/build-body'
import { FootnoteRegistry } from '../import/footnote-registry'
import type { ImportBlock } from '../import/import-block'
import { orderedListAttrs, type SourceListNumber } from '../import/list-blocks'
import { flattenDeepHtml, type DeepHtmlNode } from './flatten-deep-html'

interface HtmlNode {
  type: string
  name?: string
  attribs?: Record<string, string>
  children?: HtmlNode[]
  data?: string
}

/** Elements dropped with everything inside them: executable, embedded, metadata or Office-only. */
const dropped = new Set([
  'script',
  'style',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'template',
  'noscript',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'img',
  'picture',
  'video',
  'audio',
  'source',
  'track',
  'canvas',
  'map',
  'area',
  'form',
  'input',
  'button',
  'select',
  'option',
  'textarea',
  'xml',
  'o:p',
  'v:shape',
  'v:imagedata',
  'w:sdt',
  'dialog',
  'portal',
])
const blockTags = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'blockquote',
  'pre',
  'address',
  'center',
  'dd',
  'dt',
  'dl',
  'figure',
  'figcaption',
  'body',
  'html',
  'nav',
  'caption',
])
const bulletSymbols = /^[·•▪■●○◦§ØüÞlnoq\-–—*]$/u
const cjk = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef'
const cjkGap = new RegExp(`(?<=[${cjk}])[ \\t\\r\\n]+(?=[${cjk}])`, 'gu')

export interface SanitizeOptions {
  /** Numbering scheme of the report the text is pasted into (maps literal `一、` to a heading level). */
  scheme?: NumberingScheme
  /** Level of the heading the paste lands under (a `■` theme or a bold line goes one level below it). */
  contextLevel?: HeadingLevel
}

/** A web page's `<ol start="3" type="a">`: the list keeps its first number and format (no number is made up). */
function htmlListAttrs(list: HtmlNode): Record<string, unknown> {
  const attrs: Record<string, unknown> = {}
  const start = Number(list.attribs?.start)
  if (Number.isInteger(start) && start >= 0 && start < 100_000 && start !== 1) attrs.start = start
  // HTML's letters, or a format name this app writes itself (core/reuse/doc-nodes-to-html.ts), with its marker
  const type = list.attribs?.type
  const format = type ? listFormatOf(type) : 'decimal'
  if (type && format !== 'decimal') attrs.type = format
  const marker = listMarkerPattern(list.attribs?.['data-marker'])
  if (marker !== undefined) attrs.marker = marker
  return attrs
}

function style(node: HtmlNode): string {
  return (node.attribs?.style ?? '').toLowerCase().replace(/\s+/gu, '')
}

function className(node: HtmlNode): string {
  return node.attribs?.class ?? ''
}

/** Heading level from h1–h6, Word's `MsoHeading1`/`Heading1` classes or `mso-outline-level:1`. */
function headingLevelOf(node: HtmlNode): HeadingLevel | undefined {
  const tag = /^h([1-6])$/u.exec(node.name ?? '')
  const fromClass = /(?:^|\s)(?:Mso)?Heading([1-6])(?:\s|$)/iu.exec(className(node))
  const fromStyle = /mso-outline-level:([1-6])/u.exec(style(node))
  const level = Number(tag?.[1] ?? fromClass?.[1] ?? fromStyle?.[1] ?? 0)
  return level ? (Math.min(level, 4) as HeadingLevel) : undefined
}

function isWordListParagraph(node: HtmlNode): boolean {
  return /MsoListParagraph/iu.test(className(node)) || /mso-list:l\d/u.test(style(node))
}

function isBold(node: HtmlNode): boolean {
  if (node.name === 'b' || node.name === 'strong') return !/font-weight:(?:normal|[1-5]00)/u.test(style(node))
  return /font-weight:(?:bold|bolder|[6-9]00)/u.test(style(node))
}

/** `<sub>`/`<sup>` or Word's and WPS's `vertical-align:sub|super` spans. */
function scriptMark(node: HtmlNode): string | undefined {
  const align = /vertical-align:(sub|super)/u.exec(style(node))?.[1]
  if (node.name === 'sub' || align === 'sub') return MarkType.subscript
  if (node.name === 'sup' || align === 'super') return MarkType.superscript
  return undefined
}

/** Marks inside `node`: bold added by bold markup, a sub/superscript replacing the other one. */
function innerMarks(node: HtmlNode, marks: DocMark[]): DocMark[] {
  let out = marks
  if (isBold(node) && !out.some(mark => mark.type === MarkType.bold)) out = [...out, { type: MarkType.bold }]
  const script = scriptMark(node)
  if (script && !out.some(mark => mark.type === script))
    out = [
      ...out.filter(mark => mark.type !== MarkType.subscript && mark.type !== MarkType.superscript),
      { type: script },
    ]
  return out
}

function textContent(node: HtmlNode): string {
  if (node.type === 'text') return node.data ?? ''
  return (node.children ?? []).map(textContent).join('')
}

function normaliseText(text: string): string {
  return text.replace(/[\u200b\u200c\u200d\u2060\ufeff]/gu, '').replace(/\u00a0/gu, ' ')
}

interface ListGroup {
  ordered: boolean
  items: DocNode[]
}

/**
 * Reduces pasted HTML to blocks of the editor's inline nodes; builds new nodes, so no attribute, style or script gets
 * through. Which block is a heading is decided by the import's `buildBody` (see `sanitizePastedHtml`).
 */
class Reducer {
  readonly blocks: ImportBlock[] = []
  private inline: DocNode[] = []
  private list: ListGroup | null = null

  constructor(
    private readonly notes: FootnoteRegistry,
    /** Pictures met (`<img>`; Word's clipboard has one for each picture), all left out; shared with the cells' and
     * items' readers. */
    readonly found: { images: number; listNumbers?: Readonly<Record<string, SourceListNumber>> } = { images: 0 },
  ) {}

  /** The note's text without the links back to its reference. */
  private noteText(node: HtmlNode): string {
    if (node.type === 'text') return node.data ?? ''
    if (node.name === 'a' && this.notes.isBackLink(node.attribs?.href)) return ''
    if (node.type === 'tag' && (dropped.has(node.name ?? '') || /^[ovwm]:/u.test(node.name ?? ''))) return ''
    return (node.children ?? []).map(child => this.noteText(child)).join('')
  }

  private pushText(text: string, marks: DocMark[]): void {
    const clean = normaliseText(text)
    if (!clean) return
    const last = this.inline[this.inline.length - 1]
    const sameMarks = last?.type === NodeType.text && JSON.stringify(last.marks ?? []) === JSON.stringify(marks)
    if (last && sameMarks) last.text = (last.text ?? '') + clean
    else
      this.inline.push(
        marks.length ? { type: NodeType.text, text: clean, marks } : { type: NodeType.text, text: clean },
      )
  }

  private takeInline(): DocNode[] {
    const nodes = this.inline
    this.inline = []
    for (const node of nodes)
      if (node.type === NodeType.text) node.text = (node.text ?? '').replace(/[ \t\r\n]+/gu, ' ').replace(cjkGap, '')
    const first = nodes.find(node => node.type === NodeType.text)
    if (first) first.text = (first.text ?? '').replace(/^[ \u3000]+/u, '')
    while (nodes.length && nodes[0]!.type === NodeType.hardBreak) nodes.shift()
    while (nodes.length && nodes[nodes.length - 1]!.type === NodeType.hardBreak) nodes.pop()
    const last = [...nodes].reverse().find(node => node.type === NodeType.text)
    if (last) last.text = (last.text ?? '').replace(/[ \u3000]+$/u, '')
    return nodes.filter(node => node.type !== NodeType.text || node.text)
  }

  private pushNode(node: DocNode): void {
    this.blocks.push({ text: '', node, line: this.blocks.length + 1 })
  }

  flushList(): void {
    if (!this.list) return
    this.pushNode({ type: this.list.ordered ? NodeType.orderedList : NodeType.bulletList, content: this.list.items })
    this.list = null
  }

  /** Ends the current paragraph (loose inline text becomes one); `level` comes from heading markup. */
  flush(level?: HeadingLevel, runIn = false): void {
    const inline = this.takeInline()
    if (!inline.some(node => node.type === NodeType.text)) return
    this.flushList()
    const block: ImportBlock = { text: inline.map(nodeText).join(''), inline, line: this.blocks.length + 1 }
    if (level !== undefined) block.markupLevel = level
    if (runIn) block.runIn = true
    this.blocks.push(block)
  }

  /** The blocks as plain paragraphs (inside a list item or a table cell, where no heading can be). */
  paragraphs(): DocNode[] {
    return this.blocks.map(block => block.node ?? { type: NodeType.paragraph, content: block.inline })
  }

  private addListItem(ordered: boolean, content: DocNode[]): void {
    if (this.list && this.list.ordered !== ordered) this.flushList()
    this.list ??= { ordered, items: [] }
    this.list.items.push({ type: NodeType.listItem, content })
  }

  walk(node: HtmlNode, marks: DocMark[]): void {
    if (node.type === 'text') return this.pushText(node.data ?? '', marks)
    if (node.type !== 'tag' && node.type !== 'root') return
    const name = node.name ?? ''
    if (name === 'img') this.found.images++
    // Office namespaces (o:p, v:shape, w:…) carry no text of the report; smart tags (st1:…) wrap text and stay.
    if (dropped.has(name) || /^[ovwm]:/u.test(name)) return
    if (name === 'br') {
      this.inline.push({ type: NodeType.hardBreak })
      return
    }
    if (name === 'a') {
      const note = this.notes.reference(node.attribs?.href)
      if (note) {
        this.inline.push(note)
        return
      }
      if (this.notes.isBackLink(node.attribs?.href)) return
    }
    const noteKey = this.notes.noteKey(node.attribs)
    if (noteKey) {
      this.notes.note(noteKey, normaliseText(this.noteText(node)))
      return
    }
    if (name === 'ul' || name === 'ol') return this.walkList(node, name === 'ol')
    if (name === 'table') return this.walkTable(node)
    const level = headingLevelOf(node)
    if (level !== undefined || blockTags.has(name) || name === 'li') {
      this.flush()
      if (isWordListParagraph(node) && level === undefined) return this.walkWordListParagraph(node, marks)
      this.walkChildren(node, marks)
      this.flush(level, level !== undefined && node.attribs?.['data-run-in'] !== undefined)
      return
    }
    this.walkChildren(node, innerMarks(node, marks))
  }

  walkChildren(node: HtmlNode, marks: DocMark[]): void {
    for (const child of node.children ?? []) this.walk(child, marks)
  }

  /** Word list paragraph: the marker sits in a `mso-list:Ignore` span; Chinese markers make headings. */
  private walkWordListParagraph(node: HtmlNode, marks: DocMark[]): void {
    let marker = ''
    const content: HtmlNode = { ...node, children: [] }
    const strip = (children: HtmlNode[]): HtmlNode[] =>
      children.flatMap(child => {
        if (child.type === 'tag' && /mso-list:ignore/u.test(style(child))) {
          marker += textContent(child)
          return []
        }
        return child.children ? [{ ...child, children: strip(child.children) }] : [child]
      })
    content.children = strip(node.children ?? [])
    marker = normaliseText(marker).trim()
    if (!marker || /^[一二三四五六七八九十（(]/u.test(marker)) {
      if (marker) this.pushText(`${marker}`, [])
      this.walkChildren(content, marks)
      this.flush()
      return
    }
    const reducer = new Reducer(this.notes, this.found)
    reducer.walkChildren(content, marks)
    reducer.flush()
    const paragraphs = reducer.paragraphs()
    this.addListItem(!bulletSymbols.test(marker), paragraphs.length ? paragraphs : [{ type: NodeType.paragraph }])
  }

  private walkList(node: HtmlNode, ordered: boolean): void {
    this.flush()
    this.flushList()
    const items: DocNode[] = []
    for (const child of node.children ?? []) {
      if (child.type !== 'tag') continue
      const noteKey = this.notes.noteKey(child.attribs)
      if (noteKey) {
        this.notes.note(noteKey, normaliseText(this.noteText(child)))
        continue
      }
      const reducer = new Reducer(this.notes, this.found)
      if (child.name === 'li') reducer.walkChildren(child, [])
      else reducer.walk(child, [])
      reducer.flush()
      reducer.flushList()
      const content = reducer.paragraphs()
      if (content.length)
        items.push({
          type: NodeType.listItem,
          content: content[0]!.type === NodeType.paragraph ? content : [{ type: NodeType.paragraph }, ...content],
        })
    }
    if (!items.length) return
    // a DOCX's numbered list keeps the number its first item printed (main/import/list-numbers.ts, by the `<a id>`)
    const number = ordered ? this.sourceNumber(node) : undefined
    const attrs = number ? orderedListAttrs(number) : ordered ? htmlListAttrs(node) : undefined
    this.pushNode({
      type: ordered ? NodeType.orderedList : NodeType.bulletList,
      ...(attrs && Object.keys(attrs).length ? { attrs } : {}),
      content: items,
    })
  }

  /** The source number of a list's first item: the first `<a id>` in it that the DOCX reader named. */
  private sourceNumber(list: HtmlNode): SourceListNumber | undefined {
    const numbers = this.found.listNumbers
    if (!numbers) return undefined
    const first = (list.children ?? []).find(child => child.type === 'tag' && child.name === 'li')
    const pending = [...(first?.children ?? [])]
    while (pending.length) {
      const node = pending.shift()!
      if (node.type !== 'tag') continue
      if (node.name === 'ul' || node.name === 'ol') continue
      const id = node.attribs?.id
      if (node.name === 'a' && id !== undefined && Object.hasOwn(numbers, id)) return numbers[id]
      pending.push(...(node.children ?? []))
    }
    return undefined
  }

  private walkTable(node: HtmlNode): void {
    this.flush()
    this.flushList()
    const rows: DocNode[] = []
    const collectRows = (parent: HtmlNode): void => {
      for (const child of parent.children ?? []) {
        if (child.type !== 'tag') continue
        if (child.name === 'tr') rows.push(this.tableRow(child))
        else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') collectRows(child)
      }
    }
    collectRows(node)
    const filled = rows.filter(row => (row.content ?? []).length > 0)
    if (filled.length) this.pushNode({ type: NodeType.table, content: filled })
  }

  private tableRow(row: HtmlNode): DocNode {
    const cells: DocNode[] = []
    for (const cell of row.children ?? []) {
      if (cell.type !== 'tag' || (cell.name !== 'td' && cell.name !== 'th')) continue
      const reducer = new Reducer(this.notes, this.found)
      reducer.walkChildren(cell, [])
      reducer.flush()
      reducer.flushList()
      // paragraphs, lists and tables nested in the cell, as the editor's cells hold them
      const paragraphs = reducer.paragraphs()
      const span = (name: string): number =>
        Math.min(50, Math.max(1, Number.parseInt(cell.attribs?.[name] ?? '1', 10) || 1))
      cells.push({
        type: cell.name === 'th' ? NodeType.tableHeader : NodeType.tableCell,
        attrs: { colspan: span('colspan'), rowspan: span('rowspan') },
        content: paragraphs.length ? paragraphs : [{ type: NodeType.paragraph }],
      })
    }
    return { type: NodeType.tableRow, content: cells }
  }

  finish(): ImportBlock[] {
    this.flush()
    this.flushList()
    return this.blocks
  }
}

/**
 * Reduces HTML pasted from Word, WPS or a web page to editor nodes: headings, paragraphs, bold, lists, tables. Which
 * paragraph is a heading (h1–h4, Word heading styles, literal `一、`/`（一）` numbering, `■` themes, part titles, bold
 * lines) and where a run-in heading ends is decided by the import's `buildBody`, so a paste reads like an import of the
 * same text. Styles, classes, comments, `<o:p>`, scripts, event handlers, links and images are dropped — the output
 * is built from scratch, nothing of the input's markup survives.
 */
export function sanitizePastedHtml(html: string, options: SanitizeOptions = {}): DocNode[] {
  return readPastedHtml(html, options).nodes
}

/** What a paste brings: the nodes sanitizePastedHtml gives, and how many pictures it left out (for the notice). */
export interface PastedHtml {
  nodes: DocNode[]
  images: number
}

/** sanitizePastedHtml, counting the pictures the report cannot hold (`<img>`; Word's clipboard has one per picture). */
export function readPastedHtml(html: string, options: SanitizeOptions = {}): PastedHtml {
  const document = parseDocument(html, { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true })
  flattenDeepHtml(document.children as unknown as DeepHtmlNode[])
  const reducer = new Reducer(new FootnoteRegistry())
  reducer.walk({ type: 'root', name: '', children: document.children as unknown as HtmlNode[] }, [])
  const nodes = buildBody(reducer.finish(), {
    scheme: options.scheme ?? 'numbered',
    fragment: true,
    contextLevel: options.contextLevel,
  }).nodes
  return { nodes, images: reducer.found.images }
}

/**
 * One `<table>` of HTML (mammoth's output of a DOCX) as a table node the way a paste reads it: merged cells
 * (colspan/rowspan), paragraphs, lists and tables nested in cells, bold and sub/superscripts; note references in
 * cells go to `notes`; a numbered list in a cell keeps its source numbers from `listNumbers`. Undefined when the
 * table has no cell.
 */
export function htmlTableNode(
  html: string,
  notes: FootnoteRegistry,
  listNumbers?: Readonly<Record<string, SourceListNumber>>,
): DocNode | undefined {
  const document = parseDocument(html, { lowerCaseTags: true, lowerCaseAttributeNames: true, decodeEntities: true })
  const reducer = new Reducer(notes, { images: 0, ...(listNumbers ? { listNumbers } : {}) })
  reducer.walk({ type: 'root', name: '', children: document.children as unknown as HtmlNode[] }, [])
  return reducer.finish().find(block => block.node?.type === NodeType.table)?.node
}
