import type { HeadingLevel } from '../document-model'
import { markerDepth, markerText, type NumberingScheme } from '../numbering'

export type HeadingLevelName = 'part' | 'depth1' | 'depth2' | 'depth3' | 'depth4'

/**
 * The name a heading level goes by, after the marker it prints: in year-parts reports the unnumbered part heading
 * is 部分标题 and the heading printed `一、` is 一级标题 (as in a numbered report), not 二级标题.
 */
export function headingLevelName(scheme: NumberingScheme, level: HeadingLevel): HeadingLevelName {
  const depth = markerDepth(scheme, level)
  return depth === 0 ? 'part' : `depth${depth}`
}

/** The marker the first heading of that level prints (`一、` `（一）` `1.` `（1）`, '' for a part heading). */
export function headingMarkerExample(scheme: NumberingScheme, level: HeadingLevel): string {
  return markerText(markerDepth(scheme, level), 1)
}
