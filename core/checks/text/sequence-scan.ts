import type { HeadingLevel } from '../../document-model'
import { markerDepth, parseChineseNumeral, type NumberingScheme } from '../../numbering'
import type { CheckContext, TextBlock } from '../rule'

/**
 * Literal sequence numbers typed at the start of paragraphs (`一、` `（一）` `1.` `（1）` `①`), read in
 * document order together with the computed heading markers. Shared by PUN-SEQ-MARK, TXT-SEQ-CONT,
 * TXT-SEQ-LEVEL and TXT-SEQ-MIXED.
 */
export interface LiteralMarker {
  block: TextBlock
  /** Offset of the marker (after leading spaces) and its end (after its mark). */
  from: number
  to: number
  /** 1 `一、`, 2 `（一）`, 3 `1.`, 4 `（1）`, 5 `①`. */
  depth: 1 | 2 | 3 | 4 | 5
  value: number
  /** Marker with the number replaced by `N` and ASCII parentheses normalised: `N、`, `（N）`, `N.` … */
  form: string
  /** The form is the one GB/T 9704 prescribes for its depth (`N．` is accepted as `N.`'s full-width twin). */
  formOk: boolean
  /** Key of the run of siblings the marker belongs to (same depth, same parent). */
  sequence: string
  /** Expected value when the marker does not continue its sequence; undefined when it does. */
  expected?: number
  /** Level problem: 'before-parent' (（一） before any 一、), 'skip' (two levels skipped), 'reverse' (（一） under 1.). */
  levelProblem?: 'before-parent' | 'skip' | 'reverse'
}

export interface SequenceScan {
  markers: LiteralMarker[]
  /** Heading level problems: heading blocks whose level jumps. */
  headingJumps: Array<{ block: TextBlock; previous: number }>
  /** Headings whose typed text starts with a number of its own (printed after the computed marker). */
  headingLiterals: Array<{ block: TextBlock; from: number; to: number }>
}

const leading =
  /^[ \u3000]*(?:([一二三四五六七八九十]{1,3})([、，,.．])|[（(]([一二三四五六七八九十]{1,3})[）)]([、，,.．]?)|(\d{1,2})([.．、，,])(?!\d)|[（(](\d{1,2})[）)]([、，,.．]?)|([①-⑳])([、，,.．]?))/

const circled = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'

export function parseLiteralMarker(text: string): Omit<LiteralMarker, 'block' | 'sequence'> | undefined {
  const match = leading.exec(text)
  if (!match) return undefined
  const from = match[0].length - match[0].trimStart().length
  const to = match[0].length
  if (match[1]) {
    const value = parseChineseNumeral(match[1])
    if (value === undefined) return undefined
    return { from, to, depth: 1, value, form: `N${match[2]}`, formOk: match[2] === '、' }
  }
  if (match[3]) {
    const value = parseChineseNumeral(match[3])
    if (value === undefined) return undefined
    return { from, to, depth: 2, value, form: `（N）${match[4]}`, formOk: match[4] === '' }
  }
  if (match[5])
    return {
      from,
      to,
      depth: 3,
      value: Number(match[5]),
      form: `N${match[6]}`,
      formOk: match[6] === '.' || match[6] === '．',
    }
  if (match[7])
    return { from, to, depth: 4, value: Number(match[7]), form: `（N）${match[8]}`, formOk: match[8] === '' }
  return { from, to, depth: 5, value: circled.indexOf(match[9]!) + 1, form: `①${match[10]}`, formOk: match[10] === '' }
}

const cache = new WeakMap<CheckContext, SequenceScan>()

export function scanSequences(context: CheckContext): SequenceScan {
  const cached = cache.get(context)
  if (cached) return cached
  const scheme: NumberingScheme = context.report.meta.numbering ?? 'numbered'
  const counters = [0, 0, 0, 0, 0, 0]
  const generation = [0, 0, 0, 0, 0, 0]
  let current = 0
  let previousHeading = 0
  const scan: SequenceScan = { markers: [], headingJumps: [], headingLiterals: [] }
  const resetBelow = (depth: number): void => {
    for (let deeper = depth + 1; deeper <= 5; deeper++) {
      if (counters[deeper] !== 0) generation[deeper]!++
      counters[deeper] = 0
    }
  }
  for (const block of context.blocks) {
    if (block.kind === 'heading') {
      const level = (block.level ?? 1) as HeadingLevel
      if ((previousHeading === 0 && level >= 2) || level > previousHeading + 2)
        scan.headingJumps.push({ block, previous: previousHeading })
      previousHeading = level
      const typed = parseLiteralMarker(block.text)
      if (typed && typed.to < block.text.length) scan.headingLiterals.push({ block, from: typed.from, to: typed.to })
      const depth = markerDepth(scheme, level)
      if (depth > 0) {
        counters[depth] = counters[depth]! + 1
      }
      resetBelow(depth)
      current = depth
      continue
    }
    if (block.kind !== 'paragraph' && block.kind !== 'listItem') continue
    const parsed = parseLiteralMarker(block.text)
    if (!parsed) continue
    const depth = parsed.depth
    const marker: LiteralMarker = { ...parsed, block, sequence: '' }
    if (depth <= 4) {
      const anyOpen = counters.some((count, index) => index >= 1 && index <= 4 && count > 0)
      if (current === 0 && depth >= 2 && !anyOpen) marker.levelProblem = 'before-parent'
      else if (depth > current + 2) marker.levelProblem = 'skip'
      else if (depth < current && counters[depth] === 0) marker.levelProblem = 'reverse'
    }
    if (!marker.levelProblem && parsed.value !== counters[depth]! + 1) marker.expected = counters[depth]! + 1
    counters[depth] = parsed.value
    marker.sequence = `${depth}:${generation[depth]}`
    resetBelow(depth)
    if (depth <= 4) current = depth
    scan.markers.push(marker)
  }
  cache.set(context, scan)
  return scan
}
