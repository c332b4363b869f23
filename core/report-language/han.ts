/**
 * What counts as a 汉字: the CJK unified ideographs (basic block, extensions A–H), the compatibility ideographs and
 * 〇 (U+3007). 〇 is a Chinese numeral written in running text (`二〇二四年`), so it counts like 零; the iteration
 * mark 々 and the radicals do not.
 */
export function isHan(code: number): boolean {
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    code === 0x3007 ||
    (code >= 0x20000 && code <= 0x323af)
  )
}

/** The code ranges (first, last, inclusive) of the 汉字 of the BMP: `isHan` below U+10000, as ranges to fill tables by. */
export const hanBmpRanges: ReadonlyArray<readonly [first: number, last: number]> = [
  [0x3007, 0x3007],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
]

/** Regular-expression source of one 汉字 of the BMP (the set of `isHan` without the supplementary planes, so it works
 * in regexes without the `u` flag). */
export const HAN = '[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\u3007]'

/** Number of 汉字 in a text: the one count the status bar, the structure analysis and the length rules use. */
export function countHan(text: string): number {
  let count = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      if (isHan(text.codePointAt(i)!)) count++
      i++
    } else if (isHan(code)) count++
  }
  return count
}
