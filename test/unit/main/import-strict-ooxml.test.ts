import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { afterAll, describe, expect, it } from 'vitest'
import { transitionalName, transitionalPackage } from '../../../main/import/strict-ooxml'
import { importReportFile } from '../../../main/services/import-service'
import { numberedListsDocx } from '../../fixtures/numbered-lists-docx'
import { docxWithHeadingStyles } from './docx-import-fixtures'

const folder = mkdtempSync(path.join(tmpdir(), 'wrs-strict-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

/** Transitional names and their ISO/IEC 29500 Strict counterparts (ECMA-376 Part 1, Strict schemas and Annex). */
const strictNames: Array<[string, string]> = [
  ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main'],
  [
    'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties',
    'http://purl.oclc.org/ooxml/officeDocument/relationships/extendedProperties',
  ],
  [
    'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties',
    'http://purl.oclc.org/ooxml/officeDocument/relationships/customProperties',
  ],
  [
    'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
    'http://purl.oclc.org/ooxml/officeDocument/relationships',
  ],
  [
    'http://schemas.openxmlformats.org/officeDocument/2006/extended-properties',
    'http://purl.oclc.org/ooxml/officeDocument/extendedProperties',
  ],
  [
    'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties',
    'http://purl.oclc.org/ooxml/officeDocument/customProperties',
  ],
  [
    'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes',
    'http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes',
  ],
  ['http://schemas.openxmlformats.org/officeDocument/2006/math', 'http://purl.oclc.org/ooxml/officeDocument/math'],
  ['http://schemas.openxmlformats.org/drawingml/2006/main', 'http://purl.oclc.org/ooxml/drawingml/main'],
  [
    'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
    'http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing',
  ],
  ['http://schemas.openxmlformats.org/drawingml/2006/picture', 'http://purl.oclc.org/ooxml/drawingml/picture'],
]

/**
 * A Strict package as Word's “Strict Open XML 文档” writes it, made from a Transitional one: every namespace name and
 * relationship type in its Strict form, `w:conformance="strict"`, and (as packages may) the main part and the styles
 * under other names, found only through the relationships.
 */
function strictFrom(transitional: Uint8Array): Uint8Array {
  const files = unzipSync(transitional)
  const renames: Record<string, string> = {
    'word/document.xml': 'word/main.xml',
    'word/_rels/document.xml.rels': 'word/_rels/main.xml.rels',
    'word/styles.xml': 'word/stylesheet.xml',
  }
  const out: Record<string, Uint8Array> = {}
  for (const [name, bytes] of Object.entries(files)) {
    let text = strFromU8(bytes)
    if (/\.(xml|rels)$/.test(name)) {
      for (const [from, to] of strictNames) text = text.replaceAll(from, to)
      text = text
        .replace('Target="word/document.xml"', 'Target="word/main.xml"')
        .replace('PartName="/word/document.xml"', 'PartName="/word/main.xml"')
        .replace('PartName="/word/styles.xml"', 'PartName="/word/stylesheet.xml"')
        .replace('Target="styles.xml"', 'Target="stylesheet.xml"')
        .replace('<w:document ', '<w:document w:conformance="strict" ')
    }
    out[renames[name] ?? name] = strToU8(text)
  }
  expect(JSON.stringify(Object.keys(out))).not.toContain('document.xml')
  expect(strFromU8(out['word/main.xml']!)).toContain('xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"')
  expect(strFromU8(out['word/main.xml']!)).not.toContain('schemas.openxmlformats.org/wordprocessingml')
  return zipSync(out)
}

async function imported(name: string, bytes: Uint8Array) {
  const file = path.join(folder, name)
  writeFileSync(file, bytes)
  const result = await importReportFile(file)
  if (!result.ok) throw new Error(result.message)
  return result.value.reports
}

describe('ISO/IEC 29500 Strict DOCX', () => {
  it('imports exactly as the same document saved Transitional: headings from its styles, lists, front matter', async () => {
    for (const [name, make] of [
      ['styles', docxWithHeadingStyles],
      ['lists', numberedListsDocx],
    ] as const) {
      const transitional = await make()
      const strict = await imported(`${name}-strict.docx`, strictFrom(transitional))
      const plain = await imported(`${name}.docx`, transitional)
      // everything but the provenance (file name, time)
      const content = (reports: typeof plain) => reports.map(({ meta, doc, checks }) => ({ meta, doc, checks }))
      expect(content(strict)).toEqual(content(plain))
      expect(plain[0]!.doc.content!.length).toBeGreaterThan(10)
    }
  })

  it('translates the names part by part and leaves a Transitional package as it is', () => {
    expect(transitionalName('officeDocument', 'relationships', 'extendedProperties')).toBe(
      'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties',
    )
    const files = {
      'word/document.xml': strToU8('<w:document xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main"/>'),
    }
    const read = transitionalPackage(files)
    expect(read.strict).toBe(true)
    expect(strFromU8(read.files['word/document.xml']!)).toBe(
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
    )
    const plain = {
      'word/document.xml': read.files['word/document.xml']!,
      'word/media/image1.png': new Uint8Array([1]),
    }
    expect(transitionalPackage(plain).files).toBe(plain)
  })
})
