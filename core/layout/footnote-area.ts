/**
 * The footnote area at the foot of a page, as the PDF (main/export/footnote-pages.ts, run in the print page) and the
 * editor's page view (renderer/editor/extensions/pagination.ts) both lay it out, so that both break pages alike:
 * a separator block with a short rule, then each note in 仿宋 4号 (14 pt, as the DOCX's FootnoteText style) on 20 pt
 * lines, flush with the bottom of the type area (less `footSlackPt`). A page's body takes what the type area has left
 * once the notes of the references on that page are set; a reference and its note share a page (notes are not split).
 */

/** Size of the note text: 4号, the DOCX's FootnoteText size. */
export const noteSizePt = 14
/** Line pitch of the note text. */
export const noteLinePt = 20
/** The block above the first note holding the separator rule (the rule sits `noteRuleTopPt` from its top). */
export const noteSeparatorPt = 12
export const noteRuleTopPt = 5
/** Length of the separator rule: a quarter of the 156 mm line, as Word's short footnote separator. */
export const noteRuleWidthPercent = 25
/** Room kept under the notes so that rounding never pushes them onto the next sheet. */
export const footSlackPt = 1

/** Height of the footnote area for notes of these heights (0 without notes). */
export function footnoteAreaPt(noteHeightsPt: readonly number[]): number {
  if (!noteHeightsPt.length) return 0
  return noteSeparatorPt + noteHeightsPt.reduce((sum, height) => sum + height, 0) + footSlackPt
}
