import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { AlignmentType, Document, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow } from 'docx'
import { strFromU8, unzipSync, zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildDocx } from '../../../core/export/docx/build-docx'
import { buildPrintHtml } from '../../../core/export/print-html/build-print-html'
import { nodeText, NodeType, type DocNode } from '../../../core/document-model'
import type { ReportFile } from '../../../core/report-file'
import { importReportFile } from '../../../main/services/import-service'
import { numberedListsDocx } from '../../fixtures/numbered-lists-docx'

/**
 * Word lists with automatic numbering (w:numPr → w:numFmt, w:lvlText, w:start) as a clerk's DOCX has them: the import
 * keeps the numbers Word prints (start, format, marker), never adds or renumbers, and both exports print them back.
 */

const folder = mkdtempSync(path.join(tmpdir(), 'wrs-import-lists-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

function lists(document: DocNode): DocNode[] {
  return (document.content ?? []).filter(
    node => node.type === NodeType.orderedList || node.type === NodeType.bulletList,
  )
}

const itemTexts = (list: DocNode): string[] => (list.content ?? []).map(nodeText)

describe('DOCX numbered lists', () => {
  let report: ReportFile
  beforeAll(async () => {
    const file = path.join(folder, 'lists.docx')
    writeFileSync(file, await numberedListsDocx())
    const result = await importReportFile(file)
    if (!result.ok) throw new Error(result.message)
    report = result.value.reports[0]!
  })

  it('imports top-level numbered lists as ordered lists with the source start, format and marker', () => {
    const found = lists(report.doc)
    expect(found.map(list => [list.type, list.attrs ?? {}, itemTexts(list)])).toEqual([
      [NodeType.orderedList, { start: 3, marker: '%1.' }, ['召开常委会会议11次。', '听取审议专项工作报告10项。']],
      [
        NodeType.orderedList,
        { start: 1, type: 'chineseCounting', marker: '（%1）' },
        ['聚焦经济运行开展监督。', '聚焦民生实事开展监督。', '聚焦生态环境开展监督。'],
      ],
      [NodeType.orderedList, { start: 1, marker: '%1、' }, ['走访代表112人次。', '办理建议56件。']],
      // Word carries the numbering on after the paragraph between: 3, not 1 again
      [NodeType.orderedList, { start: 3, marker: '%1、' }, ['组织代表视察8次。']],
      // a new instance starts again at 1
      [NodeType.orderedList, { start: 1, marker: '%1、' }, ['完善议事规则。']],
      [
        NodeType.orderedList,
        { start: 1, type: 'decimalEnclosedCircle', marker: '%1' },
        ['修订常委会组成人员守则。', '修订代表建议办理办法。'],
      ],
      // bullets stay bullets: no numbering the source did not have
      [NodeType.bulletList, {}, ['基层立法联系点建设。', '代表之家建设。']],
    ])
  })

  it('prints the same numbers in the exported DOCX (numbering.xml formats, marker texts and starts)', async () => {
    const files = unzipSync(await buildDocx(report, { draftLabel: null }))
    const numbering = strFromU8(files['word/numbering.xml']!)
    const documentXml = strFromU8(files['word/document.xml']!)
    // the level 0 of each abstract numbering, by abstractNumId
    const abstractLevels = new Map<string, string>()
    for (const match of numbering.matchAll(
      /<w:abstractNum\b[^>]*w:abstractNumId="(\d+)"[^>]*>(.*?)<\/w:abstractNum>/gs,
    ))
      abstractLevels.set(match[1]!, /<w:lvl w:ilvl="0"[^>]*>(.*?)<\/w:lvl>/s.exec(match[2]!)![1]!)
    const numToAbstract = new Map<string, string>()
    for (const match of numbering.matchAll(/<w:num w:numId="(\d+)"[^>]*>\s*<w:abstractNumId w:val="(\d+)"\/>/g))
      numToAbstract.set(match[1]!, match[2]!)
    const printed: string[] = []
    for (const paragraph of documentXml.match(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/gs) ?? []) {
      const numId = /<w:numId w:val="(\d+)"\/>/.exec(paragraph)?.[1]
      if (!numId) continue
      const lvl = abstractLevels.get(numToAbstract.get(numId)!)!
      const text = [...paragraph.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map(match => match[1]).join('')
      const format = /<w:numFmt w:val="([^"]+)"/.exec(lvl)![1]
      const start = /<w:start w:val="(\d+)"/.exec(lvl)![1]
      const marker = /<w:lvlText w:val="([^"]*)"/.exec(lvl)![1]
      printed.push(`${numId}|${format}|${start}|${marker}|${text}`)
    }
    const rows = printed.map(row => row.split('|'))
    expect(rows.map(([, format, start, marker, text]) => [format, start, marker, text])).toEqual([
      ['decimal', '3', '%1.', '召开常委会会议11次。'],
      ['decimal', '3', '%1.', '听取审议专项工作报告10项。'],
      ['chineseCounting', '1', '（%1）', '聚焦经济运行开展监督。'],
      ['chineseCounting', '1', '（%1）', '聚焦民生实事开展监督。'],
      ['chineseCounting', '1', '（%1）', '聚焦生态环境开展监督。'],
      ['decimal', '1', '%1、', '走访代表112人次。'],
      ['decimal', '1', '%1、', '办理建议56件。'],
      ['decimal', '3', '%1、', '组织代表视察8次。'],
      ['decimal', '1', '%1、', '完善议事规则。'],
      ['decimalEnclosedCircle', '1', '%1', '修订常委会组成人员守则。'],
      ['decimalEnclosedCircle', '1', '%1', '修订代表建议办理办法。'],
      ['bullet', '1', '•', '基层立法联系点建设。'],
      ['bullet', '1', '•', '代表之家建设。'],
    ])
    // each list is its own Word list (its own w:num), items of one list share it
    const ids = rows.map(([numId]) => numId)
    expect(new Set(ids).size).toBe(7)
    expect(ids[0]).toBe(ids[1])
  })

  it('prints the same numbers in the PDF’s HTML', () => {
    const html = buildPrintHtml(report, { draftLabel: null, fonts: null })
    const markers = [...html.matchAll(/<p class="body list"[^>]*><span class="nb">([^<]*)<\/span>(.*?)<\/p>/g)].map(
      match => `${match[1]!.trim()} ${match[2]!.replace(/<[^>]+>/g, '')}`,
    )
    expect(markers).toEqual([
      '3. 召开常委会会议11次。',
      '4. 听取审议专项工作报告10项。',
      '（一） 聚焦经济运行开展监督。',
      '（二） 聚焦民生实事开展监督。',
      '（三） 聚焦生态环境开展监督。',
      '1、 走访代表112人次。',
      '2、 办理建议56件。',
      '3、 组织代表视察8次。',
      '1、 完善议事规则。',
      '① 修订常委会组成人员守则。',
      '② 修订代表建议办理办法。',
      '• 基层立法联系点建设。',
      '• 代表之家建设。',
    ])
  })
})

