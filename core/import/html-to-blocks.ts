import { Parser } from 'htmlparser2'
import { listFormats } from '../list-numbering'
import { MarkType, nodeText, textNode, type DocMark, type DocNode } from '../document-model'
import { htmlTableNode } from '../reuse/sanitize-pasted-html'
import { FootnoteRegistry } from './footnote-registry'
import { stripIndentation, type ImportBlock } from './import-block'
import { headingCandidate } from './heading-candidate'
import { listBlocks, printedListNumber, type ListEntry, type SourceListNumber } from './list-blocks'

interface Run {
  text: string
  bold: boolean
  script?: 'subscript' | 'superscript'
  /** A note reference: its text is NOTE, one character standing for the footnote node. */
  note?: DocNode
}

/** Stands for a footnote reference in a line's text while the line is cut and trimmed; never kept. */
const NOTE = '\uE010'
const notePlaceholders = /\uE010/gu

function runNode(run: Run): DocNode {
  if (run.note) return run.note
  const marks: DocMark[] = []
  if (run.bold) marks.push({ type: MarkType.bold })
  if (run.script) marks.push({ type: run.script })
  return textNode(run.text, marks)
}

/** What the DOCX said beside mammoth's HTML. */
export interface HtmlSource {
  /** Drop caps (首字下沉) in reading order: each is a paragraph of its own in the HTML, joined back to the next. */
  dropCaps?: readonly string[]
  /** The numbers of the DOCX's numbered paragraphs, by the id of the anchor each paragraph's `<li>` opens with. */
  listNumbers?: Readonly<Record<string, SourceListNumber>>
}

export interface HtmlReading {
  blocks: ImportBlock[]
  /** zh-CN notices of what the model could not keep or kept in another form (images, notes without text). */
  notices: string[]
}

/** The last few characters of a text, to say where something stood (`“……全年召开会议11次。”之后`). */
function after(text: string): string {
  const tail = text.replace(/\s+/gu, '').slice(-12)
  return tail ? `“${text.length > 12 ? '……' : ''}${tail}”之后` : '文首'
}

const headingTags: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 4, h6: 4 }
const boldTags = new Set(['strong', 'b'])
const paragraphTags = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'div', 'blockquote', 'dt', 'dd'])
const skipTags = new Set(['script', 'style', 'head', 'title', 'template', 'noscript'])

/** The blocks of mammoth's HTML (see readHtml). */
export function htmlToBlocks(html: string): ImportBlock[] {
  return readHtml(html).blocks
}

/**
 * Reads mammoth's HTML (Word paragraphs as `<p>`, heading styles as `<h1>`–`<h4>`, `<strong>` for bold runs,
 * `<sub>`/`<sup>`, note references and the notes' list, `<table>`, `<ol>/<ul>`) into import blocks. Text, bold,
 * sub/superscripts, footnotes, lists and tables (merged cells, lists and tables in cells) survive; images do not
 * and are named in the notices.
 */
