import { describe, expect, it } from 'vitest'
import { heading, paragraph, textNode, type DocNode } from '../../../../core/document-model'
import { buildPrintHtml } from '../../../../core/export/print-html/build-print-html'
import { planFonts } from '../../../../core/export/print-html/font-plan'
import { reportFileSchema, type ReportFile } from '../../../../core/report-file'
import { npcReportFixture } from '../../../fixtures/docx-npc-report'

function report(
  content: DocNode[],
  meta: Partial<ReportFile['meta']> = {},
  layout?: Partial<ReportFile['layout']>,
): ReportFile {
  return reportFileSchema.parse({
    format: 'work-report-studio',
    version: 1,
    meta: { templateId: 'npc', kind: 'npc', planYear: 2024, ...meta },
    doc: { type: 'doc', content },
    ...(layout
      ? {
          layout: {
            linePitchPt: 28.95,
            headingBold: { h1: false, h2: false, h3: false, h4: false },
            mirrorMargins: false,
            latinTimes: true,
            ...layout,
          },
        }
      : {}),
  })
}

const bodyOf = (html: string): string => html.slice(html.indexOf('<body>'), html.indexOf('</body>'))
const styleOf = (html: string): string => html.slice(html.indexOf('<style>'), html.indexOf('</style>'))
const fandolPlan = planFonts([
  'FandolFang,FandolFang R',
  'FandolKai',
  'FandolHei',
  'FandolSong',
  'Noto Serif CJK SC',
  'Noto Sans CJK SC',
  'Liberation Serif',
])

