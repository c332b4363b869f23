/**
 * How body lines break, decided once for the PDF (core/export/print-html), the DOCX (core/export/docx) and the
 * editor's page view (issue 12): the same character spacing and first-line indent, no extra space between 汉字
 * and digits or Latin letters, no punctuation hanging into the margin (a line that would start with `，` takes
 * the character before it along instead), widows and orphans of two lines, `——` `……` and numbers never split.
 * The DOCX carries them as switches (docx-styles.ts); its text stays exactly the report text.
 */

/** Body size: 3号. */
export const bodySizePt = 16
/** Title size: 2号. */
export const titleSizePt = 22
export const charsPerLine = 28
/** Width of the type area, 156 mm (GB/T 9704 §5.2.1), in twips as the DOCX writes it (11906 − 1587 − 1474). */
export const typeAreaTwips = 8845

/**
 * Spacing added to every character, in twips (the DOCX's w:spacing unit): the largest whole number of twips
 * that still puts 28 characters of 16 pt on the 156 mm line (28 × 15.75 pt = 441 pt ≤ 442.25 pt). The PDF uses
 * the same value, so both renderers hold the same text on a line with half-width digits in it too.
 */
export const letterSpacingTwips = Math.floor(typeAreaTwips / charsPerLine - bodySizePt * 20)
export const letterSpacingPt = letterSpacingTwips / 20

/** First-line indent: two characters as set (two 16 pt characters with their spacing), 630 twips. */
export const firstLineIndentTwips = 2 * (bodySizePt * 20 + letterSpacingTwips)
export const firstLineIndentPt = firstLineIndentTwips / 20

/** Lines a paragraph keeps together at a page break, at its start (orphans) and at its end (widows). */
export const widowLines = 2
export const orphanLines = 2

/**
 * Runs that must never be split across lines: 破折号 `——`, 省略号 `……` and Arabic numbers with their decimal
 * point, thousands separators, time colons and percent sign (GB/T 15834 §5, layout-and-rules.md PUN-LINEBREAK).
 */
export const unbreakableRun = /——+|…+|[0-9]+(?:[.,:：][0-9]+)*[%‰％]?/g

/** Estimated width in ems of body text: ASCII half width (Times New Roman), everything else full width. */
export function textWidthEm(text: string): number {
  let width = 0
  for (const character of text) width += /[\x20-\x7e]/.test(character) ? 0.5 : 1
  return width
}

/**
 * A body paragraph too short to split under the widow and orphan rule (fewer than orphans + widows lines, with its
 * two-character indent): it moves to the next page whole, as Word and LibreOffice move it. Said explicitly for the
 * PDF because Chromium (156) leaves a one-line widow when a three-line paragraph has two lines' room left. A
 * paragraph within a character of the limit counts as long (a pushed 避头尾 character may add a line).
 */
export function tooShortToSplit(text: string): boolean {
  return 2 + textWidthEm(text) <= (orphanLines + widowLines - 1) * charsPerLine - 1
}
