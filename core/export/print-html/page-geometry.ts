/** GB/T 9704-2012 page geometry in millimetres and points (docs/layout.md §A.1, §A.2, §A.4). */
export const pageGeometry = {
  pageWidthMm: 210,
  pageHeightMm: 297,
  topMm: 37,
  bindingMm: 28,
  outsideMm: 26,
  bottomMm: 35,
  areaWidthMm: 156,
  areaHeightMm: 225,
  /** Page-number dash line below the type area. */
  pageNumberGapMm: 7,
  /** Header distance of the DOCX (851 twips): where the draft label starts. */
  headerMm: 15,
  bodySizePt: 16,
  titleSizePt: 22,
  pageNumberSizePt: 14,
  charsPerLine: 28,
  linesPerPage: 22,
} as const

export const ptPerMm = 72 / 25.4

/** Character pitch that puts 28 characters on a 156 mm line (15.79 pt; the DOCX char grid). */
export function charPitchPt(): number {
  return (pageGeometry.areaWidthMm * ptPerMm) / pageGeometry.charsPerLine
}
