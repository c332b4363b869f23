import { nodeText, type DocNode } from '../document-model'
import { pageGeometry as g, ptPerMm } from './print-html/page-geometry'

export interface HeadLineFitOptions {
  sizePt?: number
  /**
   * Space the renderer adds where 汉字 meet Latin letters or digits, in ems. The PDF sets none
   * (text-autospace: no-autospace). LibreOffice adds a fifth of the font size there, drops the letter
   * spacing of the character before it, and reads no DOCX switch that turns this off (w:autoSpaceDE/DN
   * are ignored on import), so the DOCX passes 0.2 and the spacing is spread over the other characters.
   */
  scriptGapEm?: number
}

/** Estimated width in ems: ASCII letters and digits print half width (Times New Roman), everything else full width. */
function widthEm(text: string): number {
  let width = 0
  for (const character of text) width += isAscii(character) ? 0.5 : 1
  return width
}

const isAscii = (character: string): boolean => /[\x20-\x7e]/.test(character)
const isAsciiWord = (character: string): boolean => /[A-Za-z0-9]/.test(character)

/** Places where an ASCII letter or digit meets a wide character (`2023年`, `日2`, `——2023`). */
function scriptChanges(text: string): number {
  const characters = [...text]
  let changes = 0
  for (let index = 1; index < characters.length; index++) {
    const before = characters[index - 1]!
    const after = characters[index]!
    if ((isAsciiWord(before) && !isAscii(after)) || (!isAscii(before) && isAsciiWord(after))) changes++
  }
  return changes
}

/**
 * A subtitle a little wider than the 156 mm line (up to one and a half characters) is set tight on one
 * line, as typesetters do (紧缩), rather than leaving one or two characters on a second line. Whether a
 * line is held on one line is decided from its text alone, so the PDF and the DOCX agree; the spacing
 * returned is what the asking renderer needs (see scriptGapEm). Returns the spacing per character in
 * points (negative), or 0 when the line fits as it is or is too long to squeeze (it then wraps in both).
 */
export function headLineFitPt(node: DocNode, options: HeadLineFitOptions = {}): number {
  const sizePt = options.sizePt ?? g.bodySizePt
  const text = nodeText(node)
  if (text.includes('\n')) return 0
  const lineEm = (g.areaWidthMm * ptPerMm) / sizePt
  const overflowEm = widthEm(text) - lineEm
  if (overflowEm > 1.5) return 0
  const gapEm = options.scriptGapEm ?? 0
  const changes = gapEm > 0 ? scriptChanges(text) : 0
  const renderedOverflowEm = overflowEm + changes * gapEm
  if (renderedOverflowEm <= 0) return 0
  const spaced = [...text].length - changes
  // One point to spare, against rounding in either renderer.
  return -Math.ceil(((renderedOverflowEm * sizePt + 1) / spaced) * 100) / 100
}
