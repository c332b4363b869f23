import { MarkType, NodeType, type DocNode, type HeadingLevel, type PartRole } from '../document-model'
import { markerDepth, type NumberingScheme } from '../numbering'
import { isByline, isPhotoCredit } from '../report-language/newspaper'
import type { ImportBlock } from './import-block'
import { headingCandidate, type HeadingCandidate, type LiteralNumber } from './heading-candidate'
import { blockInline, mergeInline, sliceInline, withoutMark } from './inline-content'
import type { PartTitleInfo } from '../report-language/part-title'

export interface BodyOptions {
  /** The numbering scheme to use (paste: the report's); by default it follows what the text shows. */
  scheme?: NumberingScheme
  /**
   * A fragment (paste) rather than a whole report: markup levels are taken as they are (`<h3>` is level 3), the
   * first heading of a run may start at any number, bylines stay (the user chose what to paste), and headings
   * without number or markup continue below `contextLevel`, the heading the fragment lands under.
   */
  fragment?: boolean
  contextLevel?: HeadingLevel
}

export interface BodyResult {
  nodes: DocNode[]
  scheme: NumberingScheme
  /** Level-1 headings found (index into nodes, title, wording-based part info). */
  parts: Array<{ node: DocNode; title: string; info?: PartTitleInfo }>
  dropped: string[]
}

function clampLevel(level: number): HeadingLevel {
  return Math.min(4, Math.max(1, level)) as HeadingLevel
}

/** A Word heading broken with Shift+Enter (`（一）坚持党的全面领导，<br>确保……方向`) is one heading, not two. */
function joinBrokenHeadings(blocks: readonly ImportBlock[]): ImportBlock[] {
  const out: ImportBlock[] = []
  for (const block of blocks) {
    const previous = out[out.length - 1]
    if (
      previous &&
      block.brokenLine &&
      block.markupLevel !== undefined &&
      previous.markupLevel === block.markupLevel &&
      !block.node &&
      !previous.node
    ) {
      const joined: ImportBlock = { ...previous, text: previous.text + block.text }
      if (previous.inline || block.inline) joined.inline = [...blockInline(previous), ...blockInline(block)]
      out[out.length - 1] = joined
      continue
    }
    out.push(block)
  }
  return out
}

function paragraphNode(inline: DocNode[]): DocNode {
  const content = mergeInline(inline)
  return content.length ? { type: NodeType.paragraph, content } : { type: NodeType.paragraph }
}

function headingNode(level: HeadingLevel, inline: DocNode[], role: PartRole | null, runIn: boolean): DocNode {
  const content = mergeInline(withoutMark(inline, MarkType.bold))
  const node: DocNode = { type: NodeType.heading, attrs: { level, role, runIn } }
  if (content.length) node.content = content
  return node
}

/**
 * Turns body blocks into heading and paragraph nodes — the one place where import (text, Markdown, DOCX) and paste
 * decide what is a heading, at which level, and where a run-in heading ends. The numbering scheme comes from what the
 * text shows: an unnumbered year-part title (`2022年主要工作`) means `yearParts`, where the `一、` themes are level 2.
 * Paragraphs stay paragraphs: a lead sentence (`紧盯经济运行强化监督。听取审议……`) is body text, a bold lead-in keeps
 * its bold run. A heading whose literal number differs from the computed one keeps it as `sourceNumber`.
 */
