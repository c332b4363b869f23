import { strFromU8, unzipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildDocx } from '../../../core/export/docx/build-docx'
import { paragraph as paragraphNode, textNode } from '../../../core/document-model'
import { npcReportFixture } from '../../fixtures/docx-npc-report'

type Parts = Record<string, string>

async function docxParts(...args: Parameters<typeof buildDocx>): Promise<Parts> {
  const files = unzipSync(await buildDocx(...args))
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]))
}

/** The w:style element with this id. */
function style(parts: Parts, id: string): string {
  const match = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`).exec(parts['word/styles.xml']!)
  if (!match) throw new Error(`style ${id} missing`)
  return match[0]
}

/** Paragraphs of document.xml in order. */
const paragraphs = (parts: Parts): string[] =>
  parts['word/document.xml']!.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/g) ?? []
const writtenText = (xml: string): string =>
  [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map(match => match[1]).join('')
const paragraphText = writtenText

/** Footer part referenced as `type` (default = odd pages, even = even pages). */
function footer(parts: Parts, type: 'default' | 'even'): string {
  const id = new RegExp(`<w:footerReference w:type="${type}" r:id="(rId\\d+)"`).exec(parts['word/document.xml']!)?.[1]
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(
    parts['word/_rels/document.xml.rels']!,
  )
  return parts[`word/${target?.[1] ?? target?.[2]}`]!
}

function header(parts: Parts, type: 'default' | 'even'): string | undefined {
  const id = new RegExp(`<w:headerReference w:type="${type}" r:id="(rId\\d+)"`).exec(parts['word/document.xml']!)?.[1]
  if (!id) return undefined
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(
    parts['word/_rels/document.xml.rels']!,
  )
  return parts[`word/${target?.[1] ?? target?.[2]}`]
}

/** Namespaces Word 2010 and later understand among those Choice elements name (ISO/IEC 29500-3 §10.2.1). */
const wordUnderstands = new Set([
  'http://schemas.microsoft.com/office/word/2010/wordml',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingShape',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingGroup',
  'http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas',
])
const choices = /<mc:AlternateContent>(.*?)<\/mc:AlternateContent>/g
const choice = /<mc:Choice ([^>]*)>(.*?)<\/mc:Choice>/g

/** The markup a reader keeps of each mc:AlternateContent: the first Choice it takes, else the Fallback, else nothing. */
function alternateContentAs(xml: string, takes: (requires: string, attributes: string) => boolean): string {
  return xml.replace(choices, (_, inner: string) => {
    for (const [, attributes, content] of inner.matchAll(choice))
      if (takes(/Requires="([^"]*)"/.exec(attributes!)![1]!, attributes!)) return content!
    return /<mc:Fallback>(.*?)<\/mc:Fallback>/.exec(inner)?.[1] ?? ''
  })
}

/** As Word reads it: every prefix in Requires resolved to its namespace (declared on the Choice), all understood. */
const asWordReads = (xml: string): string =>
  alternateContentAs(xml, (requires, attributes) =>
    requires
      .split(/\s+/)
      .every(prefix => wordUnderstands.has(new RegExp(`xmlns:${prefix}="([^"]*)"`).exec(attributes)?.[1] ?? '')),
  )
/** As LibreOffice's writerfilter reads it (OOXMLFastContextHandler::prepareMceContext): Requires compared as text. */
const asLibreOfficeReads = (xml: string): string =>
  alternateContentAs(xml, requires => ['wps', 'wpg', 'w14', 'wpc'].includes(requires))
/** The w:overflowPunct value a paragraph property list ends with (a later element overrides an earlier one). */
const overflowPunct = (pPr: string): string | undefined =>
  [...pPr.matchAll(/<w:overflowPunct w:val="(\d)"\/>/g)].at(-1)?.[1]

