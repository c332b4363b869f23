import type { LayoutSettings } from '../../report-file'
import { markerDepth, type NumberingScheme } from '../../numbering'
import type { HeadingLevel } from '../../document-model'
import { bodySize, pageNumberSize, titleSize } from './docx-geometry'
import { fontNames } from './docx-fonts'
import { firstLineIndentTwips } from '../../layout/line-rules'
import { tableBorderPt } from '../../layout/table-columns'

/** Paragraph style ids used in document.xml. Heading1–4 are Word's built-in ids (navigation pane in Word and WPS). */
export const styleIds = {
  normal: 'Normal',
  title: 'Title',
  subtitle: 'Subtitle',
  speakerLine: 'SpeakerLine',
  salutation: 'Salutation',
  tableText: 'TableText',
  header: 'Header',
  footer: 'Footer',
  tableGrid: 'TableGrid',
  footnoteText: 'FootnoteText',
  footnoteReference: 'FootnoteReference',
  heading: (level: HeadingLevel): string => `Heading${level}`,
} as const

const levels: HeadingLevel[] = [1, 2, 3, 4]

/** Heading font by printed marker depth (docs/layout.md §A.3): 一、 and unnumbered year parts 黑体, （一） 楷体, 1. and （1） 仿宋. */
export function headingFont(scheme: NumberingScheme, level: HeadingLevel): string {
  const depth = markerDepth(scheme, level)
  if (depth <= 1) return fontNames.heiTi
  if (depth === 2) return fontNames.kaiTi
  return fontNames.fangSong
}

/** Bold flag for a heading: report.layout.headingBold is per printed level (h1 = 一、; an unnumbered year part counts as h1). */
export function headingBold(layout: LayoutSettings, scheme: NumberingScheme, level: HeadingLevel): boolean {
  const depth = Math.max(1, markerDepth(scheme, level)) as HeadingLevel
  return layout.headingBold[`h${depth}`]
}

export function rFontsXml(eastAsia: string, latinTimes: boolean): string {
  const latin = latinTimes ? fontNames.times : eastAsia
  return `<w:rFonts w:ascii="${latin}" w:hAnsi="${latin}" w:eastAsia="${eastAsia}" w:cs="${latin}" w:hint="eastAsia"/>`
}

const size = (halfPoints: number): string => `<w:sz w:val="${halfPoints}"/><w:szCs w:val="${halfPoints}"/>`
const bold = (on: boolean): string => (on ? '<w:b/><w:bCs/>' : '<w:b w:val="0"/><w:bCs w:val="0"/>')
/** Table rules in eighths of a point, as the PDF draws them (core/layout/table-columns.ts). */
const tableBorderEighths = Math.round(tableBorderPt * 8)
const noIndent = '<w:ind w:firstLineChars="0" w:firstLine="0"/>'

/**
 * The markup-compatibility namespace (ISO/IEC 29500-3), declared on the styles root for {@link overflowPunctForLibreOffice}.
 */
const markupCompatibility = 'http://schemas.openxmlformats.org/markup-compatibility/2006'

/**
 * LibreOffice's value of w:overflowPunct, for LibreOffice alone (docs/layout.md §A.9). Its DOCX importer reads the
 * switch inverted (writerfilter DomainMapper: val="0" becomes "hanging punctuation allowed", in 7.4 and
 * still in the current sources), so it is told val="1" in an mc:Choice that only it takes: LibreOffice takes a Choice whose Requires
 * text is literally `wps`, `wpg` or `w14` (later versions add `wpc`) without resolving the prefix, while Word — like every
 * consumer that follows ISO/IEC 29500-3 — resolves the prefix to its namespace, understands none bound to this URN
 * and skips the Choice; there is no Fallback, so Word, WPS and any reader that ignores mc:AlternateContent keep the
 * plain val="0" before it. `wpg` is the oldest name on LibreOffice's list (4.x on) and the one other readers that
 * match prefixes by name are least likely to claim (it names drawing groups). Written after the plain value, which
 * it overrides in LibreOffice.
 */
export const overflowPunctForLibreOffice =
  '<mc:AlternateContent><mc:Choice xmlns:wpg="urn:work-report-studio:libreoffice-reads-overflowPunct-inverted" Requires="wpg">' +
  '<w:overflowPunct w:val="1"/></mc:Choice></mc:AlternateContent>'

/**
 * The line rules of core/layout/line-rules.ts in Normal and the document defaults: widow/orphan control (two
 * lines), 避头尾 on (w:kinsoku, Word's default, written for WPS), no punctuation past the margin (w:overflowPunct
 * off: the PDF cannot hang punctuation; LibreOffice is given its inverted reading of it separately), no space
 * between 汉字 and digits or Latin (w:autoSpaceDE/DN off; LibreOffice ignores these and spaces 汉字 from digits).
 */
export const lineRules =
  '<w:widowControl/><w:kinsoku/><w:overflowPunct w:val="0"/>' +
  overflowPunctForLibreOffice +
  '<w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>'

