import { NodeType, type DocNode } from '../document-model'
import type { FontPlan } from './print-html/font-plan'
import { glyphFallbacks } from './print-html/font-roles'

/** The code points a font covers, as sorted inclusive ranges (fontconfig's charset). */
export type CodeRanges = ReadonlyArray<readonly [number, number]>

/** Installed families (names normalised: trimmed, lower case) → the code points their faces cover. */
export type FontCoverage = ReadonlyMap<string, CodeRanges>

export interface MissingGlyph {
  /** The character, e.g. `𠀀`. */
  char: string
  /** `U+20000`. */
  codePoint: string
  /** How often the report has it. */
  count: number
  /** Where it first stands: a few characters around it. */
  context: string
}

export const normaliseFamily = (name: string): string => name.trim().toLowerCase().replace(/\s+/g, ' ')

/** fontconfig's `%{charset}` (`20-7e a0-17f 2000`, hexadecimal) as ranges. */
export function parseCharset(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  for (const part of text.trim().split(/\s+/)) {
    const match = /^([0-9a-f]+)(?:-([0-9a-f]+))?$/i.exec(part)
    if (!match) continue
    const from = Number.parseInt(match[1]!, 16)
    ranges.push([from, match[2] ? Number.parseInt(match[2], 16) : from])
  }
  return ranges.sort((a, b) => a[0] - b[0])
}

function covers(ranges: CodeRanges, code: number): boolean {
  let low = 0
  let high = ranges.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const [from, to] = ranges[middle]!
    if (code < from) high = middle - 1
    else if (code > to) low = middle + 1
    else return true
  }
  return false
}

/** The coverage of every installed face the print may use: each role's chain and the glyph fallbacks. */
function printFaces(plan: FontPlan, coverage: FontCoverage): CodeRanges[] {
  const faces: CodeRanges[] = []
  const seen = new Set<string>()
  for (const role of Object.values(plan.roles))
    for (const family of [...role.stack, ...glyphFallbacks]) {
      const key = normaliseFamily(family)
      if (seen.has(key)) continue
      seen.add(key)
      const ranges = coverage.get(key)
      if (ranges) faces.push(ranges)
    }
  return faces
}

/** The characters of `chars` no face the print may use covers (the editor's check asks main for these). */
export function uncoveredCharacters(chars: string, plan: FontPlan, coverage: FontCoverage | null): string[] {
  if (!coverage) return []
  const faces = printFaces(plan, coverage)
  if (!faces.length) return []
  return [...new Set(chars)].filter(char => {
    const code = char.codePointAt(0)!
    if (code < 0x21 || (code >= 0x7f && code < 0xa0) || /\s/u.test(char)) return false
    return !faces.some(ranges => covers(ranges, code))
  })
}

/** Every text of the document as the exports print it: text nodes and footnote texts, with where they stand. */
function printedTexts(node: DocNode, out: string[] = []): string[] {
  if (node.type === NodeType.text && node.text) out.push(node.text)
  if (node.type === NodeType.footnote && typeof node.attrs?.text === 'string') out.push(node.attrs.text)
  for (const child of node.content ?? []) printedTexts(child, out)
  return out
}

/**
 * Characters of the report that none of the faces the print may use covers (the family chosen for each role, the
 * rest of its chain and the glyph fallbacks, where installed): they print as empty boxes. Whitespace and control
 * characters are not glyphs. With `coverage` null (not known on this system) nothing is reported.
 */
export function missingGlyphs(doc: DocNode, plan: FontPlan, coverage: FontCoverage | null): MissingGlyph[] {
  if (!coverage) return []
  const faces = printFaces(plan, coverage)
  if (!faces.length) return []
  const found = new Map<number, MissingGlyph>()
  const known = new Set<number>()
  for (const text of printedTexts(doc)) {
    const chars = Array.from(text)
    chars.forEach((char, at) => {
      const code = char.codePointAt(0)!
      if (code < 0x21 || (code >= 0x7f && code < 0xa0) || /\s/u.test(char) || known.has(code)) return
      const missing = found.get(code)
      if (missing) {
        missing.count++
        return
      }
      if (faces.some(ranges => covers(ranges, code))) {
        known.add(code)
        return
      }
      found.set(code, {
        char,
        codePoint: `U+${code.toString(16).toUpperCase().padStart(4, '0')}`,
        count: 1,
        // six characters either side (code points, not UTF-16 units)
        context: chars.slice(Math.max(0, at - 6), at + 7).join(''),
      })
    })
  }
  return [...found.values()]
}

/** The zh-CN sentence naming them (CLI and export dialog). */
export function describeMissingGlyphs(missing: readonly MissingGlyph[]): string {
  const named = missing
    .slice(0, 20)
    .map(
      glyph =>
        `“${glyph.char}”（${glyph.codePoint}，见“${glyph.context}”${glyph.count > 1 ? `等 ${glyph.count} 处` : ''}）`,
    )
  const more = missing.length > 20 ? `等 ${missing.length} 个字` : ''
  return `这台电脑所装的字体都没有以下字符的字形，PDF 中会印成空框：${named.join('、')}${more}。请安装含这些字的字体（如“花园明朝”或方正超大字符集字体），或改用常用字后再导出。`
}
