import { letterSpacingTwips } from '../../layout/line-rules'
import type { LayoutSettings } from '../../report-file'

/** GB/T 9704-2012 page geometry in twips (docs/layout.md §A.1, §A.7). */
export const pageGeometry = {
  width: 11906,
  height: 16838,
  top: 2098,
  right: 1474,
  bottom: 1984,
  left: 1587,
  header: 851,
  /**
   * Footer distance: puts the page-number dash line 7 mm below the type area (docs/layout.md §A.4). Measured in
   * LibreOffice's PDF of the exported file (test/integration/docx-libreoffice.test.ts checks it).
   */
  footer: 1400,
} as const

/** Characters per line on the GB/T 9704 grid (docs/layout.md §A.2). */
export const charsPerLine = 28

/** Body font size in half-points (3号 = 16 pt). */
export const bodySize = 32
/** Title font size in half-points (2号 = 22 pt). */
export const titleSize = 44
/** Page-number font size in half-points (4号 = 14 pt). */
export const pageNumberSize = 28
/** One 4号 character: the page number's distance from the type-area edge (docs/layout.md §A.4). */
export const pageNumberIndent = 280

export interface DocxGeometry {
  /** Line pitch in twips: w:docGrid w:linePitch and the exact body line spacing. */
  linePitch: number
  /**
   * Character spacing (w:spacing in rPr, twips) that fits 28 characters of 16 pt on a line: the type area is
   * 442.25 pt, 28 × 16 pt would need 448 pt (docs/layout.md §A.2). Used instead of a linesAndChars grid
   * because LibreOffice reads w:charSpace as twice the pitch and sets 14 characters per line.
   */
  charSpacing: number
  /** Width of the type area in twips (full-width tables). */
  typeAreaWidth: number
  mirrorMargins: boolean
}

export function docxGeometry(layout: LayoutSettings): DocxGeometry {
  const typeAreaWidth = pageGeometry.width - pageGeometry.left - pageGeometry.right
  return {
    linePitch: Math.round(layout.linePitchPt * 20),
    charSpacing: letterSpacingTwips,
    typeAreaWidth,
    mirrorMargins: layout.mirrorMargins,
  }
}