export function buildBody(blocks: readonly ImportBlock[], options: BodyOptions = {}): BodyResult {
  const dropped: string[] = []
  const items: Array<{ block: ImportBlock; candidate?: HeadingCandidate }> = []
  for (const block of joinBrokenHeadings(blocks)) {
    if (!options.fragment && !block.node && (isByline(block.text) || isPhotoCredit(block.text))) {
      dropped.push(block.text)
      continue
    }
    items.push({ block, candidate: headingCandidate(block) })
  }
  const isUnnumberedPart = (candidate?: HeadingCandidate): boolean =>
    Boolean(candidate?.part && candidate.markerDepth === undefined && !candidate.body)
  // Only a year-part title (`2022年主要工作`, `过去一年工作回顾`) tells the scheme; `加强自身建设` may be a theme.
  const isYearPart = (candidate?: HeadingCandidate): boolean =>
    isUnnumberedPart(candidate) && Boolean(candidate!.part!.year !== undefined || candidate!.part!.relative)
  const scheme: NumberingScheme =
    options.scheme ?? (items.some(item => isYearPart(item.candidate)) ? 'yearParts' : 'numbered')
  const markerLevel = (depth: 1 | 2 | 3 | 4): HeadingLevel => clampLevel(scheme === 'yearParts' ? depth + 1 : depth)
  // Which markup level (Markdown `#` count, Word heading style) holds the parts: a part title tells it directly, a
  // numbered heading tells it through its marker, else the shallowest markup level does. A fragment keeps its levels.
  const markupLevels = items.filter(item => item.candidate?.markupLevel !== undefined)
  const partMarkupFromPart = markupLevels.find(item =>
    scheme === 'yearParts' ? isYearPart(item.candidate) : item.candidate!.part && item.candidate!.markerDepth === 1,
  )?.candidate!.markupLevel
  const numberedMarkup = markupLevels.find(item => item.candidate!.markerDepth !== undefined)?.candidate
  const partMarkup = options.fragment
    ? 1
    : (partMarkupFromPart ??
      (numberedMarkup ? numberedMarkup.markupLevel! - markerLevel(numberedMarkup.markerDepth!) + 1 : undefined) ??
      (markupLevels.length
        ? markupLevels.reduce((least, item) => Math.min(least, item.candidate!.markupLevel!), Infinity)
        : undefined))

  const nodes: DocNode[] = []
  const parts: BodyResult['parts'] = []
  const numbered: Array<{ node: DocNode; level: HeadingLevel; literal?: LiteralNumber }> = []
  let previousLevel: HeadingLevel | undefined = options.contextLevel
  let previousStyle: string | undefined
  for (const { block, candidate } of items) {
    if (block.node) {
      nodes.push(block.node)
      continue
    }
    if (!candidate) {
      nodes.push(paragraphNode(blockInline(block)))
      continue
    }
    // Literal numbering is the surest sign of a level; a heading style or `#` count comes next.
    let level: HeadingLevel
    if (isYearPart(candidate) || (scheme === 'yearParts' && isUnnumberedPart(candidate))) {
      level = 1
    } else if (candidate.markerDepth !== undefined) {
      level = markerLevel(candidate.markerDepth)
    } else if (candidate.markupLevel !== undefined && partMarkup !== undefined) {
      level = clampLevel(candidate.markupLevel - partMarkup + 1)
    } else if (previousLevel === undefined) {
      level = scheme === 'yearParts' ? 2 : 1
    } else if (previousStyle === candidate.style) {
      level = previousLevel
    } else {
      level = clampLevel(previousLevel + 1)
    }
    const role: PartRole | null = level === 1 ? (candidate.part?.role ?? null) : null
    const inline = blockInline(block)
    const node = headingNode(
      level,
      sliceInline(inline, candidate.titleFrom, candidate.titleTo),
      role,
      Boolean(candidate.body) || block.runIn === true,
    )
    nodes.push(node)
    if (candidate.bodyFrom !== undefined) nodes.push(paragraphNode(sliceInline(inline, candidate.bodyFrom)))
    if (level === 1) parts.push({ node, title: candidate.title, info: candidate.part })
    numbered.push({ node, level, literal: candidate.literal })
    previousLevel = level
    previousStyle = candidate.style
  }
  keepSourceNumbers(numbered, scheme, Boolean(options.fragment))
  return { nodes, scheme, parts, dropped }
}

/**
 * Numbers as written are evidence: a heading whose literal number is not the one the report now prints (a gap, a
 * repeat, a wrong order in the source: `（一）（二）（四）`) keeps it as `attrs.sourceNumber`, which TXT-SEQ-CONT
 * compares with the computed number until the user confirms or fixes it. In a fragment each run may start anywhere.
 */
function keepSourceNumbers(
  headings: ReadonlyArray<{ node: DocNode; level: HeadingLevel; literal?: LiteralNumber }>,
  scheme: NumberingScheme,
  fragment: boolean,
): void {
  const counters = [0, 0, 0, 0, 0]
  const offsets = [0, 0, 0, 0, 0]
  for (const { node, level, literal } of headings) {
    counters[level]!++
    for (let deeper = level + 1; deeper <= 4; deeper++) {
      counters[deeper] = 0
      offsets[deeper] = 0
    }
    const depth = markerDepth(scheme, level)
    const matches = literal !== undefined && literal.depth === depth
    if (fragment && counters[level] === 1 && matches) offsets[level] = literal.value - 1
    if (matches && literal.value !== counters[level]! + offsets[level]!)
      node.attrs = { ...node.attrs, sourceNumber: literal.typed }
  }
}
