import { isHan } from '../../report-language/han'

const fullWidthPunctuation = new Set(
  Array.from('，。、；：？！“”‘’（）《》〈〉【】〔〕…—～·「」『』', ch => ch.codePointAt(0)!),
)

/** Full-width (Chinese) punctuation as used in running text. */
export function isCjkPunctuation(code: number): boolean {
  return fullWidthPunctuation.has(code)
}

/** “CJK” in the sense of docs/text-rules.md: Han or full-width punctuation. */
export function isCjk(code: number): boolean {
  return isHan(code) || fullWidthPunctuation.has(code)
}

export function isAsciiDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39
}

export function isLatinLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a)
}

/** Source of a Chinese numeral digit used in counts and ordinals. */
export const CN_DIGIT = '[一二三四五六七八九十]'
