import type { Node as PmNode } from '@tiptap/pm/model'
import { countHan } from '../../core/report-language/han'
import { headingLevel } from '../../core/report-language/heading-level'

export interface CharCount {
  /** 汉字. */
  han: number
  /** Every character except whitespace. */
  total: number
}

export interface PartCount extends CharCount {
  /** Top-level index of the part heading. */
  index: number
  title: string
}

export interface ReportCount extends CharCount {
  parts: PartCount[]
}

const spacePattern = /\s/gu

/** 汉字 as `countHan` counts them (〇 included), and every character but whitespace. */
export function countText(text: string): CharCount {
  const spaces = text.match(spacePattern)?.length ?? 0
  return { han: countHan(text), total: [...text].length - spaces }
}

export interface PartRange {
  index: number
  end: number
  title: string
}

/** Level-1 headings as part ranges (each runs to the next level-1 heading). */
export function headingParts(doc: PmNode): PartRange[] {
  const parts: PartRange[] = []
  doc.forEach((node, _offset, index) => {
    if (node.type.name !== 'heading' || headingLevel(node) !== 1) return
    if (parts.length) parts[parts.length - 1]!.end = index
    parts.push({ index, end: doc.childCount, title: node.textContent })
  })
  return parts
}

/**
 * 汉字 and total characters of the whole report and of each part (top-level ranges, heading
 * included; the structure analysis knows untitled parts such as the closing appeal). Guidance prompts do not count.
 */
export function countReport(doc: PmNode, parts: readonly PartRange[] = headingParts(doc)): ReportCount {
  const counts: CharCount[] = []
  const result: ReportCount = { han: 0, total: 0, parts: [] }
  doc.forEach(node => {
    const count = countText(node.textContent)
    counts.push(count)
    result.han += count.han
    result.total += count.total
  })
  for (const part of parts) {
    const sum: PartCount = { index: part.index, title: part.title, han: 0, total: 0 }
    for (let index = part.index; index < Math.min(part.end, counts.length); index++) {
      sum.han += counts[index]!.han
      sum.total += counts[index]!.total
    }
    result.parts.push(sum)
  }
  return result
}
