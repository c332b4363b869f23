import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { zipSync } from 'fflate'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../../../main/cli/run-cli'
import { inspectDocxBytes } from '../../../main/import/read-docx'
import { importReportFile } from '../../../main/services/import-service'
import { docxWithHeadingStyles } from './docx-import-fixtures'

const folder = mkdtempSync(path.join(tmpdir(), 'wrs-bad-docx-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex')
}

/** Each bad DOCX: refused by the import service with its zh-CN message, the file unchanged, and `wrs import` writes nothing. */
async function expectRefused(name: string, write: (file: string) => void, code: string, words: RegExp) {
  const file = path.join(folder, name)
  write(file)
  const before = sha256(file)
  const result = await importReportFile(file)
  expect(result.ok).toBe(false)
  if (result.ok) return
  expect(result.code).toBe(code)
  expect(result.message).toMatch(words)
  expect(result.message).toContain('原文件未作改动')
  expect(result.message).toMatch(/请/)

  const out = path.join(folder, `${name}-out`)
  mkdirSync(out)
  const stderr: string[] = []
  const exit = await runCli(['import', file, '-o', out], { out: () => {}, err: text => stderr.push(text), cwd: folder })
  expect(exit).toBe(2)
  expect(stderr.join('')).toContain(result.message)
  expect(stderr.join('')).not.toMatch(/\n\s+at /)
  expect(readdirSync(out)).toEqual([])
  expect(
    readdirSync(folder).filter(entry => entry.startsWith(name) && entry !== name && entry !== `${name}-out`),
  ).toEqual([])
  expect(sha256(file)).toBe(before)
}

describe('bad DOCX files are refused before any parser reads them', () => {
  it('not a zip', async () => {
    await expectRefused(
      'notes.docx',
      file => writeFileSync(file, '这其实是一个文本文件，只是扩展名写成了 docx。'),
      'not-zip',
      /不是有效的 Word 文档/,
    )
  })

  it('truncated', async () => {
    const whole = await docxWithHeadingStyles()
    await expectRefused(
      'cut.docx',
      file => writeFileSync(file, whole.subarray(0, Math.floor(whole.length / 2))),
      'truncated',
      /不完整或已损坏/,
    )
  })

  it('a zip bomb (a 16 MB run of zeros packed into a few kilobytes)', async () => {
    const zeros = new Uint8Array(16 * 1024 * 1024)
    const bomb = zipSync(
      { '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'word/document.xml': zeros },
      { level: 9 },
    )
    expect(bomb.length).toBeLessThan(1024 * 1024)
    await expectRefused('bomb.docx', file => writeFileSync(file, bomb), 'zip-bomb', /压缩炸弹/)
  })

  it('password protected (an OLE compound file, as Word writes encrypted OOXML)', async () => {
    const ole = new Uint8Array(4096)
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
    ole.set(new TextEncoder().encode('EncryptionInfo EncryptedPackage'), 512)
    await expectRefused('secret.docx', file => writeFileSync(file, ole), 'encrypted', /密码/)
  })

  it('larger than the 50 MB limit', async () => {
    await expectRefused(
      'huge.docx',
      file => {
        writeFileSync(file, 'PK\u0003\u0004')
        truncateSync(file, 51 * 1024 * 1024)
      },
      'too-large',
      /超过了 50 MB/,
    )
  })

  it('a zip bomb whose directory lies about the sizes is caught by counting what really inflates', () => {
    const zeros = new Uint8Array(8 * 1024 * 1024)
    const bytes = zipSync(
      { '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'word/document.xml': zeros },
      { level: 9 },
    )
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    let patched = 0
    for (let offset = 0; offset + 46 <= bytes.length; offset++) {
      // local file headers (uncompressed size at +22) and central directory entries (at +24) both claim 100 bytes
      if (view.getUint32(offset, true) === 0x04034b50 && view.getUint32(offset + 22, true) === zeros.length) {
        view.setUint32(offset + 22, 100, true)
        patched++
      }
      if (view.getUint32(offset, true) === 0x02014b50 && view.getUint32(offset + 24, true) === zeros.length) {
        view.setUint32(offset + 24, 100, true)
        patched++
      }
    }
    expect(patched).toBe(2)
    const limits = { maxUnpackedBytes: 4 * 1024 * 1024 }
    expect(inspectDocxBytes(bytes, 'liar.docx', limits)).toMatchObject({ ok: false, code: 'zip-bomb' })
    // the same archive with honest, smaller content passes the same limits
    const honest = zipSync({
      '[Content_Types].xml': new TextEncoder().encode('<Types/>'),
      'word/document.xml': new Uint8Array(1024 * 1024),
    })
    expect(inspectDocxBytes(honest, 'honest.docx', limits)).toMatchObject({ ok: true })
  })

  it('a zip that is not a Word document', async () => {
    const zip = zipSync({ 'readme.txt': new TextEncoder().encode('hello') })
    const file = path.join(folder, 'other.docx')
    writeFileSync(file, zip)
    const result = await importReportFile(file)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toContain('缺少 word/document.xml')
  })
})