function paragraphStyle(id: string, name: string, body: { pPr?: string; rPr?: string; extra?: string }): string {
  return (
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/>` +
    (body.extra ?? '') +
    '<w:qFormat/>' +
    (body.pPr ? `<w:pPr>${body.pPr}</w:pPr>` : '') +
    (body.rPr ? `<w:rPr>${body.rPr}</w:rPr>` : '') +
    '</w:style>'
  )
}

/**
 * word/styles.xml. Written as text (and passed to the docx packer as an override) because the docx
 * library's style options cannot write paragraph-level w:snapToGrid and we want every value of docs/layout.md §A.7 exact.
 */
export function stylesXml(options: {
  layout: LayoutSettings
  scheme: NumberingScheme
  linePitch: number
  charSpacing: number
  /** The document has footnotes: their text and reference styles are written (only then, so others are unchanged). */
  footnotes?: boolean
}): string {
  const { layout, scheme, linePitch, charSpacing } = options
  const latin = layout.latinTimes
  const exact = `<w:spacing w:before="0" w:after="0" w:line="${linePitch}" w:lineRule="exact"/>`
  const headingStyles = levels
    .map(level =>
      paragraphStyle(styleIds.heading(level), `heading ${level}`, {
        extra: '<w:uiPriority w:val="9"/>',
        pPr: `<w:keepNext/><w:keepLines/><w:outlineLvl w:val="${level - 1}"/>`,
        rPr: rFontsXml(headingFont(scheme, level), latin) + bold(headingBold(layout, scheme, level)) + size(bodySize),
      }),
    )
    .join('')
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
    `xmlns:mc="${markupCompatibility}">` +
    `<w:docDefaults><w:rPrDefault><w:rPr>${rFontsXml(fontNames.fangSong, latin)}<w:kern w:val="2"/>${size(bodySize)}<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
    `<w:pPrDefault><w:pPr>${lineRules}</w:pPr></w:pPrDefault></w:docDefaults>` +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>' +
    `<w:pPr>${lineRules}${exact}<w:ind w:firstLine="${firstLineIndentTwips}"/><w:jc w:val="both"/></w:pPr>` +
    `<w:rPr>${rFontsXml(fontNames.fangSong, latin)}<w:spacing w:val="${charSpacing}"/>${size(bodySize)}</w:rPr></w:style>` +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>' +
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>' +
    '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>' +
    '</w:tblCellMar></w:tblPr></w:style>' +
    '<w:style w:type="numbering" w:default="1" w:styleId="NoList"><w:name w:val="No List"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    paragraphStyle(styleIds.title, 'Title', {
      extra: '<w:uiPriority w:val="10"/>',
      pPr: `<w:keepNext/><w:snapToGrid w:val="0"/>${exact}${noIndent}<w:jc w:val="center"/><w:outlineLvl w:val="9"/>`,
      rPr:
        rFontsXml(fontNames.xiaoBiaoSong, latin) + '<w:snapToGrid w:val="0"/><w:spacing w:val="0"/>' + size(titleSize),
    }) +
    paragraphStyle(styleIds.subtitle, 'Subtitle', {
      extra: '<w:uiPriority w:val="11"/>',
      pPr: `<w:keepNext/>${noIndent}<w:jc w:val="center"/>`,
      rPr: rFontsXml(fontNames.kaiTi, latin) + size(bodySize),
    }) +
    paragraphStyle(styleIds.speakerLine, 'Speaker Line', {
      pPr: `<w:keepNext/>${noIndent}<w:jc w:val="center"/>`,
      rPr: rFontsXml(fontNames.kaiTi, latin) + size(bodySize),
    }) +
    paragraphStyle(styleIds.salutation, 'Salutation', { pPr: `${noIndent}<w:jc w:val="left"/>` }) +
    paragraphStyle(styleIds.tableText, 'Table Text', {
      pPr: `<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="400" w:lineRule="exact"/>${noIndent}<w:jc w:val="left"/>`,
      rPr: '<w:snapToGrid w:val="0"/>' + size(pageNumberSize),
    }) +
    paragraphStyle(styleIds.header, 'header', {
      extra: '<w:uiPriority w:val="99"/><w:unhideWhenUsed/>',
      pPr: `<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>${noIndent}<w:jc w:val="center"/>`,
      rPr: rFontsXml(fontNames.heiTi, latin) + '<w:snapToGrid w:val="0"/><w:spacing w:val="0"/>' + size(bodySize),
    }) +
    paragraphStyle(styleIds.footer, 'footer', {
      extra: '<w:uiPriority w:val="99"/><w:unhideWhenUsed/>',
      pPr: `<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>${noIndent}`,
      rPr:
        rFontsXml(fontNames.songTi, false) + '<w:snapToGrid w:val="0"/><w:spacing w:val="0"/>' + size(pageNumberSize),
    }) +
    headingStyles +
    (options.footnotes ? footnoteStyles(latin) : '') +
    `<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="39"/>` +
    `<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="${tableBorderEighths}" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="${tableBorderEighths}" w:space="0" w:color="000000"/>` +
    `<w:bottom w:val="single" w:sz="${tableBorderEighths}" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="${tableBorderEighths}" w:space="0" w:color="000000"/>` +
    `<w:insideH w:val="single" w:sz="${tableBorderEighths}" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="${tableBorderEighths}" w:space="0" w:color="000000"/></w:tblBorders></w:tblPr></w:style>` +
    '</w:styles>'
  )
}

/** Footnotes in 仿宋 at the page number's size, single-spaced off the grid; the reference raised (superscript). */
function footnoteStyles(latin: boolean): string {
  return (
    paragraphStyle(styleIds.footnoteText, 'footnote text', {
      extra: '<w:uiPriority w:val="99"/><w:unhideWhenUsed/>',
      pPr: `<w:snapToGrid w:val="0"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/>${noIndent}<w:jc w:val="both"/>`,
      rPr:
        rFontsXml(fontNames.fangSong, latin) + '<w:snapToGrid w:val="0"/><w:spacing w:val="0"/>' + size(pageNumberSize),
    }) +
    `<w:style w:type="character" w:styleId="${styleIds.footnoteReference}"><w:name w:val="footnote reference"/>` +
    '<w:uiPriority w:val="99"/><w:unhideWhenUsed/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'
  )
}
