import { NodeType, paragraph, type DocNode } from '../document-model'
import { isFrontMatterEvidence } from './read-front-matter'
import { headingCandidate } from './heading-candidate'
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
  /** Blocks that may continue the previous line (no blank line between, no hard break before). */
  const continuing = new Set<ImportBlock>()
  let afterBlank = true
  let hardBreak = false
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index]!
    const lineNumber = index + 1
    let line = stripIndentation(raw)
    const mayContinue = !afterBlank && !hardBreak
    afterBlank = !line
    hardBreak = / {2,}$|\\$/.test(raw)
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
          node: {
            type: NodeType.bulletList,
            content: items.map(item => ({ type: NodeType.listItem, content: [paragraph(item)] })),
          },
          line: lineNumber,
        })
        continue
      }
      line = line.replace(/\\$/, '')
      const block = emphasis(line, lineNumber)
      if (mayContinue) continuing.add(block)
      blocks.push(block)
      continue
    }
    const block: ImportBlock = { text: line, line: lineNumber }
    if (mayContinue) continuing.add(block)
    blocks.push(block)
  }
  return joinWrappedHeadings(
    joinWrappedLines(blocks, continuing, options.markdown ? 20 : wrapWidth(blocks)),
    continuing,
  )
}

/** A line that can be the rest of a wrapped heading: short, no sentence punctuation, nothing of its own. */
function headingFragment(block: ImportBlock, continuing: ReadonlySet<ImportBlock>): boolean {
  return (
    continuing.has(block) &&
    !block.node &&
    block.markupLevel === undefined &&
    block.text.length <= 24 &&
    !/[。；;！!？?：:]/.test(block.text) &&
    !headingCandidate(block) &&
    !isFrontMatterEvidence(block)
  )
}

/**
 * A numbered or `■` heading wrapped over two or three short lines, as web outlines and PDF copies print them
 * (`（一）聚焦稳增长，` + `经济发展量质齐升`, or cut mid-phrase without a comma), becomes one heading line instead of a
 * heading cut to its first line and fragments taken for truncated paragraphs. A part title (`一、2023年工作回顾`) or a
 * run-in heading is complete and takes nothing.
 */
function joinWrappedHeadings(blocks: ImportBlock[], continuing: ReadonlySet<ImportBlock>): ImportBlock[] {
  const out: ImportBlock[] = []
  let joined = 0
  for (const block of blocks) {
    const previous = out[out.length - 1]
    const heading = previous && joined < 2 ? headingCandidate(previous) : undefined
    if (
      previous &&
      heading &&
      (heading.markerDepth !== undefined || heading.style === 'bullet') &&
      !heading.part &&
      !heading.body &&
      previous.markupLevel === undefined &&
      !/[。；;！!？?：:]$/.test(previous.text) &&
      previous.text.length + block.text.length <= 50 &&
      headingFragment(block, continuing)
    ) {
      out[out.length - 1] = { ...previous, text: previous.text + block.text }
      joined++
      continue
    }
    joined = 0
    out.push(block)
  }
  return out
}

/** A closing quote or bracket ends a sentence only after 。！？…: `持续深化“放管服”` at a wrap is mid-sentence. */
const sentenceEnd = /[。！？!?；;：:…][”’」』）)】》]*$/

/**
 * The width at which a plain text was hard-wrapped (copied from a PDF or a fixed-width editor): most long lines that
 * stop mid-sentence have the same length. Infinity when the text is not hard-wrapped.
 */
function wrapWidth(blocks: readonly ImportBlock[]): number {
  const open = blocks
    .filter(block => !block.node && block.text.length >= 20 && !sentenceEnd.test(block.text))
    .map(block => block.text.length)
  const long = blocks.filter(block => block.text.length >= 20).length
  if (open.length < 5 || open.length < long * 0.3) return Infinity
  const counts = new Map<number, number>()
  for (const length of open) counts.set(length, (counts.get(length) ?? 0) + 1)
  const [mode] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!
  const near = open.filter(length => Math.abs(length - mode) <= 1).length
  return near >= open.length * 0.6 ? mode - 1 : Infinity
}

/**
 * Joins a line into the previous one when the previous stops mid-sentence at the wrap width (Markdown: a soft line
 * break inside a long paragraph). Titles, front matter and headings are never joined; a paragraph cut by a newspaper
 * column (followed by a blank line or of another length) stays cut.
 */
function joinWrappedLines(
  blocks: ImportBlock[],
  continuing: ReadonlySet<ImportBlock>,
  minWidth: number,
): ImportBlock[] {
  if (!Number.isFinite(minWidth)) return blocks
  const out: ImportBlock[] = []
  for (const block of blocks) {
    const previous = out[out.length - 1]
    const plain = (candidate: ImportBlock): boolean =>
      !candidate.node && candidate.markupLevel === undefined && !candidate.bold
    if (
      previous &&
      continuing.has(block) &&
      plain(previous) &&
      plain(block) &&
      previous.text.length >= minWidth &&
      !sentenceEnd.test(previous.text) &&
      !headingCandidate(block) &&
      !isFrontMatterEvidence(block) &&
      !isFrontMatterEvidence(previous)
    ) {
      out[out.length - 1] = { ...previous, text: previous.text + block.text }
      continue
    }
    out.push(block)
  }
  return out
}
