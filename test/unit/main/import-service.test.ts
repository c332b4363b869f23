import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { decodeText, importReportFile } from '../../../main/services/import-service'
import { seedSamplePath } from '../../fixtures/seed-sample-path'

const folder = mkdtempSync(path.join(tmpdir(), 'wrs-import-service-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

const text =
  '××区人民代表大会常务委员会工作报告\n2023年主要工作\n一、坚持党的领导\n全年召开会议8次。\n2024年主要任务\n继续加强监督。\n'

function gb18030(value: string): Uint8Array {
  // the two-byte GBK codes of the characters used below, checked against TextDecoder('gb18030')
  const table: Record<string, number[]> = {
    各: [0xb8, 0xf7],
    位: [0xce, 0xbb],
    代: [0xb4, 0xfa],
    表: [0xb1, 0xed],
    '：': [0xa3, 0xba],
  }
  return new Uint8Array([...value].flatMap(char => table[char] ?? [char.charCodeAt(0)]))
}

describe('import service text decoding', () => {
  it('reads UTF-8 with and without BOM, UTF-16 LE and BE with BOM', async () => {
    const utf8 = new TextEncoder().encode(text)
    expect(decodeText(utf8, 'a.txt')).toMatchObject({ ok: true, text, encoding: 'UTF-8' })
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), 'a.txt')).toMatchObject({ ok: true, text })
    const le = Buffer.from('\ufeff' + text, 'utf16le')
    expect(decodeText(le, 'a.txt')).toMatchObject({ ok: true, text, encoding: 'UTF-16LE' })
    const be = Buffer.from(le).swap16()
    expect(decodeText(be, 'a.txt')).toMatchObject({ ok: true, text, encoding: 'UTF-16BE' })
    for (const [name, bytes] of [
      ['utf16.txt', le],
      ['bom.md', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])],
    ] as const) {
      writeFileSync(path.join(folder, name), bytes)
      const result = await importReportFile(path.join(folder, name))
      expect(result.ok && result.value.reports[0]!.meta).toMatchObject({
        kind: 'npc',
        planYear: 2024,
        numbering: 'yearParts',
      })
    }
  })

  it('falls back to GB18030 when the bytes are not UTF-8', async () => {
    const bytes = gb18030('各位代表：')
    expect(new TextDecoder('gb18030').decode(bytes)).toBe('各位代表：')
    expect(decodeText(bytes, 'gbk.txt')).toMatchObject({ ok: true, text: '各位代表：', encoding: 'GB18030' })
    const file = path.join(folder, 'gbk.txt')
    writeFileSync(file, bytes)
    const result = await importReportFile(file)
    expect(result.ok && result.value.notes[0]).toContain('GB18030')
  })

  it('refuses binary junk with a message', async () => {
    const junk = new Uint8Array(2048).map((_, index) => (index * 97 + 13) % 256)
    const decoded = decodeText(junk, 'junk.txt')
    expect(decoded.ok).toBe(false)
    const file = path.join(folder, 'junk.txt')
    writeFileSync(file, junk)
    const result = await importReportFile(file)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(/二进制数据|无法识别/)
  })

  it('opens a .wrs through the report file reader', async () => {
    const file = path.join(folder, 'broken.wrs')
    writeFileSync(file, '{not json')
    const result = await importReportFile(file)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toContain('不是有效的 JSON')
  })
})

describe('a Markdown page saved as .txt', () => {
  it('imports like the .md: two reports with their year parts, not one report of “## …” paragraphs', async () => {
    const seed = readFileSync(seedSamplePath, 'utf8')
    const file = path.join(folder, '报纸版面.txt')
    writeFileSync(file, seed)
    const result = await importReportFile(file)
    if (!result.ok) throw new Error(result.message)
    expect(result.value.reports.map(report => [report.meta.kind, report.meta.planYear, report.meta.numbering])).toEqual(
      [
        ['npc', 2023, 'yearParts'],
        ['cppcc', 2023, 'yearParts'],
      ],
    )
    expect(JSON.stringify(result.value.reports[0]!.doc)).not.toContain('##')
  })
})
