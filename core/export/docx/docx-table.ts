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
import { inlineRuns } from './docx-runs'
import { styleIds } from './docx-styles'

const numberAttr = (node: DocNode, name: string): number => {
  const value = node.attrs?.[name]
  return typeof value === 'number' && value > 1 ? value : 1
}

/**
 * A full-width bordered table in 仿宋 (header cells 黑体, centred; numbers right-aligned; all cells centred
 * vertically) with the PDF's column widths (core/layout/table-columns.ts); header rows repeat on every page.
 */
export function docxTable(node: DocNode, options: { typeAreaWidth: number; latinTimes: boolean }): Table {
  const rows = (node.content ?? []).filter(row => row.type === NodeType.tableRow)
  const widths = tableColumnWidths(node, options.typeAreaWidth / 20).map(width => Math.floor(width * 20))
  const headerFont = runFonts(fontNames.heiTi, options.latinTimes)
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
        const blocks = cell.content?.length ? cell.content : [{ type: NodeType.paragraph }]
        const alignment = isHeader ? AlignmentType.CENTER : isNumberCell(cell) ? AlignmentType.RIGHT : undefined
        const paragraphs = blocks.map(
          block =>
            new Paragraph({
              style: styleIds.tableText,
              ...(alignment ? { alignment } : {}),
              children: inlineRuns(block.content, isHeader ? { font: headerFont } : {}) as ParagraphChild[],
            }),
        )
        return new TableCell({
          children: paragraphs,
          verticalAlign: VerticalAlign.CENTER,
          columnSpan: numberAttr(cell, 'colspan'),
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
