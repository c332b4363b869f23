import { footnotesOf, NodeType, nodeText, type DocNode } from '../../document-model'
import { computeMarkers, markerDepth, type NumberingScheme } from '../../numbering'
import { listItemMarker } from '../../list-numbering'
import { withHeadBreaks } from '../../layout/head-breaks'
import {
  bodySizePt,
  firstLineIndentPt,
  letterSpacingPt,
  titleSizePt,
  tooShortToSplit,
  typeAreaTwips,
} from '../../layout/line-rules'
import { isNumberCell, tableColumnWidths } from '../../layout/table-columns'
import { escapeHtml } from './escape-html'
import { headLineFitPt } from '../head-line-fit'
import { headInlineHtml } from './head-lines'
import { inlineHtml, protectedText, type FootnoteNumbers } from './inline-html'
import { headingLevel } from '../../report-language/heading-level'

const headTypes: readonly string[] = [NodeType.reportTitle, NodeType.reportSubtitle, NodeType.speakerLine]

function paragraphHtml(node: DocNode, className: string, notes: FootnoteNumbers): string {
  const inner = inlineHtml(node.content, notes)
  return `<p class="${className}">${inner || '<br>'}</p>`
}

/** A body paragraph; one too short to split keeps together (line-rules.ts tooShortToSplit). */
function bodyHtml(node: DocNode, notes: FootnoteNumbers, text = nodeText(node)): string {
  return paragraphHtml(node, tooShortToSplit(text) ? 'body keep' : 'body', notes)
}

/** The heading's printed run: computed marker, then its text (a marker already typed in is not doubled). */
function headingRun(node: DocNode, marker: string, notes: FootnoteNumbers): string {
  const text = nodeText(node)
  const inner = inlineHtml(node.content, notes)
  const prefix = marker && !text.startsWith(marker) ? protectedText(marker) : ''
  return prefix + inner
}

/** A cell's blocks: paragraphs (a heading prints as one), lists and nested tables, as the DOCX has them. */
function cellHtml(cell: DocNode, notes: FootnoteNumbers): string {
  const tag = cell.type === NodeType.tableHeader ? 'th' : 'td'
  const span = (name: string): string => {
    const value = Number(cell.attrs?.[name])
    return Number.isInteger(value) && value > 1 && value < 1000 ? ` ${name}="${value}"` : ''
  }
  const number = tag === 'td' && isNumberCell(cell) ? ' class="num"' : ''
  const blocks = cell.content?.length ? cell.content : [{ type: NodeType.paragraph }]
  const inner = blocks
    .map(child => {
      if (child.type === NodeType.table) return tableHtml(child, notes)
      if (child.type === NodeType.bulletList || child.type === NodeType.orderedList) return listHtml(child, 0, notes)
      return paragraphHtml(child, 'cell', notes)
    })
    .join('')
  return `<${tag}${number}${span('colspan')}${span('rowspan')}>${inner}</${tag}>`
}

/** Full-width bordered table; leading all-header rows repeat on every page (as Word's header rows). */
function tableHtml(node: DocNode, notes: FootnoteNumbers): string {
  const rows = (node.content ?? []).filter(row => row.type === NodeType.tableRow)
  const isHeaderRow = (row: DocNode): boolean =>
    (row.content ?? []).length > 0 && (row.content ?? []).every(cell => cell.type === NodeType.tableHeader)
  let headerCount = 0
  while (headerCount < rows.length - 1 && isHeaderRow(rows[headerCount]!)) headerCount += 1
  const rowHtml = (row: DocNode): string =>
    `<tr>${(row.content ?? []).map(cell => cellHtml(cell, notes)).join('')}</tr>`
  // The DOCX's column widths (core/layout/table-columns.ts), as shares of the line.
  const widths = tableColumnWidths(node, typeAreaTwips / 20)
  const total = widths.reduce((sum, width) => sum + width, 0)
  const cols = `<colgroup>${widths.map(width => `<col style="width:${((width / total) * 100).toFixed(3)}%">`).join('')}</colgroup>`
  const head = headerCount ? `<thead>${rows.slice(0, headerCount).map(rowHtml).join('')}</thead>` : ''
  return `<table>${cols}${head}<tbody>${rows.slice(headerCount).map(rowHtml).join('')}</tbody></table>`
}