describe('buildPrintHtml', () => {
  it('prints computed markers 一、（一）1.（1） with the heading font by marker depth', () => {
    const html = bodyOf(buildPrintHtml(npcReportFixture(), { draftLabel: null, fonts: fandolPlan }))
    expect(html).toContain('<h2 class="h d1 b1">一、<span class="nb">2023</span>年主要工作</h2>')
    expect(html).toContain('<h4 class="h d3 b3">1.预算审查监督</h4>')
    expect(html).toContain('<h5 class="h d4 b4">（1）审计查出问题整改</h5>')
    expect(html).toContain('<h2 class="h d1 b1">二、<span class="nb">2024</span>年主要任务</h2>')
  })

  it('joins a run-in heading and its body paragraph into one printed paragraph', () => {
    const html = bodyOf(buildPrintHtml(npcReportFixture(), { draftLabel: null, fonts: fandolPlan }))
    expect(html).toContain(
      '<span class="h d2 b2" role="heading" aria-level="3">（一）坚持党的全面领导，确保人大工作正确政治方向。</span>严格落实“第一议题”制度',
    )
    expect(html).not.toContain('<h3')
  })

  it('numbers year parts without a marker and starts 一、 at the second level under yearParts', () => {
    const html = bodyOf(
      buildPrintHtml(
        report([heading(1, '2023年主要工作'), heading(2, '始终坚持党的全面领导')], { numbering: 'yearParts' }),
        { draftLabel: null, fonts: null },
      ),
    )
    expect(html).toContain('<h2 class="h d0 b1"><span class="nb">2023</span>年主要工作</h2>')
    expect(html).toContain('<h3 class="h d1 b1">一、始终坚持党的全面领导</h3>')
  })

  it('escapes every text and emits no script, even for hostile content', () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>"\''
    const html = buildPrintHtml(
      report([{ type: 'reportTitle', content: [textNode(hostile)] }, paragraph(hostile)], { title: hostile }),
      { draftLabel: null, fonts: null },
    )
    expect(html).not.toMatch(/<script|<img/i)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;')
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`)
  })

  it('keeps ——, …… and Arabic numbers with their signs unbreakable', () => {
    const html = bodyOf(
      buildPrintHtml(report([paragraph('新阶段——全面深化，立法、监督……满意率达100%，资金8.6亿元，15:40开会')]), {
        draftLabel: null,
        fonts: null,
      }),
    )
    for (const run of ['——', '……', '100%', '8.6', '15:40']) expect(html).toContain(`<span class="nb">${run}</span>`)
    expect(styleOf(buildPrintHtml(report([]), { draftLabel: null, fonts: null }))).toContain('line-break: strict')
  })

  it('puts one grid line between the centred head and the salutation, and prints guidance prompts nowhere', () => {
    const html = bodyOf(
      buildPrintHtml(
        report([
          { type: 'reportTitle', content: [textNode('政府工作报告')] },
          { type: 'speakerLine', content: [textNode('区长 李四')] },
          { type: 'salutation', content: [textNode('各位代表：')] },
          { type: 'guidance', attrs: { text: '在这里写开场白' } },
          paragraph('现在，我代表区人民政府，向大会报告政府工作，请予审议。'),
        ]),
        { draftLabel: null, fonts: null },
      ),
    )
    expect(html).toContain('<p class="speaker fm-last">区长 李四</p>')
    expect(html).toContain('<p class="salutation">各位代表：</p>')
    expect(html).not.toContain('在这里写开场白')
  })

  it('prints the draft label in the page margin only for a draft, and page numbers — N — on left and right pages', () => {
    const final = styleOf(buildPrintHtml(npcReportFixture(), { draftLabel: null, fonts: null }))
    const draft = styleOf(buildPrintHtml(npcReportFixture(), { draftLabel: '征求意见稿', fonts: null }))
    expect(final).not.toContain('@top-center')
    expect(draft).toContain('@top-center { content: "征求意见稿"')
    expect(draft).toMatch(
      /@page :right \{ @bottom-right \{ content: "\\2014  " counter\(page\) " \\2014";[^}]*text-align: right; padding-right: 14pt;/,
    )
    expect(draft).toMatch(
      /@page :left \{ +@bottom-left \{ content: "\\2014  " counter\(page\) " \\2014";[^}]*text-align: left; padding-left: 14pt;/,
    )
  })

  it('takes the line pitch, heading bold and mirrored margins from the report layout', () => {
    const css = styleOf(
      buildPrintHtml(
        report(
          [],
          {},
          { linePitchPt: 28.8, headingBold: { h1: false, h2: true, h3: true, h4: false }, mirrorMargins: true },
        ),
        { draftLabel: null, fonts: null },
      ),
    )
    expect(css).toContain('line-height: 28.8pt')
    expect(css).toContain('.b2 { font-weight: 700; }')
    expect(css).toContain('.b4 { font-weight: 400; }')
    expect(css).toMatch(/@page :left \{ margin-left: 26mm; margin-right: calc\(28mm/)
  })

  it('lists the official family first and falls back in the documented order', () => {
    const css = styleOf(buildPrintHtml(report([]), { draftLabel: null, fonts: null }))
    expect(css).toContain(
      'body { color: #000; font-family: "WRS Latin", "仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "STFangsong", "WRS FandolFang", "FandolFang", "Noto Serif CJK SC"',
    )
  })

  it('sets the DOCX line rules: its letter spacing and indent, widows and orphans of two, short paragraphs kept whole', () => {
    const long = '常委会坚持把监督工作作为推动决策部署落地见效的重要抓手，听取审议专项工作报告。'.repeat(3)
    const html = buildPrintHtml(report([paragraph('全年召开常委会会议8次。'), paragraph(long)]), {
      draftLabel: null,
      fonts: fandolPlan,
    })
    const css = styleOf(html)
    expect(css).toContain('letter-spacing: -0.25pt;')
    expect(css).toContain('text-indent: 31.5pt;')
    expect(css).toContain('orphans: 2; widows: 2;')
    expect(css).toContain('.keep { break-inside: avoid; }')
    // Three lines or fewer cannot split two and two: Chromium is told to move them whole, as Word does.
    expect(bodyOf(html)).toContain('<p class="body keep">全年召开常委会会议8次。</p>')
    expect(bodyOf(html)).toContain(`<p class="body">${long}</p>`)
  })

  it('draws tables with fixed column widths, 0.75 pt rules, numbers right-aligned and cells centred vertically', () => {
    const html = buildPrintHtml(npcReportFixture(), { draftLabel: null, fonts: fandolPlan })
    expect(bodyOf(html)).toMatch(/<table><colgroup>(<col style="width:[\d.]+%">){2}<\/colgroup>/)
    expect(bodyOf(html)).toContain('<td class="num"><p class="cell"><span class="nb">31</span></p></td>')
    const css = styleOf(html)
    expect(css).toContain('table-layout: fixed')
    expect(css).toContain('border: 0.75pt solid #000')
    expect(css).toContain('vertical-align: middle')
    expect(css).toContain('td.num .cell { text-align: right; }')
  })

  it('sets the page-number digits in the 宋体 face, not the Latin face', () => {
    const css = styleOf(buildPrintHtml(npcReportFixture(), { draftLabel: null, fonts: fandolPlan }))
    for (const side of ['left', 'right']) {
      const rule = new RegExp(`@bottom-${side} \\{[^}]*font-family: ([^;]*);`).exec(css)![1]!
      expect(rule).not.toContain('WRS Latin')
      expect(rule).toContain('FandolSong')
    }
  })
})
