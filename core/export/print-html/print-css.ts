import type { DraftLabel } from '../../ipc/export-api'
import type { LayoutSettings } from '../../report-file'
import { cssFamily, cssString } from './escape-html'
import type { FontPlan } from './font-plan'
import { exactFaces, type FontRole } from './font-roles'
import { firstLineIndentPt, letterSpacingPt, orphanLines, widowLines } from '../../layout/line-rules'
import {
  noteLinePt,
  noteRuleTopPt,
  noteRuleWidthPercent,
  noteSeparatorPt,
  noteSizePt,
} from '../../layout/footnote-area'
import { cellPaddingPt, tableBorderPt, tableTextPt } from '../../layout/table-columns'
import { pageGeometry as g, ptPerMm } from './page-geometry'

const latinFaces = {
  regular: ['Times New Roman', 'TimesNewRomanPSMT', 'Liberation Serif', 'LiberationSerif', 'Tinos', 'Tinos-Regular'],
  bold: [
    'Times New Roman Bold',
    'TimesNewRomanPS-BoldMT',
    'Liberation Serif Bold',
    'LiberationSerif-Bold',
    'Tinos Bold',
    'Tinos-Bold',
  ],
}
/** Only ASCII and a few Latin-1 signs print in Times New Roman; “”‘’—…· stay in the Chinese face (full width). */
const latinRange = 'U+0020-007E, U+00A0, U+00B0-00B1, U+00D7, U+00F7'

/** Chromium rounds the A4 sheet to 594.96 pt; see main/export/fix-a4-media-box.ts. */
const chromiumWidthLossPt = 0.32

function fontFaces(plan: FontPlan): string {
  const used = plan.roles.latin.used
  const order = (names: string[]): string[] => [
    ...new Set(used ? [...names.filter(name => name.startsWith(used)), ...names] : names),
  ]
  const face = (weight: number, names: string[]): string =>
    `@font-face { font-family: "WRS Latin"; font-weight: ${weight}; src: ${order(names)
      .map(name => `local(${cssString(name)})`)
      .join(', ')}; unicode-range: ${latinRange}; }`
  return [face(400, latinFaces.regular), face(700, latinFaces.bold)].join('\n')
}

const exactAlias = (family: string): string => `WRS ${family}`

function exactFaceRules(): string {
  const rules: string[] = []
  for (const [family, faces] of Object.entries(exactFaces)) {
    const src = (names: string[]): string => names.map(name => `local(${cssString(name)})`).join(', ')
    rules.push(
      `@font-face { font-family: ${cssFamily(exactAlias(family))}; font-weight: 400; src: ${src(faces.regular)}; }`,
    )
    if (faces.bold)
      rules.push(
        `@font-face { font-family: ${cssFamily(exactAlias(family))}; font-weight: 700; src: ${src(faces.bold)}; }`,
      )
  }
  return rules.join('\n')
}

function stack(plan: FontPlan, role: FontRole, latin: boolean): string {
  const families = plan.roles[role].stack.flatMap(family =>
    exactFaces[family] ? [exactAlias(family), family] : [family],
  )
  return [...(latin ? ['WRS Latin'] : []), ...families].map(cssFamily).join(', ')
}

function pt(value: number): string {
  return `${Math.round(value * 1000) / 1000}pt`
}

/**
 * The print style sheet: A4 with the type area at 37 mm from the top and 28 mm from the left
 * (156 × 225 mm), a 22-line grid at `linePitchPt`, 28 characters per line, `— N —` page numbers
 * in 宋体 14 pt 7 mm below the type area (odd pages right, even pages left, one character in) and
 * the draft label in the header of every page. No script: CSS page margin boxes (Chromium ≥ 131).
 * Choices that change where lines and pages break follow the DOCX builder (core/export/docx) so
 * both exports paginate alike: widows and orphans of two lines, keep-with-next headings, one grid line between
 * the centred head and the body, tables in 14 pt on 20 pt lines.
 */
