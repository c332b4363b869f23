/**
 * Characters XML 1.0 does not allow (§2.2 Char): C0 controls other than tab, LF and CR, U+FFFE, U+FFFF and
 * surrogates not in a pair. A part holding one is not XML: Word and LibreOffice refuse the whole file.
 */
export const xmlInvalidChar = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

export function hasXmlInvalid(text: string): boolean {
  xmlInvalidChar.lastIndex = 0
  const found = xmlInvalidChar.test(text)
  xmlInvalidChar.lastIndex = 0
  return found
}

export function countXmlInvalid(text: string): number {
  return hasXmlInvalid(text) ? (text.match(xmlInvalidChar) ?? []).length : 0
}

export function withoutXmlInvalid(text: string): string {
  return hasXmlInvalid(text) ? text.replace(xmlInvalidChar, '') : text
}

/** How a character XML refuses is named to a user: `U+FFFF`. */
export function codePointName(char: string): string {
  return `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`
}