/** Themes numbered by Word (`（一）`, a level of its own `%1.%2` under them), as a draft outline often is. */
async function outlineDocx(themeStart: number): Promise<Uint8Array> {
  const level = (ilvl: number, format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string, start = 1) => ({
    level: ilvl,
    format,
    text,
    start,
    alignment: AlignmentType.LEFT,
  })
  const numbered = (text: string, ilvl: number) =>
    new Paragraph({ text, numbering: { reference: 'outline', level: ilvl } })
  const document = new Document({
    numbering: {
      config: [
        {
          reference: 'outline',
          levels: [
            level(0, LevelFormat.CHINESE_COUNTING, '（%1）', themeStart),
            level(1, LevelFormat.DECIMAL, '%1.%2'),
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          new Paragraph('××区人民代表大会常务委员会工作报告'),
          new Paragraph('各位代表：'),
          new Paragraph({ text: '一、2023年工作回顾', heading: HeadingLevel.HEADING_1 }),
          numbered('加强监督工作', 0),
          numbered('听取专项工作报告，督促整改问题。', 1),
          numbered('开展执法检查，推动法律实施。', 1),
          numbered('支持代表依法履职', 0),
          numbered('办理代表建议，件件有回音。', 1),
        ],
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(document))
}

async function importOutline(name: string, bytes: Uint8Array): Promise<DocNode[]> {
  const file = path.join(folder, name)
  writeFileSync(file, bytes)
  const result = await importReportFile(file)
  if (!result.ok) throw new Error(result.message)
  return result.value.reports[0]!.doc.content!
}

describe('DOCX auto-numbered themes', () => {
  it('makes a theme Word numbered （一） a level-2 heading and keeps the items under it as lists, numbers as printed', async () => {
    const content = await importOutline('outline.docx', await outlineDocx(1))
    const shown = content
      .slice(2)
      .map(node => [node.type, node.type === NodeType.heading ? node.attrs?.level : node.attrs, nodeText(node)])
    expect(shown).toEqual([
      [NodeType.heading, 1, '2023年工作回顾'],
      [NodeType.heading, 2, '加强监督工作'],
      [
        NodeType.orderedList,
        { start: 1, marker: '一.%1' },
        '听取专项工作报告，督促整改问题。开展执法检查，推动法律实施。',
      ],
      [NodeType.heading, 2, '支持代表依法履职'],
      [NodeType.orderedList, { start: 1, marker: '二.%1' }, '办理代表建议，件件有回音。'],
    ])
    expect(content.some(node => node.attrs?.sourceNumber)).toBe(false)
  })

  it('keeps a printed theme number the report does not compute as evidence (sourceNumber), never silently renumbers', async () => {
    const content = await importOutline('outline-from-3.docx', await outlineDocx(3))
    const themes = content.filter(node => node.type === NodeType.heading && node.attrs?.level === 2)
    expect(themes.map(node => [nodeText(node), node.attrs?.sourceNumber])).toEqual([
      ['加强监督工作', '（三）'],
      ['支持代表依法履职', '（四）'],
    ])
  })
})

describe('DOCX numbered list in a table cell', () => {
  it('keeps its numbers in the editor model and prints them in both exports', async () => {
    const numbered = (text: string) => new Paragraph({ text, numbering: { reference: 'cell', level: 0 } })
    const document = new Document({
      numbering: {
        config: [
          {
            reference: 'cell',
            levels: [
              { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1是', start: 2, alignment: AlignmentType.LEFT },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph('各位代表：'),
            new Paragraph('重点工作见下表。'),
            new Table({
              rows: [
                new TableRow({
                  children: [
                    new TableCell({ children: [new Paragraph('监督重点')] }),
                    new TableCell({ children: [numbered('听取专项工作报告'), numbered('开展执法检查')] }),
                  ],
                }),
              ],
            }),
          ],
        },
      ],
    })
    const file = path.join(folder, 'cell-list.docx')
    writeFileSync(file, new Uint8Array(await Packer.toBuffer(document)))
    const result = await importReportFile(file)
    if (!result.ok) throw new Error(result.message)
    const report = result.value.reports[0]!
    const table = report.doc.content!.find(node => node.type === NodeType.table)!
    const list = table.content![0]!.content![1]!.content!.find(node => node.type === NodeType.orderedList)!
    expect(list.attrs).toEqual({ start: 2, type: 'chineseCounting', marker: '%1是' })
    expect(itemTexts(list)).toEqual(['听取专项工作报告', '开展执法检查'])

    const files = unzipSync(await buildDocx(report, { draftLabel: null }))
    const numbering = strFromU8(files['word/numbering.xml']!)
    expect(numbering).toMatch(
      /<w:lvl w:ilvl="0"[^>]*>(?:(?!<\/w:lvl>).)*<w:start w:val="2"\/>(?:(?!<\/w:lvl>).)*<w:numFmt w:val="chineseCounting"\/>(?:(?!<\/w:lvl>).)*<w:lvlText w:val="%1是"\/>/s,
    )
    const html = buildPrintHtml(report, { draftLabel: null, fonts: null })
    expect([...html.matchAll(/<span class="nb">([^<]*)<\/span>/g)].map(match => match[1])).toEqual(['二是', '三是'])
  })
})

describe('DOCX lists that share one abstract numbering', () => {
  it('numbers on across them as Word does when the second does not override its start (no restart made up)', async () => {
    const files = unzipSync(await numberedListsDocx())
    const numbering = strFromU8(files['word/numbering.xml']!)
    // the 另起 list (the `1、` lists' second w:num) without its w:startOverride
    const ids = [...numbering.matchAll(/<w:num w:numId="(\d+)"><w:abstractNumId w:val="(\d+)"\/>/g)]
    const shared = ids.find(([, , abstract], index) => ids.findIndex(other => other[2] === abstract) !== index)!
    const edited = numbering.replace(
      new RegExp(
        `(<w:num w:numId="${shared[1]}"><w:abstractNumId w:val="${shared[2]}"/>)<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>`,
      ),
      '$1',
    )
    expect(edited).not.toBe(numbering)
    files['word/numbering.xml'] = new TextEncoder().encode(edited)
    const file = path.join(folder, 'shared-abstract.docx')
    writeFileSync(file, zipSync(files))
    const result = await importReportFile(file)
    if (!result.ok) throw new Error(result.message)
    const found = lists(result.value.reports[0]!.doc).filter(list => list.attrs?.marker === '%1、')
    expect(found.map(list => [list.attrs?.start, itemTexts(list)])).toEqual([
      [1, ['走访代表112人次。', '办理建议56件。']],
      [3, ['组织代表视察8次。']],
      [4, ['完善议事规则。']],
    ])
  })
})
