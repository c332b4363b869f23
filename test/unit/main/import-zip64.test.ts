import { readFileSync } from 'node:fs'
import path from 'node:path'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { inflateEntry, zipEntries } from '../../../main/import/zip-entries'
import { importReportFile } from '../../../main/services/import-service'

/**
 * A DOCX repacked by Info-ZIP with Zip64 forced (`zip -fz`, scripts/make-corpus.mjs): every size the directory
 * gives is in a Zip64 extra field, the directory's offset only in the Zip64 end record. The counted reader must read
 * those, not the 0xFFFFFFFF placeholders, and the import must come out as from the ordinary package.
 */
const fixtures = path.join('test', 'fixtures')
const zip64File = path.join(fixtures, 'zip64', 'lo-report-headings.zip64.docx')
const plainFile = path.join(fixtures, 'corpus', 'lo-report-headings.docx')

describe('Zip64 DOCX', () => {
  const bytes = new Uint8Array(readFileSync(zip64File))
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)

  it('is a Zip64 archive (the fixture is what `zip -fz` writes)', () => {
    const end = bytes.length - 22
    expect(view.getUint32(end, true)).toBe(0x06054b50)
    // the directory's offset only in the Zip64 end record, found through its locator
    expect(view.getUint32(end + 16, true)).toBe(0xffffffff)
    expect(view.getUint32(end - 20, true)).toBe(0x07064b50)
    // the first directory entry's size a placeholder, the real one in its Zip64 extra field (id 1)
    const directory = Number(view.getBigUint64(Number(view.getBigUint64(end - 12, true)) + 48, true))
    expect(view.getUint32(directory, true)).toBe(0x02014b50)
    expect(view.getUint32(directory + 24, true)).toBe(0xffffffff)
    expect(view.getUint16(directory + 46 + view.getUint16(directory + 28, true), true)).toBe(0x0001)
  })

  it('lists every entry with its true sizes, and each inflates to exactly its declared size', () => {
    const entries = zipEntries(bytes)
    const plain = unzipSync(new Uint8Array(readFileSync(plainFile)))
    expect(
      entries
        ?.filter(entry => !entry.name.endsWith('/'))
        .map(entry => entry.name)
        .sort(),
    ).toEqual(Object.keys(plain).sort())
    for (const entry of entries!.filter(item => !item.name.endsWith('/'))) {
      const inflated = inflateEntry(bytes, entry, 64 * 1024 * 1024)
      if (!inflated.ok) throw new Error(`${entry.name}: ${inflated.reason}`)
      expect(entry.declaredSize).toBe(inflated.data.length)
      expect(inflated.data).toEqual(plain[entry.name])
    }
  })

  it('reads the stream-written copy, whose end record marks a Zip64 offset but has no Zip64 record', () => {
    const streamed = new Uint8Array(readFileSync(zip64File.replace(/\.zip64\.docx$/, '.zip64-stream.docx')))
    const end = new DataView(streamed.buffer, streamed.byteOffset, streamed.byteLength)
    expect(end.getUint32(streamed.length - 22 + 16, true)).toBe(0xffffffff)
    expect(end.getUint32(streamed.length - 42, true)).not.toBe(0x07064b50)
    expect(zipEntries(streamed)?.filter(entry => !entry.name.endsWith('/'))).toHaveLength(
      Object.keys(unzipSync(new Uint8Array(readFileSync(plainFile)))).length,
    )
  })

  it('imports as the same report as the ordinary package (written to a file, and written as a stream)', async () => {
    const plain = await importReportFile(plainFile)
    if (!plain.ok) throw new Error(plain.message)
    const content = (reports: typeof plain.value.reports) => reports.map(({ meta, doc }) => ({ meta, doc }))
    for (const file of [zip64File, zip64File.replace(/\.zip64\.docx$/, '.zip64-stream.docx')]) {
      const zip64 = await importReportFile(file)
      if (!zip64.ok) throw new Error(zip64.message)
      expect(content(zip64.value.reports)).toEqual(content(plain.value.reports))
      expect(zip64.value.reports[0]!.doc.content!.length).toBeGreaterThan(5)
    }
  })
})