export function readHtml(html: string, source: HtmlSource = {}): HtmlReading {
  const blocks: ImportBlock[] = []
  let runs: Run[] = []
  let markupLevel: number | undefined
  let boldDepth = 0
  let subDepth = 0
  let supDepth = 0
  let skipDepth = 0
  /** Inside a note reference's link (its `[1]` is not text) or a link back from a note (`↑`). */
  let anchorDepth = 0
  /** Kinds of the open lists, innermost last. */
  const lists: Array<'ol' | 'ul'> = []
  /** The outer table being skipped over (read whole from its HTML when it closes). */
  let table: { start: number; depth: number } | null = null
  /** The note being read (mammoth's `<li id="footnote-1">`). */
  let note: { key: string; tag: string; depth: number; text: string } | null = null
  const notes = new FootnoteRegistry()
  const images: string[] = []
  let count = 0
  let listItems: ListEntry[] = []
  const listNumbers = source.listNumbers ?? {}
  /** The source number of the paragraph being read (its `<a id>` came first). */
  let paragraphNumber: SourceListNumber | undefined
  const dropCaps = [...(source.dropCaps ?? [])]
  /** A drop cap waiting for the paragraph it belongs to. */
  let heldCap: Run[] | null = null
  const joinedCaps: string[] = []
  const lastText = (): string =>
    runs
      .map(run => run.text)
      .join('')
      .replace(notePlaceholders, '') ||
    (blocks.at(-1)?.text ?? '')

  const flushLines = (): void => {
    const text = runs.map(run => run.text).join('')
    const lines = text.split('\n')
    let offset = 0
    let emitted = false
    for (const rawLine of lines) {
      const lineRuns = sliceRuns(runs, offset, offset + rawLine.length)
      offset += rawLine.length + 1
      const leading = rawLine.length - rawLine.replace(/^[\s\u3000\u00a0\ufeff]+/, '').length
      const line = stripIndentation(rawLine)
      if (!line.replace(notePlaceholders, '')) continue
      count++
      let trimmedRuns = sliceRuns(lineRuns, leading, leading + line.length)
      const lineText = line.replace(notePlaceholders, '')
      if (dropCaps.length && !emitted && lineText === dropCaps[0] && rawLines(runs) === 1) {
        dropCaps.shift()
        heldCap = trimmedRuns.filter(run => run.text)
        count--
        continue
      }
      if (heldCap) {
        // the cap's runs go before the paragraph's, marks kept
        const capText = heldCap.map(run => run.text).join('')
        joinedCaps.push(`“${capText}”（${capText}${lineText.slice(0, 8)}……）`)
        trimmedRuns = [...heldCap, ...trimmedRuns]
        heldCap = null
      }
      const block: ImportBlock = {
        text: trimmedRuns
          .map(run => run.text)
          .join('')
          .replace(notePlaceholders, ''),
        line: count,
      }
      if (markupLevel !== undefined) block.markupLevel = markupLevel
      if (emitted) block.brokenLine = true
      emitted = true
      const visible = trimmedRuns.filter(run => !run.note && run.text.trim())
      let prefixRuns = 0
      if (visible.length && visible.every(run => run.bold)) block.bold = true
      else if (visible[0]?.bold) {
        let prefix = 0
        for (const run of trimmedRuns) {
          if (run.note) break
          if (!run.bold && run.text.trim()) break
          prefix += run.text.length
          prefixRuns++
        }
        block.boldPrefix = prefix
      }
      // bold further on in the paragraph (`全年开展执法检查<strong>4</strong>次`), sub/superscripts (`12万m²`) and
      // note references are kept as they were
      if (
        trimmedRuns.some(run => run.note || run.script) ||
        (!block.bold && trimmedRuns.slice(prefixRuns).some(run => run.bold && run.text.trim()))
      )
        block.inline = trimmedRuns.filter(run => run.text).map(runNode)
      // Word's automatic numbering reaches us as <ol><li> without its `（一）`: heading detection decides whether a
      // numbered item is an auto-numbered heading.
      if (lists[lists.length - 1] === 'ol' && markupLevel === undefined) block.ordered = true
      if (block.ordered && paragraphNumber && !block.brokenLine) block.sourceMarker = printedListNumber(paragraphNumber)
      if (lists.length > 0 && markupLevel === undefined && !headingCandidate(block)) {
        listItems.push({
          block,
          depth: lists.length,
          kind: lists[lists.length - 1]!,
          ...(paragraphNumber && !block.brokenLine ? { number: paragraphNumber } : {}),
          ...(block.brokenLine ? { continuation: true } : {}),
        })
        continue
      }
      flushList()
      blocks.push(block)
    }
    runs = []
    paragraphNumber = undefined
  }
  const flushList = (): void => {
    if (!listItems.length) return
    for (const block of listBlocks(listItems, () => ++count)) blocks.push(block)
    listItems = []
  }

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        if (skipTags.has(name)) {
          skipDepth++
          return
        }
        if (table) {
          if (name === 'table') table.depth++
          else if (name === 'img') images.push('表格中')
          return
        }
        if (note) {
          if (name === note.tag) note.depth++
          if (name === 'a' && notes.isBackLink(attribs.href)) anchorDepth++
          return
        }
        const noteKey = notes.noteKey(attribs)
        if (noteKey) {
          if (runs.length) flushLines()
          note = { key: noteKey, tag: name, depth: 1, text: '' }
          return
        }
        if (name === 'table') {
          if (runs.length) flushLines()
          flushList()
          table = { start: parser.startIndex, depth: 1 }
          return
        }
        if (name === 'img') {
          images.push(after(lastText()))
          return
        }
        if (name === 'a') {
          const number =
            attribs.id !== undefined && Object.hasOwn(listNumbers, attribs.id) ? listNumbers[attribs.id] : undefined
          if (number) paragraphNumber = number
          const reference = notes.reference(attribs.href)
          if (reference) {
            runs.push({ text: NOTE, bold: false, note: reference })
            anchorDepth++
            return
          }
          if (notes.isBackLink(attribs.href)) anchorDepth++
        }
        if (name === 'sub') subDepth++
        if (name === 'sup') supDepth++
        if (name === 'ul' || name === 'ol') {
          if (runs.length) flushLines()
          lists.push(name)
        }
        if (boldTags.has(name)) boldDepth++
        if (name === 'br') runs.push({ text: '\n', bold: false })
        if (paragraphTags.has(name)) {
          if (runs.length) flushLines()
          markupLevel = headingTags[name]
        }
      },
      ontext(text) {
        if (skipDepth || table || anchorDepth) return
        if (note) {
          note.text += text
          return
        }
        const run: Run = { text: text.replace(/[\r\n\t]+/g, ' '), bold: boldDepth > 0 }
        // the innermost of <sub>/<sup> wins; mammoth never nests them
        if (subDepth || supDepth) run.script = supDepth > subDepth ? 'superscript' : 'subscript'
        runs.push(run)
      },
      onclosetag(name) {
        if (skipTags.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1)
          return
        }
        if (table) {
          if (name === 'table' && --table.depth === 0) {
            const node = htmlTableNode(html.slice(table.start, parser.endIndex + 1), notes, listNumbers)
            table = null
            if (node) {
              count++
              blocks.push({ text: tableText(node), node, line: count })
            }
          }
          return
        }
        if (note) {
          if (name === 'a' && anchorDepth) anchorDepth--
          if (name === note.tag && --note.depth === 0) {
            notes.note(note.key, note.text)
            note = null
          }
          return
        }
        if (name === 'a' && anchorDepth) anchorDepth--
        if (name === 'sub') subDepth = Math.max(0, subDepth - 1)
        if (name === 'sup') supDepth = Math.max(0, supDepth - 1)
        if (boldTags.has(name)) boldDepth = Math.max(0, boldDepth - 1)
        if (paragraphTags.has(name)) {
          if (runs.length) flushLines()
          markupLevel = undefined
        }
        if (name === 'ul' || name === 'ol') {
          lists.pop()
          if (lists.length === 0) flushList()
        }
      },
    },
    { decodeEntities: true },
  )
  parser.write(html)
  parser.end()
  if (runs.length) flushLines()
  flushList()
  const notices: string[] = []
  if (images.length)
    notices.push(
      `已忽略 ${images.length} 张图片（${summarisePlaces(images)}）：报告中不能放图片，请在导出后的 Word 文档中另行插入。`,
    )
  if (joinedCaps.length) notices.push(`首字下沉已并回所在段落：${joinedCaps.join('、')}。`)
  const missing = notes.missing()
  if (missing) notices.push(`有 ${missing} 处脚注引用找不到脚注内容，已保留为空脚注，请在编辑器中补写或删除。`)
  // numbers in a format this app cannot write (`japaneseCounting`…) keep their values and print as 1, 2, 3
  const unknown = new Set(
    Object.values(listNumbers)
      .map(number => number.format)
      .filter(
        format => format !== 'none' && format !== 'bullet' && !(listFormats as readonly string[]).includes(format),
      ),
  )
  if (unknown.size)
    notices.push(
      `有编号列表使用了本软件不支持的编号格式（${[...unknown].join('、')}），编号的数值已保留，但按阿拉伯数字（1、2、3）显示和导出。如需原格式，请在导出后的 Word 文档中调整。`,
    )
  return { blocks, notices }
}

/** Places as a list, repeated places counted (`表格中 2 张；“……”之后`). */
/** Lines the runs make (a paragraph broken with <br> is several). */
function rawLines(runs: readonly Run[]): number {
  return runs
    .map(run => run.text)
    .join('')
    .split('\n')
    .filter(line => line.trim()).length
}

function summarisePlaces(places: readonly string[]): string {
  const counts = new Map<string, number>()
  for (const place of places) counts.set(place, (counts.get(place) ?? 0) + 1)
  return [...counts].map(([place, count]) => (count > 1 ? `${place} ${count} 张` : place)).join('；')
}

/** The text of a table, cell by cell (`nodeText` of each cell, cells joined with a space, rows with a newline). */
function tableText(table: DocNode): string {
  return (table.content ?? []).map(row => (row.content ?? []).map(nodeText).join(' ')).join('\n')
}

function sliceRuns(runs: readonly Run[], from: number, to: number): Run[] {
  const out: Run[] = []
  let position = 0
  for (const run of runs) {
    const start = position
    const end = position + run.text.length
    position = end
    if (end <= from || start >= to) continue
    out.push({ ...run, text: run.text.slice(Math.max(0, from - start), Math.min(run.text.length, to - start)) })
  }
  return out
}
