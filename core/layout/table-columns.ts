import { NodeType, nodeText, type DocNode } from '../document-model'

/** Table text: 4号 (14 pt), cell padding 5.4 pt left and right (Word's default 108 twips). */
export const tableTextPt = 14
export const cellPaddingPt = 5.4
/** Table rules, in points: the DOCX writes eighths of a point (w:sz="6"). */
export const tableBorderPt = 0.75

/** Room for rules and glyphs a little wider than their em (bold, 黑体 digits) so that no renderer wraps a fitting cell. */
const slackPt = 4

const numberCell = /^[-+−]?[0-9][0-9,.]*\s*[%‰％]?$/

/** A cell that holds a number alone: set right-aligned, as figures in a column are compared by their ends. */
export function isNumberCell(cell: DocNode): boolean {
  return numberCell.test(nodeText(cell).trim())
}

/** Width in ems at the table size: ASCII half width, everything else full width. */
function textEm(text: string): number {
  let width = 0
  for (const character of text) width += /[\x20-\x7e]/.test(character) ? 0.5 : 1
  return width
}

const spanOf = (cell: DocNode): number => {
  const value = cell.attrs?.colspan
  return typeof value === 'number' && value > 1 ? value : 1
}

/**
 * Column widths in points for a table `totalPt` wide, the same for the PDF and the DOCX: the editor's widths
 * (colwidth) when every column has one; else each column as wide as its longest single-column cell needs
 * (header words kept whole), the rest of the line shared out in proportion, or — when the text needs more than
 * the line — every column narrowed in proportion but never below its header's width where that fits.
 */
export function tableColumnWidths(table: DocNode, totalPt: number): number[] {
  const rows = (table.content ?? []).filter(row => row.type === NodeType.tableRow)
  const first = rows[0]?.content ?? []
  const count = Math.max(
    1,
    first.reduce((sum, cell) => sum + spanOf(cell), 0),
  )
  const given: Array<number | null> = []
  for (const cell of first) {
    const colwidth = cell.attrs?.colwidth
    for (let index = 0; index < spanOf(cell); index++) {
      const width = Array.isArray(colwidth) ? colwidth[index] : undefined
      given.push(typeof width === 'number' && width > 0 ? width : null)
    }
  }
  if (given.length === count && given.every(width => width !== null)) {
    const sum = (given as number[]).reduce((total, width) => total + width, 0)
    return (given as number[]).map(width => (width / sum) * totalPt)
  }
  const need = Array.from({ length: count }, () => 0)
  const header = Array.from({ length: count }, () => 0)
  for (const row of rows) {
    let column = 0
    for (const cell of row.content ?? []) {
      const span = spanOf(cell)
      if (span === 1 && column < count) {
        const width = textEm(nodeText(cell)) * tableTextPt + 2 * cellPaddingPt + slackPt
        need[column] = Math.max(need[column]!, width)
        if (cell.type === NodeType.tableHeader) header[column] = Math.max(header[column]!, width)
      }
      column += span
    }
  }
  const minimum = 2 * tableTextPt + 2 * cellPaddingPt
  const natural = need.map(width => Math.max(width, minimum))
  const sum = natural.reduce((total, width) => total + width, 0)
  if (sum <= totalPt) return natural.map(width => (width / sum) * totalPt)
  const floors = header.map(width => Math.max(width, minimum))
  const floorSum = floors.reduce((total, width) => total + width, 0)
  if (floorSum >= totalPt) return floors.map(width => (width / floorSum) * totalPt)
  // Narrow the columns above their floors in proportion to what they have above it.
  const above = natural.map((width, index) => width - floors[index]!)
  const aboveSum = above.reduce((total, width) => total + width, 0)
  const spare = totalPt - floorSum
  return floors.map((floor, index) => floor + (above[index]! / aboveSum) * spare)
}
