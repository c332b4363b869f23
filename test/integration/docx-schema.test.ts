import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, describe, expect, it } from 'vitest'
import { buildDocx, type BuildDocxOptions } from '../../core/export/docx/build-docx'
import type { DocNode } from '../../core/document-model'
import { reportFileSchema, type ReportFile } from '../../core/report-file'
import { npcReportFixture } from '../fixtures/docx-npc-report'
import { markedReport } from '../fixtures/review/review-marked'

/**
 * Every XML part of every DOCX we write, checked with xmllint against the ISO/IEC 29500-4:2016 transitional schemas
 * (test/fixtures/ooxml-schemas, copied from the docx library's repository, which validates its own demos the same
 * way). Markup compatibility is applied first as a consumer does (ISO/IEC 29500-3): attributes and elements of
 * the namespaces a part lists in mc:Ignorable are dropped, and each mc:AlternateContent becomes its Fallback (or
 * nothing): the validator understands no namespace outside ISO/IEC 29500, so it takes no Choice. The package parts (rels, content types, core
 * properties) belong to OPC, whose schemas are not here; they are checked to be well-formed XML.
 */
const schemas = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/ooxml-schemas')
const folder = mkdtempSync(path.join(tmpdir(), 'wrs-docx-schema-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

function schemaOf(part: string, xml: string): string | undefined {
  // commentsExtended.xml is a Word 2012 part (w15), outside ISO/IEC 29500
  if (!/^(<\?xml[^>]*\?>\s*)?<(w|a|Properties)[:\s>]/.test(xml)) return undefined
  if (/^word\/(theme\/)?theme\d*\.xml$/.test(part)) return 'dml-main.xsd'
  if (part.startsWith('word/') && part.endsWith('.xml') && !part.includes('_rels/')) return 'wml.xsd'
  if (part === 'docProps/app.xml') return 'shared-documentPropertiesExtended.xsd'
  if (part === 'docProps/custom.xml') return 'shared-documentPropertiesCustom.xsd'
  return undefined
}

/** Markup compatibility processing: the ignorable namespaces' attributes and elements removed, alternates chosen. */
function withoutIgnorable(xml: string): string {
  const ignorable = /\smc:Ignorable="([^"]*)"/.exec(xml)?.[1]?.split(/\s+/).filter(Boolean) ?? []
  let out = xml
    .replace(/\smc:Ignorable="[^"]*"/, '')
    .replace(
      /<mc:AlternateContent>([\s\S]*?)<\/mc:AlternateContent>/g,
      (_, inner: string) => /<mc:Fallback>([\s\S]*?)<\/mc:Fallback>/.exec(inner)?.[1] ?? '',
    )
  for (const prefix of ignorable) {
    out = out
      .replace(new RegExp(`\\s${prefix}:[\\w-]+="[^"]*"`, 'g'), '')
      .replace(new RegExp(`<${prefix}:[\\w-]+[^>]*/>`, 'g'), '')
      .replace(new RegExp(`<${prefix}:([\\w-]+)[^>]*>[\\s\\S]*?</${prefix}:\\1>`, 'g'), '')
  }
  return out
}

let serial = 0

/** xmllint's complaints about one part (empty when it is valid). */
function problems(part: string, xml: string): string {
  const file = path.join(folder, `${serial++}-${path.basename(part)}`)
  const schema = schemaOf(part, xml)
  writeFileSync(file, schema ? withoutIgnorable(xml) : xml)
  const args = schema
    ? ['--noout', '--nonet', '--schema', path.join(schemas, schema), file]
    : ['--noout', '--nonet', file]
  try {
    execFileSync('xmllint', args, { stdio: 'pipe' })
    return ''
  } catch (error) {
    return `${part}: ${String((error as { stderr?: Buffer }).stderr ?? error)}`
  }
}

async function invalidParts(report: ReportFile, options: BuildDocxOptions): Promise<string[]> {
  const files = unzipSync(await buildDocx(report, options))
  const xmlParts = Object.entries(files).filter(([name]) => /\.(xml|rels)$/.test(name))
  expect(xmlParts.length).toBeGreaterThan(10)
  return xmlParts.map(([name, bytes]) => problems(name, strFromU8(bytes))).filter(Boolean)
}

const text = (value: string): DocNode => ({ type: 'text', text: value })
const paragraph = (value: string): DocNode => ({ type: 'paragraph', content: [text(value)] })