describe('DOCX of a 人大 report in the GB/T 9704 layout', () => {
  let final: Parts
  let draft: Parts
  beforeAll(async () => {
    final = await docxParts(npcReportFixture(), { draftLabel: null })
    draft = await docxParts(npcReportFixture(), { draftLabel: '征求意见稿' })
  })

  it('uses A4 with 37/26/35/28 mm margins and a 22-line grid', () => {
    const document = final['word/document.xml']!
    expect(document).toContain('<w:pgSz w:w="11906" w:h="16838"')
    expect(document).toMatch(
      /<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="851" w:footer="1400" w:gutter="0"\/>/,
    )
    expect(document).toContain('<w:docGrid w:type="lines" w:linePitch="579"/>')
    expect(final['word/settings.xml']).not.toContain('mirrorMargins')
  })

  it('sets the body in 仿宋_GB2312 16 pt, Times New Roman for Latin, exact 28.95 pt lines, two-character indent, justified', () => {
    const normal = style(final, 'Normal')
    expect(normal).toContain('<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312"')
    expect(normal).toContain('<w:sz w:val="32"/>')
    expect(normal).toContain('<w:spacing w:before="0" w:after="0" w:line="579" w:lineRule="exact"/>')
    // Two characters as set (2 × 15.75 pt), as the PDF indents (core/layout/line-rules.ts).
    expect(normal).toContain('<w:ind w:firstLine="630"/>')
    expect(normal).toContain('<w:jc w:val="both"/>')
    // 28 characters of 16 pt in the 156 mm type area: −0.25 pt per character.
    expect(normal).toContain('<w:spacing w:val="-5"/>')
    expect(final['word/styles.xml']).toContain('<w:lang w:val="en-US" w:eastAsia="zh-CN"')
  })

  it('sets the title in 方正小标宋简体 22 pt, centred, off the grid; subtitle and speaker line in 楷体_GB2312, centred', () => {
    const title = style(final, 'Title')
    expect(title).toContain('w:eastAsia="方正小标宋简体"')
    expect(title).toContain('<w:sz w:val="44"/>')
    expect(title).toContain('<w:snapToGrid w:val="0"/>')
    expect(title).toContain('<w:jc w:val="center"/>')
    expect(title).toContain('<w:ind w:firstLineChars="0" w:firstLine="0"/>')
    for (const id of ['Subtitle', 'SpeakerLine']) {
      expect(style(final, id)).toContain('w:eastAsia="楷体_GB2312"')
      expect(style(final, id)).toContain('<w:jc w:val="center"/>')
    }
    const [first, second, third, fourth] = paragraphs(final)
    expect(first).toContain('<w:pStyle w:val="Title"/>')
    expect(paragraphText(first!)).toBe('金水区人民代表大会常务委员会工作报告')
    expect(second).toContain('<w:pStyle w:val="Subtitle"/>')
    expect(third).toContain('<w:pStyle w:val="SpeakerLine"/>')
    expect(fourth).toContain('<w:pStyle w:val="Salutation"/>')
    expect(paragraphText(fourth!)).toBe('各位代表：')
  })

  it('defines Heading1–4 as Word built-in headings with outline levels and the 黑体/楷体/仿宋 fonts', () => {
    const fonts = ['黑体', '楷体_GB2312', '仿宋_GB2312', '仿宋_GB2312']
    fonts.forEach((font, index) => {
      const heading = style(final, `Heading${index + 1}`)
      expect(heading).toContain(`<w:name w:val="heading ${index + 1}"/>`)
      expect(heading).toContain(`<w:outlineLvl w:val="${index}"/>`)
      expect(heading).toContain(`w:eastAsia="${font}"`)
      expect(heading).toContain('<w:sz w:val="32"/>')
      expect(heading).toContain('<w:b w:val="0"/>')
    })
  })

  it('prints headings with computed markers in the Heading styles', () => {
    const headings = paragraphs(final)
      .filter(xml => /<w:pStyle w:val="Heading\d"\/>/.test(xml))
      .map(xml => `${/Heading(\d)/.exec(xml)![1]} ${paragraphText(xml).slice(0, 12)}`)
    expect(headings).toEqual([
      '1 一、2023年主要工作',
      '2 （一）坚持党的全面领导，',
      '2 （二）聚焦中心大局，依法',
      '3 1.预算审查监督',
      '4 （1）审计查出问题整改',
      '2 （三）坚持人民至上，支持',
      '2 （四）加强自身建设，全面',
      '1 二、2024年主要任务',
      '2 （一）以更高政治站位推动',
      '2 （二）以更实举措提升监督',
      '2 （三）以更优服务支持代表',
    ])
  })

  it('prints a run-in heading and its body as one paragraph: heading runs in the style font, body runs in 仿宋', () => {
    const runIn = paragraphs(final).find(xml => paragraphText(xml).startsWith('（一）坚持党的全面领导'))!
    expect(runIn).toContain('<w:pStyle w:val="Heading2"/>')
    expect(runIn).toContain('<w:keepNext w:val="false"/>')
    const runs = runIn.match(/<w:r>.*?<\/w:r>/g)!
    expect(runs.map(paragraphText)).toEqual([
      '（一）',
      '坚持党的全面领导，确保人大工作正确政治方向。',
      expect.stringMatching(/^严格落实“第一议题”制度/),
    ])
    expect(runs[0]).not.toContain('<w:rFonts')
    expect(runs[1]).not.toContain('<w:rFonts')
    expect(runs[2]).toContain('w:eastAsia="仿宋_GB2312"')
    expect(runs[2]).toContain('<w:b w:val="false"/>')
    expect(paragraphs(final).some(xml => paragraphText(xml).startsWith('严格落实'))).toBe(false)
  })

  it('prints tables full width with borders and a repeated header row', () => {
    const table = /<w:tbl>.*?<\/w:tbl>/.exec(final['word/document.xml']!)![0]
    expect(table).toContain('<w:tblStyle w:val="TableGrid"/>')
    expect(table).toContain('<w:tblW w:type="dxa" w:w="8845"/>')
    expect(table.match(/<w:tblHeader[^>]*>/g)).toEqual(['<w:tblHeader/>'])
    expect(paragraphText(table)).toBe('监督方式次数执法检查4视察调研31')
    expect(style(final, 'TableGrid')).toContain('<w:insideH w:val="single"')
  })

  it('writes the font table with single alternative names and the GB2312 charset', () => {
    const fonts = final['word/fontTable.xml']!
    for (const match of fonts.matchAll(/<w:altName w:val="([^"]*)"/g)) expect(match[1]).not.toContain(',')
    const expected: Array<[string, string]> = [
      ['仿宋_GB2312', '仿宋'],
      ['楷体_GB2312', '楷体'],
      ['方正小标宋简体', '方正小标宋_GBK'],
      ['黑体', 'SimHei'],
      ['宋体', 'SimSun'],
    ]
    for (const [name, altName] of expected) {
      expect(fonts).toContain(`<w:font w:name="${name}"><w:altName w:val="${altName}"/><w:charset w:val="86"/>`)
    }
  })

  it('numbers pages `— N —` in 宋体 14 pt: odd pages right, even pages left, one character in', () => {
    expect(final['word/settings.xml']).toContain('<w:evenAndOddHeaders/>')
    const odd = footer(final, 'default')
    const even = footer(final, 'even')
    for (const part of [odd, even]) {
      expect(part).toMatch(
        /<w:t xml:space="preserve">— <\/w:t>.*<w:instrText xml:space="preserve">PAGE<\/w:instrText>.*<w:t xml:space="preserve"> —<\/w:t>/,
      )
      expect(part).toContain('<w:pStyle w:val="Footer"/>')
    }
    expect(odd).toContain('<w:jc w:val="right"/>')
    expect(odd).toMatch(/<w:ind [^>]*w:right="280"/)
    expect(odd).toMatch(/<w:ind [^>]*w:firstLine="0"/)
    expect(even).toContain('<w:jc w:val="left"/>')
    expect(even).toMatch(/<w:ind [^>]*w:left="280"/)
    // A cached result, for viewers that do not compute fields (issue 12).
    expect(odd).toContain(
      '<w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/>',
    )
    expect(even).toContain(
      '<w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/>',
    )
    const footerStyle = style(final, 'Footer')
    expect(footerStyle).toContain('w:eastAsia="宋体"')
    expect(footerStyle).toContain('w:ascii="宋体"')
    expect(footerStyle).toContain('<w:sz w:val="28"/>')
  })

  it('prints the draft label in the header of odd and even pages, and no header in a final export', () => {
    expect(header(final, 'default')).toBeUndefined()
    for (const type of ['default', 'even'] as const) {
      const part = header(draft, type)!
      expect(paragraphText(part)).toBe('征求意见稿')
      expect(part).toContain('<w:pStyle w:val="Header"/>')
    }
  })

  it('leaves guidance out and prints needs-review text as plain text', async () => {
    const report = npcReportFixture()
    report.doc.content!.push(
      { type: 'guidance', attrs: { text: '请在这里写问题和不足' } },
      {
        type: 'paragraph',
        content: [
          {
            type: 'text',
            text: '全年接待来访群众1200人次。',
            marks: [{ type: 'needsReview', attrs: { source: '2023.wrs' } }],
          },
        ],
      },
    )
    const parts = await docxParts(report, { draftLabel: '讨论稿' })
    const document = parts['word/document.xml']!
    expect(document).not.toContain('请在这里写问题和不足')
    const last = paragraphs(parts).at(-1)!
    expect(paragraphText(last)).toBe('全年接待来访群众1200人次。')
    expect(last).not.toContain('<w:rPr>')
  })

  it('writes the line rules the PDF follows into Normal and the document defaults (issue 12)', () => {
    const rules =
      /<w:widowControl\/><w:kinsoku\/><w:overflowPunct w:val="0"\/>(<mc:AlternateContent>.*?<\/mc:AlternateContent>)?<w:autoSpaceDE w:val="0"\/><w:autoSpaceDN w:val="0"\/>/
    expect(style(final, 'Normal')).toMatch(rules)
    expect(/<w:pPrDefault><w:pPr>(.*?)<\/w:pPr><\/w:pPrDefault>/.exec(final['word/styles.xml']!)?.[1]).toMatch(rules)
    expect(final['word/styles.xml']).not.toContain('<w:widowControl w:val="0"/>')
    for (let level = 1; level <= 4; level++) expect(style(final, `Heading${level}`)).toContain('<w:keepNext/>')
  })

  it('tells Word no punctuation past the margin and LibreOffice its inverted reading of it (docs/layout.md §A.9)', () => {
    const styles = final['word/styles.xml']!
    const normal = (xml: string): string => /<w:style [^>]*w:styleId="Normal"[^>]*>.*?<\/w:style>/.exec(xml)![0]
    const defaults = (xml: string): string => /<w:pPrDefault>.*?<\/w:pPrDefault>/.exec(xml)![0]
    expect(styles).toMatch(
      /^<\?xml[^>]*\?><w:styles [^>]*xmlns:mc="http:\/\/schemas.openxmlformats.org\/markup-compatibility\/2006"/,
    )
    // Word (and WPS, or any reader that skips mc:AlternateContent) reads val="0": nothing hangs past the margin.
    for (const part of [normal, defaults]) {
      expect(overflowPunct(part(asWordReads(styles)))).toBe('0')
      expect(overflowPunct(part(styles.replace(choices, '')))).toBe('0')
      // LibreOffice takes its Choice and reads val="1", which its importer turns into "no hanging punctuation".
      expect(overflowPunct(part(asLibreOfficeReads(styles)))).toBe('1')
    }
    // The Choice would be Word's too if its prefix were bound to the real Word 2010 namespace: the check can fail.
    const realWpg = styles.replace(
      /xmlns:wpg="[^"]*"/g,
      'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup"',
    )
    expect(overflowPunct(normal(asWordReads(realWpg)))).toBe('1')
  })

  it('prints tables with the PDF column widths, 0.75 pt rules, numbers right-aligned and cells centred vertically', () => {
    const table = /<w:tbl>.*?<\/w:tbl>/.exec(final['word/document.xml']!)![0]
    const widths = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map(match => Number(match[1]))
    expect(widths.reduce((sum, width) => sum + width, 0)).toBeGreaterThan(8840)
    // 监督方式 needs more room than 次数: the columns follow their text, not equal shares.
    expect(widths[0]).toBeGreaterThan(widths[1]!)
    expect(style(final, 'TableGrid')).toContain('<w:right w:val="single" w:sz="6"')
    expect(table).toContain('<w:vAlign w:val="center"/>')
    const cells = table.match(/<w:tc>.*?<\/w:tc>/g)!
    const numberCell = cells.find(cell => paragraphText(cell) === '31')!
    expect(numberCell).toContain('<w:jc w:val="right"/>')
    expect(cells.find(cell => paragraphText(cell) === '视察调研')).not.toContain('<w:jc w:val="right"/>')
  })
})

