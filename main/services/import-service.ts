import { promises as fs } from 'node:fs'
import path from 'node:path'
import { importHtml } from '../../core/import/import-html'
import type { ImportOptions } from '../../core/import/import-blocks'
import { countTextParagraphs, IMPORT_MAX_PARAGRAPHS, paragraphLimitMessage } from '../../core/import/import-limits'
import { importText } from '../../core/import/import-text'
import type { ImportOutcome } from '../../core/ipc/reuse-api'
import { fail, ok, type IpcResult } from '../../core/ipc/ipc-result'
import { readDocx } from '../import/read-docx'
import { decodeText } from '../import/decode-text'
import { readReportFile } from './file-service'

export { decodeText, type DecodeResult } from '../import/decode-text'

/** Largest text or Markdown file accepted (a 100-page report is ~200 KB of UTF-8). */
export const TEXT_MAX_BYTES = 20 * 1024 * 1024

export const importExtensions = ['.docx', '.md', '.markdown', '.txt', '.wrs'] as const

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
    const result = importHtml(
      read.html,
      { ...options, fileName },
      {
        dropCaps: read.dropCaps,
        listNumbers: read.listNumbers,
      },
    )
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
  const paragraphs = countTextParagraphs(decoded.text)
  if (paragraphs > IMPORT_MAX_PARAGRAPHS) return fail('too-large', paragraphLimitMessage(fileName, paragraphs))
  const result = importText(decoded.text, { ...options, fileName, markdown: extension === '.txt' ? undefined : true })
  if (!result.reports.length) return fail('empty', `“${fileName}”中没有文字，未导入任何报告。请检查是否选对了文件。`)
  return ok({ source: filePath, reports: result.reports, notes: [...decoded.notes, ...result.notes] })
}
