/** Shared number patterns (used by more than one rule so they do not report the same text twice). */

const rangeWithoutFirstUnit = /(?<![\d.])\d+(?:\.\d+)?\s*[-~～—－]\s*\d+(?:\.\d+)?(?:%|％|‰|万|亿)/y

/** NUM-RANGE-UNIT: a range starting at `at` whose first value drops the unit of the second (`9～16亿`). */
export function rangeDropsUnit(text: string, at: number): boolean {
  rangeWithoutFirstUnit.lastIndex = at
  return rangeWithoutFirstUnit.test(text)
}

export const rangeDropsUnitGlobal = /(?<![\d.])\d+(?:\.\d+)?\s*[-~～—－]\s*\d+(?:\.\d+)?(?:%|％|‰|万|亿)/g

/** Chinese-numeral year with a wrong zero (`二零二四年`, `二0二四年`, `二O二四年`). */
export const chineseYearWithBadZero =
  /(?<![一二三四五六七八九十百千万〇零0-9０-９])[一二三四五六七八九〇零0OoＯ０]{4}(?=年)/g

const chineseDigit = /[一二三四五六七八九]/
const wrongZero = /[零0OoＯ０]/

/** Offsets of wrong zeros in Chinese-numeral years. */
export function badYearZeros(text: string): number[] {
  const offsets: number[] = []
  chineseYearWithBadZero.lastIndex = 0
  for (let match = chineseYearWithBadZero.exec(text); match; match = chineseYearWithBadZero.exec(text)) {
    const year = match[0]
    if (!chineseDigit.test(year) || !wrongZero.test(year)) continue
    for (let index = 0; index < year.length; index++)
      if (wrongZero.test(year[index]!)) offsets.push(match.index + index)
  }
  return offsets
}
