import { promises as fs } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serializeReportFile } from '../../../core/report-file'
import { getBuiltinTemplate } from '../../../core/templates/builtin-templates'
import { createReport } from '../../../core/templates/create-report'
import { readReportFile, writeReportFile } from '../../../main/services/file-service'

let dir: string
const report = createReport(getBuiltinTemplate('npc')!, {
  planYear: 2024,
  organisation: '××区',
  meetingName: '',
  date: '',
  speakerOffice: '',
  speakerName: '',
  termEnd: false,
})

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'wrs-files-'))
})
afterAll(async () => {
  await fs.rm(dir, { recursive: true, force: true })
})

async function refusal(
  name: string,
  content: string | Buffer,
): Promise<{ code: string; message: string; bytes: Buffer }> {
  const file = path.join(dir, name)
  await fs.writeFile(file, content)
  const result = await readReportFile(file)
  if (result.ok) throw new Error(`${name} was accepted`)
  return { code: result.code, message: result.message, bytes: await fs.readFile(file) }
}

describe('file service', () => {
  it('saves and reopens a report unchanged, keeping the previous version as .bak', async () => {
    const file = path.join(dir, '2024年工作报告.wrs')
    expect((await writeReportFile(file, report)).ok).toBe(true)
    const reopened = await readReportFile(file)
    expect(reopened).toEqual({ ok: true, value: report })
    const edited = { ...report, meta: { ...report.meta, title: '修改后的标题' } }
    await writeReportFile(file, edited)
    expect(JSON.parse(await fs.readFile(`${file}.bak`, 'utf8')).meta.title).toBe(report.meta.title)
    expect(JSON.parse(await fs.readFile(file, 'utf8')).meta.title).toBe('修改后的标题')
  })

  it.each([
    ['broken JSON', 'broken.wrs', '{"format":"work-report-studio","version":1,"meta":', 'invalid-json', /文件已损坏/],
    [
      'a foreign JSON file',
      'foreign.wrs',
      JSON.stringify({ name: 'package', version: '1.0.0' }),
      'wrong-format',
      /不是工作报告编写器的文件/,
    ],
    [
      'a newer format version',
      'newer.wrs',
      JSON.stringify({ ...report, version: 99 }),
      'newer-version',
      /更新版本.*请升级/,
    ],
    ['a binary file', 'binary.wrs', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0x10]), 'binary', /二进制/],
    [
      'a damaged structure',
      'damaged.wrs',
      JSON.stringify({ ...report, doc: 'not a doc' }),
      'invalid-structure',
      /不完整或已损坏/,
    ],
  ])('refuses %s with a zh-CN message and leaves it untouched', async (_label, name, content, code, message) => {
    const result = await refusal(name, content)
    expect(result.code).toBe(code)
    expect(result.message).toMatch(message)
    expect(result.bytes.equals(Buffer.isBuffer(content) ? content : Buffer.from(content))).toBe(true)
    await expect(fs.access(path.join(dir, `${name}.bak`))).rejects.toThrow()
  })

  it('refuses a GBK re-save instead of opening mojibake, and opens a UTF-16 (Notepad “Unicode”) copy as it is', async () => {
    const text = JSON.stringify(report)
    const gbk = Buffer.from([
      ...Buffer.from(text.slice(0, text.indexOf(report.meta.title)), 'utf8'),
      0xb6,
      0xfe,
      0xc6,
      0xdf,
      ...Buffer.from(text.slice(text.indexOf(report.meta.title) + report.meta.title.length), 'utf8'),
    ])
    const result = await refusal('gbk.wrs', gbk)
    expect(result.code).toBe('wrong-encoding')
    expect(result.message).toMatch(/不是 UTF-8 编码.*另存为 UTF-8/)
    expect(result.bytes.equals(gbk)).toBe(true)
    const utf16 = path.join(dir, 'utf16.wrs')
    await fs.writeFile(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))
    expect(await readReportFile(utf16)).toEqual({ ok: true, value: report })
  })

  it('says a missing file is missing', async () => {
    const result = await readReportFile(path.join(dir, 'nowhere.wrs'))
    expect(result).toMatchObject({ ok: false, code: 'not-found' })
  })

  it('refuses to save an invalid report and keeps the file on disk as it was', async () => {
    const file = path.join(dir, 'keep.wrs')
    await fs.writeFile(file, serializeReportFile(report))
    const result = await writeReportFile(file, { ...report, meta: { ...report.meta, planYear: 'next year' } })
    expect(result).toMatchObject({ ok: false, code: 'invalid-report' })
    expect(await fs.readFile(file, 'utf8')).toBe(serializeReportFile(report))
  })

  it('reports a folder it cannot write to in zh-CN and leaves no temp file', async () => {
    const locked = path.join(dir, 'locked')
    await fs.mkdir(locked)
    await fs.chmod(locked, 0o500)
    const result = await writeReportFile(path.join(locked, 'a.wrs'), report)
    await fs.chmod(locked, 0o700)
    if (process.getuid?.() === 0) {
      // root ignores directory permissions; the write simply succeeds.
      expect(result.ok).toBe(true)
    } else {
      expect(result).toMatchObject({ ok: false, code: 'write-failed' })
      expect(await fs.readdir(locked)).toEqual([])
    }
  })
})