/** Lists as in the DOCX: marker then text, first line indented two characters, two more per level. */
function listHtml(node: DocNode, level: number, notes: FootnoteNumbers): string {
  const ordered = node.type === NodeType.orderedList
  let index = 0
  let out = ''
  for (const item of node.content ?? []) {
    if (item.type !== NodeType.listItem) continue
    let first = true
    for (const child of item.content ?? []) {
      if (child.type === NodeType.bulletList || child.type === NodeType.orderedList) {
        out += listHtml(child, Math.min(level + 1, 3), notes)
        continue
      }
      const inner = inlineHtml(child.content, notes) || '<br>'
      if (first) {
        const marker = ordered ? listItemMarker(node.attrs, level, index) : level % 2 === 0 ? '• ' : '◦ '
        out += `<p class="body list" style="margin-left:${level * firstLineIndentPt}pt"><span class="nb">${escapeHtml(marker)}</span>${inner}</p>`
      } else {
        out += `<p class="body list-more" style="margin-left:${(level + 1) * firstLineIndentPt}pt">${inner}</p>`
      }
      first = false
    }
    index += 1
  }
  return out
}

/**
 * HTML of the report body: front matter, headings with computed markers (fonts by marker depth),
 * run-in headings joined with their body paragraph, paragraphs, tables and lists.
 */
export function blocksHtml(doc: DocNode, scheme: NumberingScheme): string {
  const nodes = doc.content ?? []
  const footnotes = footnotesOf(doc)
  const notes: FootnoteNumbers = new Map(footnotes.map((note, index) => [note, index + 1]))
  const headingNodes = nodes.filter(node => node.type === NodeType.heading)
  const markers = computeMarkers(scheme, headingNodes.map(headingLevel))
  const markerOf = new Map(headingNodes.map((node, index) => [node, markers[index]!]))
  const parts: string[] = []
  for (let index = 0; index < nodes.length; index++) {
    const node = nodes[index]!
    const next = nodes[index + 1]
    // One blank line between the centred head (title, subtitle, speaker) and the salutation or body.
    const endsHead = headTypes.includes(node.type) && next !== undefined && !headTypes.includes(next.type)
    const last = endsHead ? ' fm-last' : ''
    switch (node.type) {
      case NodeType.reportTitle:
        parts.push(
          `<h1 class="title${last}">${headInlineHtml(withHeadBreaks(node, titleSizePt).content, notes) || '<br>'}</h1>`,
        )
        break
      case NodeType.reportSubtitle: {
        const squeeze = headLineFitPt(node)
        const style = squeeze ? ` style="letter-spacing: ${squeeze}pt"` : ''
        const lines = squeeze ? node : withHeadBreaks(node, bodySizePt, letterSpacingPt)
        parts.push(`<p class="subtitle${last}"${style}>${headInlineHtml(lines.content, notes) || '<br>'}</p>`)
        break
      }
      case NodeType.speakerLine:
        parts.push(paragraphHtml(node, `speaker${last}`, notes))
        break
      case NodeType.salutation:
        parts.push(paragraphHtml(node, `salutation${last}`, notes))
        break
      case NodeType.heading: {
        const level = headingLevel(node)
        const depth = markerDepth(scheme, level)
        // Fonts and the bold flag follow the printed level (an unnumbered year part counts as 一、).
        const className = `h d${depth} b${Math.max(1, depth)}`
        const run = headingRun(node, markerOf.get(node) ?? '', notes)
        if (node.attrs?.runIn === true && next?.type === NodeType.paragraph) {
          const keep = tooShortToSplit(nodeText(node) + nodeText(next)) ? ' keep' : ''
          // role=heading puts the run-in heading into the PDF outline (bookmarks) at its level, as Word's navigation pane lists it.
          const outline = `role="heading" aria-level="${level + 1}"`
          parts.push(
            `<p class="body runin${keep}"><span class="${className}" ${outline}>${run}</span>${inlineHtml(next.content, notes)}</p>`,
          )
          index += 1
        } else {
          parts.push(`<h${level + 1} class="${className}">${run || '<br>'}</h${level + 1}>`)
        }
        break
      }
      case NodeType.paragraph:
        parts.push(bodyHtml(node, notes))
        break
      case NodeType.table:
        parts.push(tableHtml(node, notes))
        break
      case NodeType.bulletList:
      case NodeType.orderedList:
        parts.push(listHtml(node, 0, notes))
        break
      case NodeType.guidance:
        break
      default:
        if (node.content) parts.push(paragraphHtml(node, 'body', notes))
    }
  }
  if (footnotes.length) parts.push(notesHtml(footnotes))
  return parts.join('\n')
}

/**
 * The footnotes after the body, under a short rule, numbered as their references. Before printing, the print page
 * moves each note to the foot of the page holding its reference (main/export/footnote-pages.ts, which Chromium runs
 * over DevTools with the page's own scripts off); a print without that step (the system print dialog) keeps this list.
 */
function notesHtml(footnotes: readonly DocNode[]): string {
  const items = footnotes.map((note, index) => {
    const text = typeof note.attrs?.text === 'string' ? note.attrs.text : ''
    return `<p class="note" data-note="${index + 1}"><sup class="fnref">${index + 1}</sup> ${protectedText(text)}</p>`
  })
  return `<section class="notes">${items.join('')}</section>`
}