export function printCss(layout: LayoutSettings, plan: FontPlan, draftLabel: DraftLabel | null): string {
  const pitch = layout.linePitchPt
  // The DOCX's spacing and indent (core/layout/line-rules.ts): both hold the same text on a line; justification fills it.
  const letterSpacing = letterSpacingPt
  const indent = firstLineIndentPt
  const latin = layout.latinTimes
  const titleWeight = plan.roles.xiaobiaosong.official ? 400 : 700
  const bold = (on: boolean): string => (on ? '700' : '400')
  const pnSize = g.pageNumberSizePt
  // The margin box starts at the type-area bottom; the dash sits mid-em, so the line box starts half an em above 7 mm.
  // Less 1 mm: with the 宋体 face first (digits included) its taller line box sets the dash 1 mm lower than the Latin
  // face's did (measured with FandolSong in test/integration/pdf-geometry.test.ts).
  const pnPaddingTop = (g.pageNumberGapMm - 1) * ptPerMm - pnSize / 2
  // Digits in the 宋体 face too (no Latin face first), as the DOCX footer sets them.
  const pageNumber = (side: 'left' | 'right'): string =>
    `@bottom-${side} { content: "\\2014  " counter(page) " \\2014"; font-family: ${stack(plan, 'songti', false)}; font-size: ${pnSize}pt; font-weight: 400; line-height: ${pnSize}pt; ` +
    `letter-spacing: 0; vertical-align: top; padding-top: ${pt(pnPaddingTop)}; text-align: ${side}; padding-${side}: ${pnSize}pt; color: #000; }`
  const label = draftLabel
    ? `@top-center { content: ${cssString(draftLabel)}; font-family: ${stack(plan, 'heiti', true)}; ` +
      `font-size: ${g.bodySizePt}pt; font-weight: 400; line-height: ${g.bodySizePt}pt; vertical-align: top; ` +
      `padding-top: ${g.headerMm}mm; color: #000; }`
    : ''
  const right = (mm: number): string => `calc(${mm}mm - ${chromiumWidthLossPt}pt)`
  const mirrored = layout.mirrorMargins ? `margin-left: ${g.outsideMm}mm; margin-right: ${right(g.bindingMm)};` : ''
  return `${latin ? fontFaces(plan) : ''}
${exactFaceRules()}
@page { size: ${g.pageWidthMm}mm ${g.pageHeightMm}mm; margin: ${g.topMm}mm ${right(g.outsideMm)} ${g.bottomMm}mm ${g.bindingMm}mm; ${label} }
@page :right { ${pageNumber('right')} }
@page :left { ${mirrored} ${pageNumber('left')} }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
html, body { margin: 0; padding: 0; background: #fff; }
body { color: #000; font-family: ${stack(plan, 'fangsong', latin)}; font-size: ${g.bodySizePt}pt; line-height: ${pt(pitch)};
  letter-spacing: ${pt(letterSpacing)}; font-kerning: none; text-spacing-trim: space-all; text-autospace: no-autospace;
  line-break: strict; word-break: normal; overflow-wrap: break-word; hyphens: none; orphans: ${orphanLines}; widows: ${widowLines}; }
h1, h2, h3, h4, h5, p { margin: 0; padding: 0; font-size: ${g.bodySizePt}pt; font-weight: 400; line-height: ${pt(pitch)}; }
.nb { white-space: nowrap; }
.keep { break-inside: avoid; }
.body, .h { text-align: justify; text-indent: ${pt(indent)}; }
.salutation { text-align: left; text-indent: 0; }
.title { font-family: ${stack(plan, 'xiaobiaosong', latin)}; font-size: ${g.titleSizePt}pt; font-weight: ${titleWeight}; text-align: center; text-indent: 0; letter-spacing: 0; text-wrap: balance; }
.subtitle, .speaker { font-family: ${stack(plan, 'kaiti', latin)}; text-align: center; text-indent: 0; }
.subtitle { text-wrap: balance; }
.title, .subtitle { word-break: keep-all; overflow-wrap: anywhere; }
.fm-last { margin-bottom: ${pt(pitch)}; }
h1, .subtitle, .speaker, h2, h3, h4, h5 { break-after: avoid; break-inside: avoid; }
.d0, .d1 { font-family: ${stack(plan, 'heiti', latin)}; }
.d2 { font-family: ${stack(plan, 'kaiti', latin)}; }
.d3, .d4 { font-family: ${stack(plan, 'fangsong', latin)}; }
.b1 { font-weight: ${bold(layout.headingBold.h1)}; }
.b2 { font-weight: ${bold(layout.headingBold.h2)}; }
.b3 { font-weight: ${bold(layout.headingBold.h3)}; }
.b4 { font-weight: ${bold(layout.headingBold.h4)}; }
span.h { text-indent: 0; }
b { font-weight: 700; }
table { border-collapse: collapse; table-layout: fixed; width: 100%; margin: 0; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: ${tableBorderPt}pt solid #000; padding: 0 ${cellPaddingPt}pt; vertical-align: middle; font-weight: 400; }
.cell { font-size: ${tableTextPt}pt; line-height: 20pt; letter-spacing: 0; text-indent: 0; text-align: left; }
th .cell { font-family: ${stack(plan, 'heiti', latin)}; text-align: center; word-break: keep-all; }
td.num .cell { text-align: right; }
.list { text-indent: ${pt(indent)}; }
.list-more { text-indent: 0; }
td .list, th .list, td .list-more, th .list-more { font-size: ${pnSize}pt; line-height: 20pt; letter-spacing: 0; }
sup, sub { font-size: 0.6em; line-height: 0; }
.notes { margin-top: ${pt(pitch)}; break-before: avoid; }
.notes::before { content: ""; display: block; width: ${noteRuleWidthPercent}%; border-top: 0.5pt solid #000; }
.note { font-size: ${noteSizePt}pt; line-height: ${noteLinePt}pt; letter-spacing: 0; text-indent: 0; text-align: justify; }
.page-foot { display: flex; flex-direction: column; justify-content: flex-end; overflow: visible; break-inside: avoid; margin: 0; }
.page-foot.ends-page { break-after: page; }
.page-foot.runs-over { justify-content: flex-start; break-inside: auto; }
.fn-sep { flex: none; height: ${noteSeparatorPt}pt; position: relative; }
.fn-sep::before { content: ""; position: absolute; left: 0; top: ${noteRuleTopPt}pt; width: ${noteRuleWidthPercent}%; border-top: 0.5pt solid #000; }
.page-foot .note { flex: none; }
p.cut { text-align-last: justify; }
p.cont { text-indent: 0; }
`
}
