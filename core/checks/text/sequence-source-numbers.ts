import { markerDepth, markerText, parseLeadingMarker, type NumberingScheme } from '../../numbering'
import type { HeadingLevel } from '../../document-model'
import type { TextBlock } from '../rule'
import { quote } from './text-reporter'

/**
 * A heading whose number as written in the source (`attrs.sourceNumber`, kept by import) is not the number the report
 * prints now. `kind` says what the source did at that heading: skipped numbers (`gap`, with `missing`), repeated the
 * previous sibling's number (`repeat`), went backwards (`order`), or only follows an earlier problem (`shifted`).
 */
export interface SourceNumberProblem {
  block: TextBlock
  /** The number as written (`（四）`). */
  typed: string
  /** The number printed now (`（三）`). */
  printed: string
  kind: 'gap' | 'repeat' | 'order' | 'shifted'
  /** Numbers the source skipped before this heading (gap). */
  missing: string[]
  /** The sibling heading just before, as the source numbered it (`三、依法履行……`); '' when none. */
  previous: string
}

/** The source's number of a heading (its kept `sourceNumber`) when it is of the printed depth and differs from it. */
function sourceValue(block: TextBlock, depth: number, printed: number): { value: number; typed: string } | undefined {
  const typed = block.node.attrs?.sourceNumber
  if (typeof typed !== 'string' || !typed) return undefined
  const parsed = parseLeadingMarker(typed)
  if (!parsed || parsed.depth !== depth || parsed.value === printed) return undefined
  return { value: parsed.value, typed }
}

/** `（四）加强自身建设` → shortened for a sentence. */
export function headingLabel(number: string, text: string): string {
  return `${number}${quote(text, 14)}`
}

/**
 * Reads the source's numbering back from the headings (the kept `sourceNumber`, else the printed number, which import
 * only replaced where they differ) and names each heading whose printed number differs from what the source said.
 */
export function sourceNumberProblems(blocks: readonly TextBlock[], scheme: NumberingScheme): SourceNumberProblem[] {
  const problems: SourceNumberProblem[] = []
  /** Per level: the previous sibling's source value and label. */
  const previous: Array<{ value: number; label: string } | undefined> = []
  for (const block of blocks) {
    if (block.kind !== 'heading') continue
    const level = (block.level ?? 1) as HeadingLevel
    for (let deeper = level + 1; deeper <= 4; deeper++) previous[deeper] = undefined
    const depth = markerDepth(scheme, level)
    const printed = block.marker ?? ''
    const printedValue = parseLeadingMarker(printed)?.value
    if (depth === 0 || printedValue === undefined) {
      previous[level] = undefined
      continue
    }
    const source = sourceValue(block, depth, printedValue)
    const value = source?.value ?? printedValue
    const before = previous[level]
    previous[level] = { value, label: headingLabel(source?.typed ?? printed, block.text) }
    if (!source) continue
    const expected = (before?.value ?? 0) + 1
    const kind: SourceNumberProblem['kind'] =
      value > expected ? 'gap' : before && value === before.value ? 'repeat' : value < expected ? 'order' : 'shifted'
    const missing: string[] = []
    for (let skipped = expected; kind === 'gap' && skipped < value; skipped++) missing.push(markerText(depth, skipped))
    problems.push({ block, typed: source.typed, printed, kind, missing, previous: before?.label ?? '' })
  }
  return problems
}

function missingList(missing: readonly string[]): string {
  const shown = missing.slice(0, 3).map(number => `“${number}”`)
  return shown.join('、') + (missing.length > 3 ? `等${missing.length}个编号` : '')
}

/** What the source did wrong at this heading, as a zh-CN clause naming it (`“（四）加强……”前缺少“（三）”`). */
export function describeSourceProblem(problem: SourceNumberProblem): string {
  const here = `“${headingLabel(problem.typed, problem.block.text)}”`
  switch (problem.kind) {
    case 'gap':
      return `${here}前缺少${missingList(problem.missing)}`
    case 'repeat':
      return `${here}与前一个标题“${problem.previous}”编号重复`
    case 'order':
      return `${here}排在“${problem.previous}”之后，顺序颠倒`
    case 'shifted':
      return `${here}因前面的编号有误而顺次改号`
  }
}
