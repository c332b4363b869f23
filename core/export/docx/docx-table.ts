import { AlignmentType, Paragraph, Table, TableCell, TableRow, WidthType, type ParagraphChild } from 'docx'
import { NodeType, type DocNode } from '../../document-model'
import { fontNames, runFonts } from './docx-fonts'
import { inlineRuns } from './docx-runs'
import { styleIds } from './docx-styles'

const numberAttr = (node: DocNode, name: string): number => {
  const value = node.attrs?.[name]
  return typeof value === 'number' && value > 1 ? value : 1
}

/** Column widths in twips: TipTap's colwidth (px) proportionally when every column has one, else equal. */
function columnWidths(firstRow: DocNode | undefined, totalWidth: number): number[] {
  const widths: Array<number | null> = []
  for (const cell of firstRow?.content ?? []) {
    const colwidth = cell.attrs?.colwidth
    const span = numberAttr(cell, 'colspan')
    for (let index = 0; index < span; index++) {
      const width = Array.isArray(colwidth) ? colwidth[index] : undefined
      widths.push(typeof width === 'number' && width > 0 ? width : null)
    }
  }
  const count = Math.max(1, widths.length)
  if (widths.every(width => width !== null) && widths.length > 0) {
    const sum = (widths as number[]).reduce((total, width) => total + width, 0)
    return (widths as number[]).map(width => Math.floor((width / sum) * totalWidth))
  }
  return Array.from({ length: count }, () => Math.floor(totalWidth / count))
}

/** A full-width bordered table in 仿宋 (header cells 黑体, centred); header rows repeat on every page. */
export function docxTable(node: DocNode, options: { typeAreaWidth: number; latinTimes: boolean }): Table {
  const rows = (node.content ?? []).filter(row => row.type === NodeType.tableRow)
  const widths = columnWidths(rows[0], options.typeAreaWidth)
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
        const paragraphs = blocks.map(
          block =>
            new Paragraph({
              style: styleIds.tableText,
              ...(isHeader ? { alignment: AlignmentType.CENTER } : {}),
              children: inlineRuns(block.content, isHeader ? { font: headerFont } : {}) as ParagraphChild[],
            }),
        )
        return new TableCell({
          children: paragraphs,
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