describe('DOCX text that breaks where the PDF breaks (issue 12)', () => {
  it('writes the report text as it is: no invisible characters around digits, —— or ……', async () => {
    const base = npcReportFixture()
    const report = {
      ...base,
      doc: { ...base.doc, content: [...(base.doc.content ?? []), paragraphNode('增长5.8%——完善机制……持续推进')] },
    }
    const parts = await docxParts(report, { draftLabel: null })
    expect(writtenText(paragraphs(parts).at(-1)!)).toBe('增长5.8%——完善机制……持续推进')
  })

  it('puts —— and …… in runs of their own read by the Unicode line rules (LibreOffice splits them otherwise)', async () => {
    const base = npcReportFixture()
    const report = {
      ...base,
      doc: { ...base.doc, content: [...(base.doc.content ?? []), paragraphNode('增长5.8%——完善机制……持续推进')] },
    }
    const last = paragraphs(await docxParts(report, { draftLabel: null })).at(-1)!
    const runs = last.match(/<w:r>.*?<\/w:r>/g)!
    const english = runs.filter(run => run.includes('<w:lang w:eastAsia="en-US"/>')).map(run => writtenText(run))
    expect(english).toEqual(['——', '……'])
    expect(runs.filter(run => !run.includes('<w:lang')).map(run => writtenText(run))).toEqual([
      '增长5.8%',
      '完善机制',
      '持续推进',
    ])
  })

  it('writes the phrase breaks of the title as w:br, where the PDF breaks it', async () => {
    const base = npcReportFixture()
    const title = {
      type: 'reportTitle',
      content: [textNode('中国人民政治协商会议郑州市二七区委员会常务委员会工作报告')],
    }
    const report = { ...base, doc: { ...base.doc, content: [title, ...(base.doc.content ?? []).slice(1)] } }
    const first = paragraphs(await docxParts(report, { draftLabel: null }))[0]!
    expect(first).toContain('<w:pStyle w:val="Title"/>')
    expect(first).toMatch(
      /中国人民政治协商会议<\/w:t><\/w:r><w:r><w:br\/><w:t[^>]*>郑州市二七区委员会常务委员会工作报告</,
    )
  })
})