/** Characters no XML part may hold, tables with no rows and rows with no cells: what a broken source brings in. */
function reportWithBadInput(): ReportFile {
  const base = npcReportFixture()
  const content = [
    ...base.doc.content!,
    paragraph('年末常住人口\uffff增长\ufffe，控制字符\u0001\u001f在此，孤立代理项\ud800与\udc00结束。'),
    { type: 'table', content: [] },
    { type: 'table', content: [{ type: 'tableRow', content: [] }] },
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [] },
        { type: 'tableRow', content: [{ type: 'tableCell', content: [paragraph('指标\uffff')] }] },
      ],
    },
  ]
  return reportFileSchema.parse({
    ...base,
    meta: { ...base.meta, title: '金水区人民代表大会\uffff常务委员会工作报告' },
    doc: { type: 'doc', content },
  })
}

describe('DOCX parts validate against the ISO/IEC 29500 transitional schemas', () => {
  it('the 人大 report, final and draft', async () => {
    expect(await invalidParts(npcReportFixture(), { draftLabel: null })).toEqual([])
    expect(await invalidParts(npcReportFixture(), { draftLabel: '征求意见稿' })).toEqual([])
  })

  it('the 征求意见稿 with comments and suggestions as Word markup', async () => {
    expect(await invalidParts(markedReport(), { draftLabel: '征求意见稿', markup: true })).toEqual([])
  })

  it('text with U+FFFF, U+FFFE, C0 controls and lone surrogates, and empty tables and rows', async () => {
    const report = reportWithBadInput()
    expect(await invalidParts(report, { draftLabel: null })).toEqual([])
    const files = unzipSync(await buildDocx(report, { draftLabel: null }))
    const document = strFromU8(files['word/document.xml']!)
    expect(document).toContain('年末常住人口增长，控制字符在此，孤立代理项与结束。')
    expect(strFromU8(files['docProps/core.xml']!)).toContain('金水区人民代表大会常务委员会工作报告')
    const tablesIn = (xml: string) => xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []
    const base = strFromU8(unzipSync(await buildDocx(npcReportFixture(), { draftLabel: null }))['word/document.xml']!)
    const tables = tablesIn(document)
    expect(tables).toHaveLength(tablesIn(base).length + 1)
    for (const table of tables) {
      expect(table).toMatch(/<w:tr[ >]/)
      for (const row of table.match(/<w:tr[ >][\s\S]*?<\/w:tr>/g) ?? []) expect(row).toMatch(/<w:tc[ >]/)
    }
    expect(tables.at(-1)).toContain('指标')
  })

  it('lists that keep their own numbering (中文 numbers, ①, a start of 3, a marker of their own)', async () => {
    const base = npcReportFixture()
    const item = (value: string): DocNode => ({ type: 'listItem', content: [paragraph(value)] })
    const list = (attrs: Record<string, unknown>, ...items: string[]): DocNode => ({
      type: 'orderedList',
      attrs,
      content: items.map(item),
    })
    const report = reportFileSchema.parse({
      ...base,
      doc: {
        type: 'doc',
        content: [
          ...base.doc.content!,
          list({ start: 3, marker: '%1、' }, '召开会议。', '开展检查。'),
          list({ start: 1, type: 'chineseCounting', marker: '（%1）' }, '聚焦经济运行。'),
          list({ start: 1, type: 'decimalEnclosedCircle', marker: '%1' }, '修订守则。'),
        ],
      },
    })
    expect(await invalidParts(report, { draftLabel: null })).toEqual([])
  })

  it('the check is not blind: an element out of place or a U+FFFF is reported', () => {
    const broken =
      '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tr/></w:body></w:document>'
    expect(problems('word/document.xml', broken)).toMatch(/tr/)
    const fallback = (inside: string): string =>
      `<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:docDefaults><w:pPrDefault><w:pPr><mc:AlternateContent><mc:Choice xmlns:x="urn:x" Requires="x"><w:kinsoku/></mc:Choice><mc:Fallback>${inside}</mc:Fallback></mc:AlternateContent></w:pPr></w:pPrDefault></w:docDefaults></w:styles>`
    expect(problems('word/styles.xml', fallback('<w:kinsoku/>'))).toBe('')
    expect(problems('word/styles.xml', fallback('<w:tr/>'))).toMatch(/tr/)
    expect(problems('docProps/core.xml', '<a>\uffff</a>')).not.toBe('')
  })
})

describe('DOCX export of a very long report', () => {
  it('a report of 130,000 flat paragraphs is built (no argument list as long as the document)', async () => {
    const base = npcReportFixture()
    const flat = Array.from({ length: 130_000 }, (_, index) => paragraph(`段落${index}。`))
    const report = reportFileSchema.parse({ ...base, doc: { type: 'doc', content: [...base.doc.content!, ...flat] } })
    const document = strFromU8(unzipSync(await buildDocx(report, { draftLabel: '征求意见稿' }))['word/document.xml']!)
    expect(document).toContain('段落129999。')
  })
})
