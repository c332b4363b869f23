import {
  AlignmentType,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  VerticalAlign,
  WidthType,
  type ParagraphChild,
} from 'docx'
import { isNumberCell, tableColumnWidths } from '../../layout/table-columns'
import { NodeType, type DocNode } from '../../document-model'
import { fontNames, runFonts } from './docx-fonts'
import { listParagraphs, type ListState } from './docx-lists'
import { inlineRuns, type FootnoteIds } from './docx-runs'
import { styleIds } from './docx-styles'

const numberAttr = (node: DocNode, name: string): number => {
  const value = node.attrs?.[name]
  return typeof value === 'number' && value > 1 ? value : 1
}

export interface TableOptions {
  typeAreaWidth: number
  latinTimes: boolean
  footnotes?: FootnoteIds
  /** Numbering instances of the document's lists (lists in cells are numbered as the body's). */
  listState?: ListState
}

/** Twips a cell's margins take from its width (TableNormal: 108 left and right). */
const cellMargins = 216

/**
 * A cell's blocks: paragraphs (a heading in a cell prints as a paragraph), lists and nested tables, as the editor
 * and the PDF hold them. Word wants a cell to end with a paragraph: an empty one follows a nested table at the end.
 */
function cellChildren(
  cell: DocNode,
  width: number,
  options: TableOptions,
  isHeader: boolean,
): Array<Paragraph | Table> {
  const headerFont = runFonts(fontNames.heiTi, options.latinTimes)
  const alignment = isHeader ? AlignmentType.CENTER : isNumberCell(cell) ? AlignmentType.RIGHT : undefined
  const blocks = cell.content?.length ? cell.content : [{ type: NodeType.paragraph }]
  const children: Array<Paragraph | Table> = []
  for (const block of blocks) {
    if (block.type === NodeType.bulletList || block.type === NodeType.orderedList) {
      children.push(
        ...listParagraphs(block, options.listState ?? { nextInstance: 1 }, 0, {
          style: styleIds.tableText,
          footnotes: options.footnotes,
        }),
      )
    } else if (block.type === NodeType.table) {
      children.push(docxTable(block, { ...options, typeAreaWidth: Math.max(720, width - cellMargins) }))
    } else {
      children.push(
        new Paragraph({
          style: styleIds.tableText,
          ...(alignment ? { alignment } : {}),
          children: inlineRuns(block.content, {
            ...(isHeader ? { font: headerFont } : {}),
            footnotes: options.footnotes,
          }) as ParagraphChild[],
        }),
      )
    }
  }
  if (children.at(-1) instanceof Table) children.push(new Paragraph({ style: styleIds.tableText }))
  return children
}

/**
 * A full-width bordered table in 仿宋 (header cells 黑体, centred; numbers right-aligned; all cells centred
 * vertically) with the PDF's column widths (core/layout/table-columns.ts); header rows repeat on every page.
 * Merged cells are Word's w:gridSpan and w:vMerge; lists and tables in cells are kept.
 */
export function docxTable(node: DocNode, options: TableOptions): Table {
  const rows = (node.content ?? []).filter(row => row.type === NodeType.tableRow)
  const widths = tableColumnWidths(node, options.typeAreaWidth / 20).map(width => Math.floor(width * 20))
  const tableRows = rows.map((row, rowIndex) => {
    const cells = (row.content ?? []).filter(
      cell => cell.type === NodeType.tableCell || cell.type === NodeType.tableHeader,
    )
    const isHeaderRow = cells.length > 0 && cells.every(cell => cell.type === NodeType.tableHeader)
    const repeats =
      isHeaderRow &&
      rows.slice(0, rowIndex).every(previous => previous.content?.every(cell => cell.type === NodeType.tableHeader))
    return new TableRow({
      // Only written when on: mammoth reads any w:tblHeader, even w:val="off", as a header row.
      ...(repeats ? { tableHeader: true } : {}),
      children: cells.map(cell => {
        const isHeader = cell.type === NodeType.tableHeader
        const columnSpan = numberAttr(cell, 'colspan')
        // a nested table gets the width of an average column of this one times the cell's span
        const width = Math.floor((options.typeAreaWidth / Math.max(1, widths.length)) * columnSpan)
        return new TableCell({
          children: cellChildren(cell, width, options, isHeader),
          verticalAlign: VerticalAlign.CENTER,
          columnSpan,
          rowSpan: numberAttr(cell, 'rowspan'),
        })
      }),
    })
  })
  return new Table({
    style: styleIds.tableGrid,
    width: { size: options.typeAreaWidth, type: WidthType.DXA },
    columnWidths: widths,
    rows: tableRows,
  })
}
