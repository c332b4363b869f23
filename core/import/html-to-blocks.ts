import { Parser } from 'htmlparser2'
import { MarkType, NodeType, paragraph, textNode, type DocNode } from '../document-model'
import { stripIndentation, type ImportBlock } from './import-block'
import { headingCandidate } from './heading-candidate'
import { blockInline, mergeInline } from './inline-content'

const bold = [{ type: MarkType.bold }]

interface Run {
  text: string
  bold: boolean
}

interface TableBuild {
  rows: DocNode[]
  row: DocNode[] | null
  cell: { header: boolean; paragraphs: string[] } | null
}

const headingTags: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 4, h6: 4 }
const boldTags = new Set(['strong', 'b'])
const paragraphTags = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'div', 'blockquote', 'dt', 'dd'])
const skipTags = new Set(['script', 'style', 'head', 'title', 'template', 'noscript'])

/**
 * Reads mammoth's HTML (Word paragraphs as `<p>`, heading styles as `<h1>`–`<h4>`, `<strong>` for bold runs,
 * `<table>`, `<ol>/<ul>`) into import blocks. Only text, bold and table structure survive; nothing else of the HTML.
 */
export function htmlToBlocks(html: string): ImportBlock[] {
  const blocks: ImportBlock[] = []
  let runs: Run[] = []
  let markupLevel: number | undefined
  let boldDepth = 0
  let skipDepth = 0
  /** Kinds of the open lists, innermost last. */
  const lists: Array<'ol' | 'ul'> = []
  let table: TableBuild | null = null
  let tableDepth = 0
  let count = 0
  let listItems: ImportBlock[] = []

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
      if (!line) continue
      count++
      const trimmedRuns = sliceRuns(lineRuns, leading, leading + line.length)
      const block: ImportBlock = { text: line, line: count }
      if (markupLevel !== undefined) block.markupLevel = markupLevel
      if (emitted) block.brokenLine = true
      emitted = true
      const visible = trimmedRuns.filter(run => run.text.trim())
      let prefixRuns = 0
      if (visible.length && visible.every(run => run.bold)) block.bold = true
      else if (visible[0]?.bold) {
        let prefix = 0
        for (const run of trimmedRuns) {
          if (!run.bold && run.text.trim()) break
          prefix += run.text.length
          prefixRuns++
        }
        block.boldPrefix = prefix
      }
      // bold further on in the paragraph (`全年开展执法检查<strong>4</strong>次`) is kept as it was
      if (!block.bold && trimmedRuns.slice(prefixRuns).some(run => run.bold && run.text.trim()))
        block.inline = trimmedRuns.filter(run => run.text).map(run => textNode(run.text, run.bold ? bold : undefined))
      // Word's automatic numbering reaches us as <ol><li> without its `（一）`: heading detection decides whether a
      // numbered item is an auto-numbered heading.
      if (lists[lists.length - 1] === 'ol' && markupLevel === undefined) block.ordered = true
      if (lists.length > 0 && markupLevel === undefined && !headingCandidate(block)) {
        listItems.push(block)
        continue
      }
      flushList()
      blocks.push(block)
    }
    runs = []
  }
  const flushList = (): void => {
    if (!listItems.length) return
    count++
    blocks.push({
      text: listItems.map(item => item.text).join('\n'),
      node: {
        type: NodeType.bulletList,
        content: listItems.map(item => ({
          type: NodeType.listItem,
          content: [{ type: NodeType.paragraph, content: mergeInline(blockInline(item)) }],
        })),
      },
      line: count,
    })
    listItems = []
  }

  const parser = new Parser(
    {
      onopentag(name) {
        if (skipTags.has(name)) {
          skipDepth++
          return
        }
        if (table) {
          if (name === 'table') tableDepth++
          else if (name === 'tr' && tableDepth === 1) table.row = []
          else if ((name === 'td' || name === 'th') && tableDepth === 1) {
            table.cell = { header: name === 'th', paragraphs: [] }
            runs = []
          } else if (name === 'br') runs.push({ text: '\n', bold: false })
          else if (name === 'p' && table.cell && runs.length) {
            table.cell.paragraphs.push(runs.map(run => run.text).join(''))
            runs = []
          }
          return
        }
        if (name === 'table') {
          if (runs.length) flushLines()
          flushList()
          table = { rows: [], row: null, cell: null }
          tableDepth = 1
          return
        }
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
        if (skipDepth) return
        runs.push({ text: text.replace(/[\r\n\t]+/g, ' '), bold: boldDepth > 0 })
      },
      onclosetag(name) {
        if (skipTags.has(name)) {
          skipDepth = Math.max(0, skipDepth - 1)
          return
        }
        if (table) {
          if (name === 'table') {
            tableDepth--
            if (tableDepth === 0) {
              count++
              const node: DocNode = { type: NodeType.table, content: table.rows }
              blocks.push({
                text: table.rows.map(row => (row.content ?? []).map(cellText).join(' ')).join('\n'),
                node,
                line: count,
              })
              table = null
              runs = []
            }
          } else if ((name === 'td' || name === 'th') && tableDepth === 1 && table.cell && table.row) {
            const rest = runs.map(run => run.text).join('')
            if (rest.trim()) table.cell.paragraphs.push(rest)
            runs = []
            const paragraphs = table.cell.paragraphs
              .flatMap(text => text.split('\n'))
              .map(stripIndentation)
              .filter(Boolean)
            table.row.push({
              type: table.cell.header ? NodeType.tableHeader : NodeType.tableCell,
              content: paragraphs.length ? paragraphs.map(paragraph) : [paragraph('')],
            })
            table.cell = null
          } else if (name === 'tr' && tableDepth === 1 && table.row) {
            if (table.row.length) table.rows.push({ type: NodeType.tableRow, content: table.row })
            table.row = null
          }
          return
        }
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
  return blocks
}

function cellText(cell: DocNode): string {
  return (cell.content ?? []).map(child => (child.content ?? []).map(text => text.text ?? '').join('')).join(' ')
}

function sliceRuns(runs: readonly Run[], from: number, to: number): Run[] {
  const out: Run[] = []
  let position = 0
  for (const run of runs) {
    const start = position
    const end = position + run.text.length
    position = end
    if (end <= from || start >= to) continue
    out.push({ text: run.text.slice(Math.max(0, from - start), Math.min(run.text.length, to - start)), bold: run.bold })
  }
  return out
}
