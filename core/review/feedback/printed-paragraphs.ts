import { collectBlocks } from '../../checks/collect-blocks'
import type { DocNode } from '../../document-model'
import type { NumberingScheme } from '../../numbering'
import { explodeInline, type InlineUnit } from '../inline-units'
import { insertionOfUnit, suggestionsOfUnit } from '../suggestion-attrs'

/** A textblock of the document as the projection sees it. */
export interface ProjectedBlock {
  path: number[]
  node: DocNode
  units: InlineUnit[]
}

/** Where a printed character comes from: a unit of a block, or nothing (a computed heading marker). */
export interface Origin {
  block: number
  unit: number
}

/**
 * A paragraph as the DOCX export prints it: a heading with its computed marker (`一、`) as text, a run-in
 * heading together with its body paragraph, every other textblock on its own. A returned copy's paragraphs
 * are compared with these, so markers and run-in headings line up.
 */
export interface PrintedParagraph {
  text: string
  /** For each character of `text`, where it comes from (null for a marker). */
  origins: Array<Origin | null>
  /** Index (into the projection's blocks) of the last block, where text typed at the end goes. */
  lastBlock: number
  /** Indexes of the blocks it is made of. */
  blocks: number[]
  headingLevel: number
  inTable: boolean
}

export interface Projection {
  blocks: ProjectedBlock[]
  paragraphs: PrintedParagraph[]
}

/** Which units a reader of the document sees (the view a returned copy is compared with). */
export type UnitFilter = (unit: InlineUnit) => boolean

/**
 * The view a returned copy `source` is compared with: the text before anyone else's pending insertions,
 * with its own earlier changes (untracked edits merged a moment ago) applied.
 */
export function viewOf(source: string | null): UnitFilter {
  return unit => {
    for (const ref of suggestionsOfUnit(unit)) {
      const own = source !== null && ref.source === source
      if (ref.kind === 'insertion' ? !own : own) return false
    }
    return true
  }
}

/** The view without any pending insertion: every pending suggestion rejected. */
export const originalView: UnitFilter = unit => !insertionOfUnit(unit)

export function projectDocument(doc: DocNode, scheme: NumberingScheme, include: UnitFilter): Projection {
  const blocks: ProjectedBlock[] = []
  const paragraphs: PrintedParagraph[] = []
  const textBlocks = collectBlocks(doc, scheme).filter(block => block.kind !== 'guidance')
  for (let index = 0; index < textBlocks.length; index++) {
    const block = textBlocks[index]!
    const parts = [block]
    const next = textBlocks[index + 1]
    if (
      block.kind === 'heading' &&
      block.runIn &&
      next?.kind === 'paragraph' &&
      next.path.length === 1 &&
      next.path[0] === block.path[0]! + 1
    ) {
      parts.push(next)
      index++
    }
    const paragraph: PrintedParagraph = {
      text: block.marker ?? '',
      origins: Array.from(block.marker ?? '', () => null),
      lastBlock: 0,
      blocks: [],
      headingLevel: block.kind === 'heading' ? (block.level ?? 1) : 0,
      inTable: block.kind === 'tableCell',
    }
    for (const part of parts) {
      const units = explodeInline(part.node.content)
      const blockIndex = blocks.push({ path: part.path, node: part.node, units }) - 1
      paragraph.blocks.push(blockIndex)
      paragraph.lastBlock = blockIndex
      units.forEach((unit, unitIndex) => {
        if (!unit.text || !include(unit)) return
        paragraph.text += unit.text
        paragraph.origins.push({ block: blockIndex, unit: unitIndex })
      })
    }
    paragraphs.push(paragraph)
  }
  return { blocks, paragraphs }
}
