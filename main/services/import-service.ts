import { promises as fs } from 'node:fs'
import path from 'node:path'
import { importHtml } from '../../core/import/import-html'
import type { ImportOptions } from '../../core/import/import-blocks'
import { importText } from '../../core/import/import-text'
import type { ImportOutcome } from '../../core/ipc/reuse-api'
import { fail, ok, type IpcResult } from '../../core/ipc/ipc-result'
import { readDocx } from '../import/read-docx'
import { readReportFile } from './file-service'

/** Largest text or Markdown file accepted (a 100-page report is ~200 KB of UTF-8). */
export const TEXT_MAX_BYTES = 20 * 1024 * 1024

export const importExtensions = ['.docx', '.md', '.markdown', '.txt', '.wrs'] as const

export type DecodeResult = { ok: true; text: string; encoding: string } | { ok: false; message: string }

/**
 * Decodes a text file: UTF-8 (with or without BOM), UTF-16 LE/BE with BOM, else GB18030 (Windows 记事本 and WPS save
 * 简体中文 text as GBK). Binary data is refused.
 */
export function decodeText(bytes: Uint8Array, fileName: string): DecodeResult {
  const binary = {
    ok: false as const,
    message: `“${fileName}”的内容是二进制数据，不是文本，无法导入。请选择 .txt、.md 或 .docx 文件。`,
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return checkText(new TextDecoder('utf-16le').decode(bytes.subarray(2)), 'UTF-16LE', binary)
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return checkText(new TextDecoder('utf-16be').decode(bytes.subarray(2)), 'UTF-16BE', binary)
  const body =
    bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes
  if (body.includes(0)) return binary
  try {
    return checkText(new TextDecoder('utf-8', { fatal: true }).decode(body), 'UTF-8', binary)
  } catch {
    const text = new TextDecoder('gb18030').decode(body)
    const replaced = (text.match(/\ufffd/g) ?? []).length
    if (replaced > Math.max(3, text.length / 200)) {
      return {
        ok: false,
        message: `“${fileName}”既不是 UTF-8 也不是 GB18030（GBK）编码的文本，无法识别其中的文字。请用记事本或 WPS 打开后另存为 UTF-8 编码再导入。`,
      }
    }
    return checkText(text, 'GB18030', binary)
  }
}

function checkText(text: string, encoding: string, binary: { ok: false; message: string }): DecodeResult {
  const controls = (text.slice(0, 65536).match(/[\u0000-\u0008\u000e-\u001f]/g) ?? []).length
  if (controls > 0 && controls > text.slice(0, 65536).length / 1000) return binary
  return { ok: true, text, encoding }
}

/**
 * Imports `.docx`, `.md`, `.txt` or `.wrs` into reports, one per report found. The source file is only read.
 */
export async function importReportFile(
  filePath: string,
  options: Omit<ImportOptions, 'fileName'> = {},
): Promise<IpcResult<ImportOutcome>> {
  const extension = path.extname(filePath).toLowerCase()
  const fileName = path.basename(filePath)
  if (!(importExtensions as readonly string[]).includes(extension)) {
    return fail(
      'unsupported',
      `不能导入“${fileName}”：只支持 Word 文档（.docx）、Markdown（.md）、文本（.txt）和工作报告文件（.wrs）。旧版 .doc 文件请先在 Word 或 WPS 中另存为 .docx。`,
    )
  }
  if (extension === '.wrs') {
    const read = await readReportFile(filePath)
    return read.ok ? ok({ source: filePath, reports: [read.value], notes: [] }) : read
  }
  if (extension === '.docx') {
    const read = await readDocx(filePath)
    if (!read.ok) return fail(read.code, read.message)
    const result = importHtml(read.html, { ...options, fileName }, { dropCaps: read.dropCaps })
    if (!result.reports.length) return fail('empty', `“${fileName}”中没有文字，未导入任何报告。请检查是否选对了文件。`)
    return ok({ source: filePath, reports: result.reports, notes: [...read.leftOut, ...result.notes] })
  }
  let bytes: Uint8Array
  try {
    const stat = await fs.stat(filePath)
    if (!stat.isFile()) return fail('not-file', `“${filePath}”不是文件。请选择要导入的文件。`)
    if (stat.size > TEXT_MAX_BYTES)
      return fail(
        'too-large',
        `“${fileName}”超过 ${TEXT_MAX_BYTES / 1024 / 1024} MB，不像是一份工作报告。请确认选择了正确的文件。`,
      )
    bytes = await fs.readFile(filePath)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return fail('not-found', `找不到文件“${filePath}”。请检查路径是否正确。`)
    return fail('unreadable', `无法读取“${fileName}”（${code ?? '未知错误'}）。请检查文件权限后重试。`)
  }
  const decoded = decodeText(bytes, fileName)
  if (!decoded.ok) return fail('bad-encoding', decoded.message)
  const result = importText(decoded.text, { ...options, fileName, markdown: extension === '.txt' ? undefined : true })
  if (!result.reports.length) return fail('empty', `“${fileName}”中没有文字，未导入任何报告。请检查是否选对了文件。`)
  const notes =
    decoded.encoding === 'GB18030' ? [`“${fileName}”按 GB18030（GBK）编码读取。`, ...result.notes] : result.notes
  return ok({ source: filePath, reports: result.reports, notes })
}
