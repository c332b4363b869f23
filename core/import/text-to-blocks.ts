import { NodeType, paragraph, type DocNode } from '../document-model'
import { stripIndentation, type ImportBlock } from './import-block'

const markdownHeading = /^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$/
const markdownBullet = /^[-*+][ \t]+(.*)$/
const tableRow = /^\|.*\|$/
const tableRule = /^\|?[ \t]*:?-{2,}:?[ \t]*(\|[ \t]*:?-{2,}:?[ \t]*)*\|?$/
const boldWhole = /^\*\*(.+)\*\*$/
const boldLead = /^\*\*(.+?)\*\*(.+)$/

function tableCells(line: string): string[] {
  return line
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split('|')
    .map(cell => cell.trim())
}

function tableNode(rows: string[][], header: boolean): DocNode {
  return {
    type: NodeType.table,
    content: rows.map((cells, rowIndex) => ({
      type: NodeType.tableRow,
      content: cells.map(cell => ({
        type: header && rowIndex === 0 ? NodeType.tableHeader : NodeType.tableCell,
        content: [paragraph(cell)],
      })),
    })),
  }
}

/** Markdown emphasis marks around a whole line or a lead-in become `bold`/`boldPrefix`; the text keeps no `**`. */
function emphasis(text: string, line: number): ImportBlock {
  const whole = boldWhole.exec(text)
  if (whole && !whole[1]!.includes('**')) return { text: whole[1]!, bold: true, line }
  const lead = boldLead.exec(text)
  if (lead) return { text: lead[1]! + lead[2]!, boldPrefix: lead[1]!.length, line }
  return { text, line }
}

/**
 * Reads plain text or Markdown into blocks: one block per non-empty line (Chinese reports put one paragraph on a
 * line; a Markdown hard break also ends a block), Markdown `#` headings, `**bold**` lead-ins, pipe tables and bullets.
 */
export function textToBlocks(text: string, options: { markdown: boolean }): ImportBlock[] {
  const lines = text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/)
  const blocks: ImportBlock[] = []
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!
    const lineNumber = index + 1
    let line = stripIndentation(raw)
    if (!line) continue
    if (options.markdown) {
      const headingMatch = markdownHeading.exec(line)
      if (headingMatch) {
        const inner = emphasis(stripIndentation(headingMatch[2]!), lineNumber)
        if (inner.text) blocks.push({ text: inner.text, markupLevel: headingMatch[1]!.length, line: lineNumber })
        continue
      }
      if (tableRow.test(line) && index + 1 < lines.length && tableRule.test(stripIndentation(lines[index + 1]!))) {
        const rows = [tableCells(line)]
        index += 2
        while (index < lines.length && tableRow.test(stripIndentation(lines[index]!))) {
          rows.push(tableCells(stripIndentation(lines[index]!)))
          index++
        }
        index--
        blocks.push({ text: rows.map(row => row.join(' ')).join('\n'), node: tableNode(rows, true), line: lineNumber })
        continue
      }
      const bullet = markdownBullet.exec(line)
      if (bullet) {
        const items: string[] = [bullet[1]!]
        while (index + 1 < lines.length) {
          const next = markdownBullet.exec(stripIndentation(lines[index + 1]!))
          if (!next) break
          items.push(next[1]!)
          index++
        }
        blocks.push({
          text: items.join('\n'),
          node: { type: NodeType.bulletList, content: items.map(item => ({ type: NodeType.listItem, content: [paragraph(item)] })) },
          line: lineNumber,
        })
        continue
      }
      line = line.replace(/\\$/, '')
      blocks.push(emphasis(line, lineNumber))
      continue
    }
    blocks.push({ text: line, line: lineNumber })
  }
  return blocks
}
