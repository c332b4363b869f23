import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { afterAll, describe, expect, it } from 'vitest'
import { nodeText, NodeType, type DocNode } from '../../../core/document-model'
import { formatListNumber, listFormatOf } from '../../../core/list-numbering'
import { withListNumbers } from '../../../main/import/list-numbers'
import { importReportFile } from '../../../main/services/import-service'

/**
 * Word numbering the import resolves as Word does (ECMA-376 Part 1 §17.9): lists linked to a numbering style
 * (`w:numStyleLink` → the style's `w:numId` → the abstract numbering with `w:styleLink`), `w:lvlRestart` and
 * `w:isLgl`. The DOCX files are written here by hand, as Word writes these parts.
 */

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
const folder = mkdtempSync(path.join(tmpdir(), 'wrs-list-links-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

const level = (ilvl: number, format: string, text: string, extra = '') =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="1"/><w:numFmt w:val="${format}"/>${extra}<w:lvlText w:val="${text}"/></w:lvl>`

const item = (text: string, numId: number, ilvl = 0) =>
  `<w:p><w:pPr><w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr></w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`

function parts(body: string, numbering: string, styles = ''): Record<string, Uint8Array> {
  return {
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>' +
        '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/_rels/document.xml.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
    ),
    'word/numbering.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>${numbering}</w:numbering>`),
    'word/styles.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}>${styles}</w:styles>`),
  }
}

/** The numbers Word prints before the numbered paragraphs, in order, as the import keeps them. */
function printed(files: Record<string, Uint8Array>): string[] {
  return Object.values(withListNumbers(files, 'word/document.xml').numbers).map(number =>
    number.marker.replace('%1', formatListNumber(listFormatOf(number.format), number.value)),
  )
}

/** A list style 汇报编号 (（一）, then 1.) defined by abstract numbering 1; abstract 2 only links to it. */
const linkedNumbering =
  `<w:abstractNum w:abstractNumId="1"><w:styleLink w:val="HuibaoList"/>${level(0, 'chineseCounting', '（%1）')}${level(1, 'decimal', '%2.')}</w:abstractNum>` +
  '<w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="HuibaoList"/></w:abstractNum>' +
  '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>'
const linkedStyles =
  '<w:style w:type="numbering" w:styleId="HuibaoList"><w:name w:val="汇报编号"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>'

const listsOf = (doc: DocNode): DocNode[] => (doc.content ?? []).filter(node => node.type === NodeType.orderedList)

describe('DOCX lists linked to a numbering style', () => {
  it('number with the style’s levels (w:numStyleLink → style → w:styleLink), not the default 1. 2. 3.', () => {
    const body = item('聚焦经济运行开展监督。', 2) + item('走访代表。', 2, 1) + item('聚焦民生实事开展监督。', 2)
    expect(printed(parts(body, linkedNumbering, linkedStyles))).toEqual(['（一）', '1.', '（二）'])
    // the link is found through the w:styleLink too when the style names no w:numId
    const bare = '<w:style w:type="numbering" w:styleId="HuibaoList"><w:name w:val="汇报编号"/></w:style>'
    expect(printed(parts(body, linkedNumbering, bare))).toEqual(['（一）', '1.', '（二）'])
  })

  it('imports such a list with the printed numbers, counted on with the lists using the style directly', async () => {
    const body =
      item('聚焦经济运行开展监督。', 2) +
      item('聚焦民生实事开展监督。', 2) +
      '<w:p><w:r><w:t>另一段正文。</w:t></w:r></w:p>' +
      item('聚焦生态环境开展监督。', 1)
    const file = path.join(folder, 'linked.docx')
    writeFileSync(file, zipSync(parts(body, linkedNumbering, linkedStyles)))
    const result = await importReportFile(file)
    if (!result.ok) throw new Error(result.message)
    const lists = listsOf(result.value.reports[0]!.doc)
    expect(lists.map(list => [list.attrs, (list.content ?? []).map(nodeText)])).toEqual([
      [{ start: 1, type: 'chineseCounting', marker: '（%1）' }, ['聚焦经济运行开展监督。', '聚焦民生实事开展监督。']],
      [{ start: 3, type: 'chineseCounting', marker: '（%1）' }, ['聚焦生态环境开展监督。']],
    ])
  })
})

describe('DOCX level restarts and legal numbering', () => {
  it('restarts a level only after the levels its w:lvlRestart names (0: never)', () => {
    const numbering =
      '<w:abstractNum w:abstractNumId="1">' +
      level(0, 'decimal', '%1.') +
      level(1, 'decimal', '%2)', '<w:lvlRestart w:val="0"/>') +
      level(2, 'lowerLetter', '%3)', '<w:lvlRestart w:val="1"/>') +
      '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    const body = [
      item('一', 1),
      item('甲', 1, 1),
      item('a', 1, 2),
      item('b', 1, 2),
      item('乙', 1, 1), // level 2 does not restart under level 1 (w:lvlRestart 1: only after level 1 = ilvl 0)
      item('c', 1, 2),
      item('二', 1), // level 1 never restarts; level 2 restarts after ilvl 0
      item('丙', 1, 1),
      item('a', 1, 2),
    ].join('')
    expect(printed(parts(body, numbering))).toEqual(['1.', '1)', 'a)', 'b)', '2)', 'c)', '2.', '3)', 'a)'])
  })

  it('without w:lvlRestart deeper levels restart under each new upper item (as before)', () => {
    const numbering =
      `<w:abstractNum w:abstractNumId="1">${level(0, 'decimal', '%1.')}${level(1, 'decimal', '%2)')}</w:abstractNum>` +
      '<w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    const body = [item('一', 1), item('甲', 1, 1), item('乙', 1, 1), item('二', 1), item('丙', 1, 1)].join('')
    expect(printed(parts(body, numbering))).toEqual(['1.', '1)', '2)', '2.', '1)'])
  })

  it('prints a w:isLgl level with every number in Arabic digits (第一章 → 1.1), other levels as they are', () => {
    const numbering =
      '<w:abstractNum w:abstractNumId="1">' +
      level(0, 'upperRoman', '%1.') +
      level(1, 'lowerLetter', '%1.%2', '<w:isLgl/>') +
      level(2, 'lowerLetter', '%1.%3', '<w:isLgl w:val="0"/>') +
      '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>'
    const body = [item('一', 1), item('甲', 1), item('甲一', 1, 1), item('甲二', 1, 1), item('x', 1, 2)].join('')
    expect(printed(parts(body, numbering))).toEqual(['I.', 'II.', '2.1', '2.2', 'II.a'])
  })
})
