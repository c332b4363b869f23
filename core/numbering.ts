import type { HeadingLevel } from './document-model'

export type NumberingScheme = 'numbered' | 'yearParts'

const digits = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九']

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九. */
export function chineseNumeral(value: number): string {
  if (!Number.isInteger(value) || value < 1 || value > 99) return String(value)
  const tens = Math.floor(value / 10)
  const ones = value % 10
  if (tens === 0) return digits[ones]!
  return (tens === 1 ? '' : digits[tens]!) + '十' + digits[ones]!
}

/** 一 → 1, 十二 → 12, 二十 → 20; undefined when not a numeral 1–99. */
export function parseChineseNumeral(text: string): number | undefined {
  const match = /^([一二三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text)
  if (!match || text === '') return undefined
  const [, first, ten, last] = match
  const value = (name?: string): number => (name ? digits.indexOf(name) : 0)
  if (ten) return (first ? value(first) : 1) * 10 + value(last)
  if (first && last) return undefined
  return value(first ?? last) || undefined
}

/** Depth of the printed marker for a document heading level under a scheme (0 = unnumbered). */
export function markerDepth(scheme: NumberingScheme, level: HeadingLevel): 0 | 1 | 2 | 3 | 4 {
  if (scheme === 'numbered') return level
  return (level - 1) as 0 | 1 | 2 | 3
}

/** The printed marker `一、` `（一）` `1.` `（1）` for a 1-based position at a marker depth. */
export function markerText(depth: 0 | 1 | 2 | 3 | 4, position: number): string {
  switch (depth) {
    case 0:
      return ''
    case 1:
      return `${chineseNumeral(position)}、`
    case 2:
      return `（${chineseNumeral(position)}）`
    case 3:
      return `${position}.`
    case 4:
      return `（${position}）`
  }
}

/**
 * Literal numbering at the start of a heading or paragraph: `一、` `（一）` `(一)` `1.` `1．` `（1）` `(1)`.
 * Returns the marker depth, its value and the length of the marker (with following spaces).
 */
export function parseLeadingMarker(text: string): { depth: 1 | 2 | 3 | 4; value: number; length: number } | undefined {
  const patterns: Array<[RegExp, 1 | 2 | 3 | 4, boolean]> = [
    [/^\s*([一二三四五六七八九十]{1,3})[、,，.．]\s*/, 1, true],
    [/^\s*[（(]([一二三四五六七八九十]{1,3})[）)][、,，]?\s*/, 2, true],
    [/^\s*(\d{1,2})[.．](?!\d)\s*/, 3, false],
    [/^\s*[（(](\d{1,2})[）)]\s*/, 4, false],
  ]
  for (const [pattern, depth, chinese] of patterns) {
    const match = pattern.exec(text)
    if (!match) continue
    const value = chinese ? parseChineseNumeral(match[1]!) : Number(match[1])
    if (value === undefined || Number.isNaN(value)) continue
    return { depth, value, length: match[0].length }
  }
  return undefined
}

/**
 * Computes the printed marker of every heading from its position: `levels` lists heading levels
 * in document order; the result lists their markers. A heading restarts the count of all deeper levels.
 */
export function computeMarkers(scheme: NumberingScheme, levels: readonly HeadingLevel[]): string[] {
  const counters = [0, 0, 0, 0, 0]
  return levels.map(level => {
    counters[level]! += 1
    for (let deeper = level + 1; deeper <= 4; deeper++) counters[deeper] = 0
    return markerText(markerDepth(scheme, level), counters[level]!)
  })
}
