import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { buildDocx } from '../../../core/export/docx/build-docx'
import { npcReportFixture } from '../../fixtures/docx-npc-report'
import type { ReportFile } from '../../../core/report-file'

async function part(report: ReportFile, name: string): Promise<string> {
  return strFromU8(unzipSync(await buildDocx(report, { draftLabel: null }))[name]!)
}

const styleOf = (styles: string, id: string): string =>
  new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`).exec(styles)![0]
const texts = (xml: string): string[] =>
  (xml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/g) ?? []).map(paragraph =>
    [...paragraph.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map(match => match[1]).join(''),
  )

describe('per-report layout settings in the DOCX', () => {
  it('uses the report line pitch for the grid and the exact line spacing', async () => {
    const report = npcReportFixture({ layout: { linePitchPt: 28 } })
    expect(await part(report, 'word/document.xml')).toContain('<w:docGrid w:type="lines" w:linePitch="560"/>')
    expect(styleOf(await part(report, 'word/styles.xml'), 'Normal')).toContain('w:line="560" w:lineRule="exact"')
  })

  it('makes the chosen heading levels bold', async () => {
    const styles = await part(
      npcReportFixture({ layout: { headingBold: { h1: false, h2: true, h3: true, h4: false } } }),
      'word/styles.xml',
    )
    expect(styleOf(styles, 'Heading1')).toContain('<w:b w:val="0"/>')
    expect(styleOf(styles, 'Heading2')).toContain('<w:b/><w:bCs/>')
    expect(styleOf(styles, 'Heading3')).toContain('<w:b/><w:bCs/>')
    expect(styleOf(styles, 'Heading4')).toContain('<w:b w:val="0"/>')
  })

  it('mirrors the margins for duplex printing when asked', async () => {
    expect(await part(npcReportFixture({ layout: { mirrorMargins: true } }), 'word/settings.xml')).toMatch(
      /<w:mirrorMargins\/><w:defaultTabStop/,
    )
  })

  it('sets digits and Latin letters in the Chinese font when Times New Roman is switched off', async () => {
    const normal = styleOf(await part(npcReportFixture({ layout: { latinTimes: false } }), 'word/styles.xml'), 'Normal')
    expect(normal).toContain('<w:rFonts w:ascii="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:eastAsia="仿宋_GB2312"')
  })

  it('leaves year parts unnumbered in 黑体 and numbers the levels below 一、（一）1. in the yearParts scheme', async () => {
    const report = npcReportFixture({ numbering: 'yearParts' })
    const styles = await part(report, 'word/styles.xml')
    expect(styleOf(styles, 'Heading1')).toContain('w:eastAsia="黑体"')
    expect(styleOf(styles, 'Heading2')).toContain('w:eastAsia="黑体"')
    expect(styleOf(styles, 'Heading3')).toContain('w:eastAsia="楷体_GB2312"')
    expect(styleOf(styles, 'Heading4')).toContain('w:eastAsia="仿宋_GB2312"')
    const lines = texts(await part(report, 'word/document.xml'))
    expect(lines).toContain('2023年主要工作')
    expect(lines).toContain('2024年主要任务')
    expect(lines.some(line => line.startsWith('一、坚持党的全面领导'))).toBe(true)
    expect(lines).toContain('（一）预算审查监督')
    expect(lines).toContain('1.审计查出问题整改')
  })
})
