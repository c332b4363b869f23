import { heading, paragraph, type DocNode, type HeadingLevel, type PartRole } from '../document-model'
import type { NumberingScheme } from '../numbering'
import { isByline, isPhotoCredit } from '../report-language/newspaper'
import type { ImportBlock } from './import-block'
import { headingCandidate, type HeadingCandidate } from './heading-candidate'
import type { PartTitleInfo } from '../report-language/part-title'

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

/** A lead sentence that is clearly a heading when it comes in a parallel series (`以更实举措提升履职实效。正文……`). */
function leadSentence(text: string): { title: string; body: string } | undefined {
  const end = text.indexOf('。')
  if (end < 4 || end > 26) return undefined
  const title = text.slice(0, end + 1)
  const body = text.slice(end + 1).trim()
  // dash items (`——理论武装持续加强。`) and enumerations (`一是……`) are emphasis inside a section, not headings
  if (body.length < 8 || /[，,；;：:“”"《》（）()]/.test(title) || /^(?:\d|[—–-]|[一二三四五六七八九十]是)/.test(title))
    return undefined
  return { title, body }
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
      out[out.length - 1] = { ...previous, text: previous.text + block.text }
      continue
    }
    out.push(block)
  }
  return out
}

/**
 * Turns body blocks into heading and paragraph nodes. The numbering scheme comes from what the text shows: an
 * unnumbered year-part title (`2022年主要工作`) means `yearParts`, where the `一、` themes are level 2.
 */
export function buildBody(blocks: readonly ImportBlock[]): BodyResult {
  const dropped: string[] = []
  const items: Array<{ block: ImportBlock; candidate?: HeadingCandidate }> = []
  for (const block of joinBrokenHeadings(blocks)) {
    if (!block.node && (isByline(block.text) || isPhotoCredit(block.text))) {
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
  const scheme: NumberingScheme = items.some(item => isYearPart(item.candidate)) ? 'yearParts' : 'numbered'
  const markerLevel = (depth: 1 | 2 | 3 | 4): HeadingLevel => clampLevel(scheme === 'yearParts' ? depth + 1 : depth)
  // Which markup level (Markdown `#` count, Word heading style) holds the parts: a part title tells it directly, a
  // numbered heading tells it through its marker, else the shallowest markup level does.
  const markupLevels = items.filter(item => item.candidate?.markupLevel !== undefined)
  const partMarkupFromPart = markupLevels.find(item =>
    scheme === 'yearParts' ? isYearPart(item.candidate) : item.candidate!.part && item.candidate!.markerDepth === 1,
  )?.candidate!.markupLevel
  const numberedMarkup = markupLevels.find(item => item.candidate!.markerDepth !== undefined)?.candidate
  const partMarkup =
    partMarkupFromPart ??
    (numberedMarkup ? numberedMarkup.markupLevel! - markerLevel(numberedMarkup.markerDepth!) + 1 : undefined) ??
    (markupLevels.length ? Math.min(...markupLevels.map(item => item.candidate!.markupLevel!)) : undefined)

  const nodes: DocNode[] = []
  const parts: BodyResult['parts'] = []
  let previousLevel: HeadingLevel | undefined
  let previousStyle: string | undefined
  for (const { block, candidate } of items) {
    if (block.node) {
      nodes.push(block.node)
      continue
    }
    if (!candidate) {
      nodes.push(paragraph(block.text))
      continue
    }
    // Literal numbering is the surest sign of a level; a heading style or `#` count comes next.
    let level: HeadingLevel
    if (scheme === 'yearParts' && isUnnumberedPart(candidate)) {
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
    const node = heading(level, candidate.title, { role, runIn: Boolean(candidate.body) })
    nodes.push(node)
    if (candidate.body) nodes.push(paragraph(candidate.body))
    if (level === 1) parts.push({ node, title: candidate.title, info: candidate.part })
    previousLevel = level
    previousStyle = candidate.style
  }
  return { nodes: splitParallelLeads(nodes), scheme, parts, dropped }
}

/**
 * Three or more consecutive paragraphs that each open with a short lead sentence (no comma) become run-in headings
 * one level below the section they sit in: the tasks of a newspaper digest (`以更高政治站位……。以更实举措……。`).
 */
function splitParallelLeads(nodes: DocNode[]): DocNode[] {
  const out: DocNode[] = []
  let level = 0
  let index = 0
  while (index < nodes.length) {
    const node = nodes[index]!
    if (node.type === 'heading') {
      level = Number(node.attrs?.level ?? 1)
      out.push(node)
      index++
      continue
    }
    let runEnd = index
    while (runEnd < nodes.length && nodes[runEnd]!.type === 'paragraph' && leadSentence(paragraphText(nodes[runEnd]!)))
      runEnd++
    const previous = out[out.length - 1]
    const afterRunIn = previous?.type === 'heading' && previous.attrs?.runIn === true
    if (runEnd - index >= 3 && level > 0 && level < 4 && !afterRunIn) {
      for (let position = index; position < runEnd; position++) {
        const lead = leadSentence(paragraphText(nodes[position]!))!
        out.push(heading(clampLevel(level + 1), lead.title, { runIn: true }), paragraph(lead.body))
      }
      index = runEnd
      continue
    }
    out.push(node)
    index++
  }
  return out
}

function paragraphText(node: DocNode): string {
  if (node.type !== 'paragraph' || !node.content) return ''
  if (node.content.some(child => child.type !== 'text' || child.marks?.length)) return ''
  return node.content.map(child => child.text ?? '').join('')
}
